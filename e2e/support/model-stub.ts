/**
 * A stub of a town's model server (OpenAI-compatible chat completions) on 127.0.0.1 for the 润色
 * journey: in `good` mode it rewords every paragraph and keeps the locked figure tokens; in
 * `drop` mode it loses the last figure, which the app must refuse. Start it before the app server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface ModelStub {
  url: string;
  mode: 'good' | 'drop';
  requests: number;
}

const TOKEN = /\{\{\d+\|[^{}]*\}\}/gu;

export function rewrite(text: string, mode: ModelStub['mode']): string {
  if (mode === 'drop') {
    const tokens = text.match(TOKEN) ?? [];
    return text.replace(tokens[tokens.length - 1] ?? '', '');
  }
  return text
    .split('\n')
    .map((line) => `扎实推进，${line}`)
    .join('\n');
}

export function startModelStub(): ModelStub {
  const stub: ModelStub = { url: '', mode: 'good', requests: 0 };
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        stub.requests++;
        const body = JSON.parse(raw) as { messages: Array<{ content: string }> };
        const prompt = body.messages[body.messages.length - 1]!.content;
        const text = prompt.slice(prompt.indexOf('正文：\n') + '正文：\n'.length);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ message: { content: rewrite(text, stub.mode) } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  return stub;
}
