/**
 * Shingles of a segmented text: its words, adjacent word pairs and character n-grams of the
 * cleaned text (robust where jieba splits two phrasings differently), hashed to 32-bit integers
 * for MinHash; and the exact Jaccard similarity that verifies a MinHash candidate pair.
 */

export interface ShingleOptions {
  /** Character n-gram length over the cleaned text (default 2: most Chinese words are two characters). */
  charN?: number;
  /** Also use adjacent word pairs (default true). */
  wordPairs?: boolean;
}

/** The shingle strings of one token sequence (see segment.ts). */
export function shingles(tokens: readonly string[], options: ShingleOptions = {}): Set<string> {
  const n = options.charN ?? 2;
  const out = new Set<string>();
  const words = tokens.filter((t) => [...t].length >= 2 || /\d/u.test(t));
  for (const w of words) out.add(`w:${w}`);
  if (options.wordPairs ?? true)
    for (let i = 1; i < words.length; i++) out.add(`p:${words[i - 1]}|${words[i]}`);
  // N-grams run inside each token and across token boundaries, but never across a removed stopword gap marker.
  const chars = [...tokens.join('')];
  for (let i = 0; i + n <= chars.length; i++) out.add(`c:${chars.slice(i, i + n).join('')}`);
  if (chars.length > 0 && chars.length < n) out.add(`c:${chars.join('')}`);
  return out;
}

/** 32-bit FNV-1a over the UTF-16 code units: fast, stable across machines and Node versions. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function hashShingles(set: ReadonlySet<string>): Uint32Array {
  const out = new Uint32Array(set.size);
  let i = 0;
  for (const s of set) out[i++] = hash32(s);
  return out;
}

/** |A ∩ B| / |A ∪ B|; two empty sets are not similar (0). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}
