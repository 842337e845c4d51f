/**
 * Heap held by the token memo per entry (src/core/text/cache.ts), for calibrating its byte
 * estimate: fills a memo with demo-like order texts of four lengths, with the TextProfile that
 * problem matching attaches to each array, and compares the heap after a forced GC with the
 * memo's estimate. Needs the gc() flag:
 *
 *   node --expose-gc --import tsx bench/token-cache-probe.ts      # N=3000 texts per length
 */
import { HOTLINE_DETAILS, HOTLINE_WORDING, SPOTS } from '../src/demo/demo-appeals-text.ts';
import {
  lexiconFor,
  profile,
  tokenize,
  TokenMemo,
  type TextProfile,
  type Token,
} from '../src/core/text/index.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const lexicon = lexiconFor(['柳湾村', '青石社区', '石桥村', '河口村']);
const wordings = Object.values(HOTLINE_WORDING).flat();
const details = Object.values(HOTLINE_DETAILS).flat();

/** An order text: one wording and `parts` details, different for every i. */
function text(i: number, parts: number): string {
  let s = `${wordings[i % wordings.length]!.replace('{p}', String(SPOTS[i % SPOTS.length]))}。`;
  for (let r = 0; r < parts; r++) s += `${details[(i * 7 + r) % details.length]}，${i + r}号`;
  return s;
}

const N = Number(process.env.N ?? 3000);
for (const parts of [1, 4, 15, 130]) {
  const memo = new TokenMemo(Number.MAX_SAFE_INTEGER);
  const profiles = new WeakMap<Token[], TextProfile>();
  gc();
  const before = process.memoryUsage().heapUsed;
  let chars = 0;
  let count = 0;
  for (let i = 0; i < N; i++) {
    const t = text(i, parts);
    chars += t.length;
    const tokens = memo.get(`1|order-${i}|${t.length}`, () => tokenize(t, lexicon));
    count += tokens.length;
    profiles.set(tokens, profile(tokens));
  }
  gc();
  const held = process.memoryUsage().heapUsed - before;
  console.log(
    `${N} texts of ${(chars / N).toFixed(0)} characters (${(count / N).toFixed(1)} tokens): ` +
      `heap ${(held / N).toFixed(0)} B per entry, estimate ${(memo.bytes / N).toFixed(0)} B; ` +
      `50,000 entries ≈ ${(((held / N) * 50_000) / 1048576).toFixed(0)} MB`,
  );
}
