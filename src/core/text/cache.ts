/**
 * Memo of tokenized stored texts, for callers that read the same orders again and again (the
 * intake hint runs on every pause in typing). Keyed by the caller's id for the text, its hash and
 * length, and the lexicon (a town's village names): a changed text or lexicon is read afresh.
 * Bounded: when full, the older half goes (a Map iterates in insertion order). No I/O.
 */
import { buildLexicon, tokenize, type Lexicon, type Token } from './segment.ts';
import { hash32 } from './shingles.ts';

const LIMIT = 50_000;
const tokens = new Map<string, Token[]>();
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
  let found = tokens.get(key);
  if (!found) {
    if (tokens.size >= LIMIT) {
      let n = 0;
      for (const k of tokens.keys()) {
        if (n++ >= LIMIT / 2) break;
        tokens.delete(k);
      }
    }
    found = tokenize(text, lexicon);
    tokens.set(key, found);
  }
  return found;
}

/** Empties the memo (benches measure a cold start with it). */
export function clearTokenCache(): void {
  tokens.clear();
}
