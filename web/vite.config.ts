import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA lives in web/ and is built into web/dist, which the server serves with SPA fallback.
// In development (`npm run dev:web`) API calls are proxied to a server on port 8080.
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes `.br` and `.gz` beside every text asset of the build, so the server sends them as they are
 * (serveStatic's `precompressed`) with no compression work per request.
 */
function precompress(): Plugin {
  return {
    name: 'lvzhi-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? path.join(root, 'dist');
      for (const [file, out] of Object.entries(bundle)) {
        if (!/\.(js|css|svg|json|html)$/.test(file)) continue;
        const body = Buffer.from(out.type === 'chunk' ? out.code : out.source);
        if (body.length < 1024) continue;
        const target = path.join(dir, file);
        writeFileSync(
          `${target}.br`,
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
        writeFileSync(`${target}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: true },
    },
  },
});
