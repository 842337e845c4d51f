/**
 * A cluster's label: the terms at least half its members share, what first (thing), then where
 * (place, address number), then what is wrong (issue), then other content words; at most six.
 * Only concepts and jieba content words ever reach here (segment.ts), so numerals, measure words
 * and function words (一根, 几间, 这个) cannot; `isLabelTerm` states the rule for tests and callers.
 */
import type { Token, TokenKind } from './segment.ts';
import { STOPWORDS } from './dictionary.ts';

const ORDER: Record<TokenKind, number> = {
  thing: 0,
  place: 1,
  number: 2,
  issue: 3,
  word: 4,
  name: 9,
};

/** A numeral, optionally with a measure word: 一根, 几间, 两个, 十几户, 3, 好几次. */
const NUMERAL_PHRASE =
  /^(好|第)?[\d零〇一二两三四五六七八九十百千万几半多]+[个根间盏条家户只头次天年月号趟件位名块]?$/u;
/** Pronouns, demonstratives and particles that jieba may glue to a word. */
const FUNCTION_WORD =
  /^(这|那|哪|此|该|其|某|每|各|我|你|他|她|它|俺|咱|啥|咋|的|了|着|过|吗|呢|吧|啊|嘛)/u;

const NOUN_TAGS = /^(n|nz|nt|ns|ng|vn|j)$/u;

/** Whether a term may stand in a label (address numbers like 3组 may: they say where). */
export function isLabelTerm(term: string, kind: TokenKind, pos?: string): boolean {
  if (kind === 'number') return /^\d+(组|栋|单元|号)$/u.test(term);
  if (kind === 'name') return false;
  if (kind === 'word' && (FUNCTION_WORD.test(term) || STOPWORDS.has(term))) return false;
  // Of jieba's words only nouns name a problem; 看不见, 不得了 and 出过 describe a call.
  if (kind === 'word' && pos !== undefined && !NOUN_TAGS.test(pos)) return false;
  return !NUMERAL_PHRASE.test(term) && [...term].length >= 2;
}

export function labelTerms(tokenLists: readonly (readonly Token[])[], max = 6): string[] {
  const counts = new Map<string, { n: number; kind: TokenKind }>();
  for (const list of tokenLists) {
    const seen = new Map<string, TokenKind>();
    for (const t of list)
      if (isLabelTerm(t.term, t.kind, t.pos) && ORDER[t.kind] < ORDER[seen.get(t.term) ?? 'name'])
        seen.set(t.term, t.kind);
    for (const [term, kind] of seen) {
      const c = counts.get(term);
      // A term said as a thing somewhere and as an issue elsewhere ranks as the thing.
      const best = c && ORDER[c.kind] < ORDER[kind] ? c.kind : kind;
      counts.set(term, { n: (c?.n ?? 0) + 1, kind: best });
    }
  }
  const ranked = [...counts]
    .filter(([, c]) => c.n * 2 >= tokenLists.length)
    .sort(
      (a, b) =>
        ORDER[a[1].kind] - ORDER[b[1].kind] || b[1].n - a[1].n || a[0].localeCompare(b[0], 'zh'),
    );
  // Concepts say it best; plain words only fill in when the members share fewer than three concepts.
  const concepts = ranked.filter(([, c]) => c.kind !== 'word');
  const words = concepts.length >= 3 ? [] : ranked.filter(([, c]) => c.kind === 'word');
  return [...concepts, ...words].slice(0, max).map(([term]) => term);
}
