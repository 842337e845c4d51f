/**
 * Builds the web UI when it is missing or older than its sources, so `npm start` on a fresh
 * clone needs no separate build command.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, WEB_DIST } from './config.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

export function webBuildIsStale(): boolean {
  const index = path.join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const web = path.join(REPO_ROOT, 'web');
  // The web also bundles pure core modules (report outline and numbering, appeal channels …).
  const shared = newestMtime(path.join(REPO_ROOT, 'src/core'));
  const sources = Math.max(
    newestMtime(path.join(web, 'src')),
    shared,
    statSync(path.join(web, 'index.html')).mtimeMs,
    statSync(path.join(web, 'vite.config.ts')).mtimeMs,
  );
  return sources > statSync(index).mtimeMs;
}

export async function buildWebIfStale(log: (message: string) => void): Promise<void> {
  if (!existsSync(path.join(REPO_ROOT, 'web/index.html')) || !webBuildIsStale()) return;
  log('正在构建网页界面（首次启动或源码有更新，约需一分钟）…');
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  log('网页界面构建完成');
}
