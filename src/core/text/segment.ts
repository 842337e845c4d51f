/**
 * Chinese word segmentation for appeal texts: domain terms (and caller-given place names such as
 * the town's villages) are matched first, longest first, and folded to their canonical form; the
 * text between them goes to jieba. Boilerplate and punctuation are dropped.
 */
import { cut, load } from '@node-rs/jieba';
import { BOILERPLATE, DOMAIN_TERMS, STOPWORDS } from './dictionary.ts';

let jiebaReady = false;

/** jieba keeps one dictionary per process and refuses a second load; load it once, lazily. */
function ensureJieba(): void {
  if (jiebaReady) return;
  try {
    load();
  } catch {
    // Someone else in this process loaded it already: the default dictionary is there.
  }
  jiebaReady = true;
}

/** Full-width forms to half-width, lower case, one kind of whitespace. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export interface Lexicon {
  /** variant or term → canonical term(s, space-separated); '' for boilerplate to drop. */
  canonical: Map<string, string>;
  /** Longest entry length, to bound the forward scan. */
  maxLength: number;
}

/** The domain terms plus extra words (kept as they are, e.g. village names). */
export function buildLexicon(extraWords: readonly string[] = []): Lexicon {
  const canonical = new Map<string, string>();
  // An empty canonical form means: drop the phrase.
  for (const b of BOILERPLATE) canonical.set(normalizeText(b), '');
  for (const t of DOMAIN_TERMS) {
    canonical.set(normalizeText(t.term), normalizeText(t.term));
    for (const v of t.variants ?? []) canonical.set(normalizeText(v), normalizeText(t.term));
  }
  for (const w of extraWords) {
    const n = normalizeText(w);
    if (n.length >= 2 && !canonical.has(n)) canonical.set(n, n);
  }
  let maxLength = 0;
  for (const k of canonical.keys()) maxLength = Math.max(maxLength, [...k].length);
  return { canonical, maxLength };
}

const DEFAULT_LEXICON = buildLexicon();
const WORDLIKE = /[\p{Script=Han}\p{L}\p{N}]/u;

/**
 * Tokens of a text in reading order: canonical domain terms, jieba words, numbers with their
 * measure word ("3号", "5栋"). Stopwords and punctuation are removed.
 */
export function segment(text: string, lexicon: Lexicon = DEFAULT_LEXICON): string[] {
  const chars = [...normalizeText(text)];
  const tokens: string[] = [];
  let pending = '';
  const flush = () => {
    if (!pending) return;
    ensureJieba();
    for (const w of cut(pending, false)) pushWord(tokens, w.trim());
    pending = '';
  };
  let i = 0;
  while (i < chars.length) {
    let matched: string | undefined;
    let length = 0;
    for (let n = Math.min(lexicon.maxLength, chars.length - i); n >= 2; n--) {
      const c = lexicon.canonical.get(chars.slice(i, i + n).join(''));
      if (c !== undefined) {
        matched = c;
        length = n;
        break;
      }
    }
    if (matched !== undefined) {
      flush();
      if (matched) tokens.push(...matched.split(' '));
      i += length;
    } else {
      pending += chars[i];
      i++;
    }
  }
  flush();
  return mergeNumbers(tokens);
}

function pushWord(tokens: string[], w: string): void {
  if (!w || !WORDLIKE.test(w) || STOPWORDS.has(w)) return;
  tokens.push(w);
}

const MEASURE = /^(号|栋|幢|组|巷|弄|单元|楼|路|街|米|盏|户)$/u;

/** "3" + "号" → "3号": a house or lamp number is what tells two similar complaints apart. */
function mergeNumbers(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^\d+$/u.test(prev) && MEASURE.test(t))
      out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out;
}
