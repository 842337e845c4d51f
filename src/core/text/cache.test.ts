import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  cachedTokens,
  clearTokenCache,
  lexiconFor,
  TOKEN_MEMO_BYTES,
  tokenCacheStats,
  TokenMemo,
} from './cache.ts';
import { profile, type TextProfile } from './shingles.ts';
import { tokenize, type Token } from './segment.ts';

const PHRASES = [
  '村口路灯坏了一个多月晚上走路看不见',
  '小区物业不作为垃圾清运不及时',
  '夜间施工噪音扰民影响孩子休息',
  '自来水停了大半天家里做不了饭',
  '道路破损坑洼下雨天积水严重',
  '工地拖欠工资已经三个月没有发放',
  '卫生室缺药老人看病要跑到县城',
];
/** A resident's long appeal (about `parts` × 20 characters), different for every `i`. */
const longText = (i: number, parts: number) =>
  Array.from(
    { length: parts },
    (_, r) => `${PHRASES[(i + r) % PHRASES.length]}，${i}栋${r}号`,
  ).join('。');

/** V8's gc(), reachable in a test worker without a command-line flag. */
function forcedGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('token memo', () => {
  it('keeps its estimated bytes within the budget however many long texts go in', () => {
    const memo = new TokenMemo(1024 * 1024);
    const lexicon = lexiconFor([]);
    let made = 0;
    const make = (t: string) => () => (made++, tokenize(t, lexicon));
    for (let i = 0; i < 300; i++) {
      memo.get(`a${i}`, make(longText(i, 40)));
      expect(memo.bytes).toBeLessThanOrEqual(memo.maxBytes);
    }
    expect(memo.size).toBeLessThan(300);
    expect(made).toBe(300);
    // The oldest text was dropped and is read afresh; the newest is still memoized.
    memo.get('a0', make(longText(0, 40)));
    memo.get('a299', make(longText(299, 40)));
    expect(made).toBe(301);
  });

  it('drops the least recently used entry first, not one just read', () => {
    const lexicon = lexiconFor([]);
    const tokens = (i: number) => tokenize(longText(i, 10), lexicon);
    const one = new TokenMemo(1024 * 1024);
    one.get('k0', () => tokens(0));
    // Room for three entries of this size.
    const memo = new TokenMemo(one.bytes * 3 + 100);
    const first = memo.get('k0', () => tokens(0));
    memo.get('k1', () => tokens(1));
    memo.get('k2', () => tokens(2));
    expect(memo.get('k0', () => [])).toBe(first);
    memo.get('k3', () => tokens(3));
    expect(memo.get('k0', () => [])).toBe(first);
    expect(memo.get('k1', () => [])).toEqual([]);
  });

  it('holds no more heap than its budget, measured after a forced GC', () => {
    const gc = forcedGc();
    const budget = 4 * 1024 * 1024;
    const lexicon = lexiconFor([]);
    // As problem matching does: a profile rides along with each memoized array while it lives.
    const profiles = new WeakMap<Token[], TextProfile>();
    const memo = new TokenMemo(budget);
    gc();
    const before = process.memoryUsage().heapUsed;
    // About 3 × the budget of texts near the intake form's 2,000-character limit.
    for (let i = 0; i < 480; i++) {
      const tokens = memo.get(`t${i}`, () => tokenize(longText(i, 90), lexicon));
      profiles.set(tokens, profile(tokens));
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(memo.size).toBeLessThan(480);
    expect(grown).toBeLessThanOrEqual(budget * 1.25);
    expect(grown).toBeGreaterThan(budget / 2);
  });

  it('bounds the process-wide memo that problem matching reads', () => {
    clearTokenCache();
    const lexicon = lexiconFor(['柳湾村']);
    expect(TOKEN_MEMO_BYTES).toBeLessThanOrEqual(64 * 1024 * 1024);
    const text = longText(1, 90);
    const a = cachedTokens('order-1', text, lexicon);
    expect(cachedTokens('order-1', text, lexicon)).toBe(a);
    expect(cachedTokens('order-1', `${text}。已补充`, lexicon)).not.toBe(a);
    const stats = tokenCacheStats();
    expect(stats.entries).toBe(2);
    expect(stats.bytes).toBeGreaterThan(2 * 20_000);
    expect(stats.bytes).toBeLessThanOrEqual(stats.maxBytes);
    clearTokenCache();
    expect(tokenCacheStats().bytes).toBe(0);
  });
});
