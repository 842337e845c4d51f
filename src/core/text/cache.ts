/**
 * Memo of tokenized stored texts, for callers that read the same orders again and again (the
 * intake hint runs on every pause in typing). Keyed by the caller's id for the text, its hash and
 * length, and the lexicon (a town's village names): a changed text or lexicon is read afresh.
 * Bounded by an estimate of the heap it holds, not by a count: a 2,000-character order costs
 * about 25 KB with its profile, so 50,000 of them (the old count bound) held 1.2 GB (issue 15).
 * Least recently used entries go first (a Map iterates in insertion order; a hit moves to the end).
 */
import { buildLexicon, tokenize, type Lexicon, type Token } from './segment.ts';
import { hash32 } from './shingles.ts';

/**
 * Estimated heap bytes of one memo entry: the key, the Map slot and the array (≈ 300 B), each
 * Token object with its strings (≈ 75 B), and the TextProfile that problem matching attaches to
 * the array for as long as it lives (six Uint32Arrays, ≈ 1.2 KB). Measured with
 * bench/token-cache-probe.ts under `node --expose-gc`: 2.3 KB for 7 tokens, 4.9 KB for 42, 26 KB
 * for 335 (heap after forced GC, profile included).
 */
export function estimateEntryBytes(key: string, tokens: readonly Token[]): number {
  let chars = key.length;
  for (const t of tokens) chars += t.term.length;
  return 1_500 + 75 * tokens.length + 2 * chars;
}

/** Heap the default memo may hold: thousands of typical orders, a few blocks of long ones. */
export const TOKEN_MEMO_BYTES = 32 * 1024 * 1024;

/** A bounded least-recently-used memo of tokens by key (one per process by default). */
export class TokenMemo {
  private readonly entries = new Map<string, { tokens: Token[]; bytes: number }>();
  private held = 0;

  constructor(readonly maxBytes: number) {}

  /** Estimated bytes held now (always ≤ maxBytes). */
  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, make: () => Token[]): Token[] {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.tokens;
    }
    const tokens = make();
    const bytes = estimateEntryBytes(key, tokens);
    if (bytes > this.maxBytes) return tokens;
    for (const [k, e] of this.entries) {
      if (this.held + bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.held -= e.bytes;
    }
    this.entries.set(key, { tokens, bytes });
    this.held += bytes;
    return tokens;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }
}

const memo = new TokenMemo(TOKEN_MEMO_BYTES);
const lexicons = new Map<string, Lexicon>();

/** The lexicon of a set of names (built once per distinct set). */
export function lexiconFor(names: readonly string[]): Lexicon {
  const key = names.join('\u0000');
  let lexicon = lexicons.get(key);
  if (!lexicon) {
    if (lexicons.size >= 64) lexicons.clear();
    lexicon = buildLexicon(names);
    lexicons.set(key, lexicon);
  }
  return lexicon;
}

const lexiconKey = new WeakMap<Lexicon, number>();
let nextLexicon = 1;

/** Tokens of a stored text under a lexicon, from the memo when the same text was read before. */
export function cachedTokens(id: string, text: string, lexicon: Lexicon): Token[] {
  let lk = lexiconKey.get(lexicon);
  if (lk === undefined) lexiconKey.set(lexicon, (lk = nextLexicon++));
  const key = `${lk}|${id}|${hash32(text)}|${text.length}`;
  return memo.get(key, () => tokenize(text, lexicon));
}

/** The default memo's estimated bytes and entries (tests and benches read it). */
export function tokenCacheStats(): { bytes: number; entries: number; maxBytes: number } {
  return { bytes: memo.bytes, entries: memo.size, maxBytes: memo.maxBytes };
}

/** Empties the memo (benches measure a cold start with it). */
export function clearTokenCache(): void {
  memo.clear();
}
