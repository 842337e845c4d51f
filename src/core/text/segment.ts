/**
 * Reads an appeal text as tokens that say what it is about: concepts from the lexicon
 * (concepts.ts; colloquial and dialect forms folded to one term), address numbers (三组 → 3组,
 * 八栋 and 8号楼 → 8栋), the caller-given names (the town's villages) and, for the text in between,
 * jieba's content words. jieba's part-of-speech tags drop numerals and measure words (一根, 几间),
 * pronouns (这个), adverbs, particles and time words; intake boilerplate and a stop list go too.
 */
import { load, tag } from '@node-rs/jieba';
import { CONCEPTS, type ConceptKind } from './concepts.ts';
import { BOILERPLATE, STOPWORDS } from './dictionary.ts';

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

/** place/thing/issue: a concept; number: an address number; name: a village; word: anything else kept. */
export type TokenKind = ConceptKind | 'number' | 'name' | 'word';

export interface Token {
  term: string;
  kind: TokenKind;
  /** jieba's part-of-speech tag, for words. */
  pos?: string;
}

type Entry = { kind: TokenKind; terms: readonly string[] } | { kind: 'drop' };

export interface Lexicon {
  /** Phrases of two characters or more, matched in the text longest first. */
  phrases: Map<string, Entry>;
  /** One-character concept forms, applied to jieba's one-character words only. */
  singles: Map<string, Entry>;
  maxLength: number;
}

const NAME_SUFFIX = /(村|社区|居委会|街道|镇)$/u;

/** The concept lexicon and boilerplate, plus names (e.g. the town's villages) kept whole. */
export function buildLexicon(names: readonly string[] = []): Lexicon {
  const phrases = new Map<string, Entry>();
  const singles = new Map<string, Entry>();
  for (const b of BOILERPLATE) phrases.set(normalizeText(b), { kind: 'drop' });
  for (const raw of names) {
    const name = normalizeText(raw);
    // "柳湾村" is also said "柳湾" (柳湾小学, 柳湾三组).
    for (const form of [name, name.replace(NAME_SUFFIX, '')])
      if ([...form].length >= 2 && !phrases.has(form))
        phrases.set(form, { kind: 'name', terms: [name] });
  }
  for (const [surface, concept] of CONCEPTS) {
    const form = normalizeText(surface);
    const target = [...form].length >= 2 ? phrases : singles;
    if (!target.has(form)) target.set(form, concept);
  }
  let maxLength = 0;
  for (const k of phrases.keys()) maxLength = Math.max(maxLength, [...k].length);
  return { phrases, singles, maxLength };
}

const DEFAULT_LEXICON = buildLexicon();

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三 → 3, 十八 → 18, 二十三 → 23; NaN for anything else. */
export function chineseNumber(s: string): number {
  if (/^\d+$/u.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || !s) return NaN;
  if (!m[2]) return m[3] ? NaN : CN_DIGITS[m[1]!]!;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/**
 * An address number at the start of `rest`: a village group (3组), a building (8栋, also 8幢 and
 * 8号楼), an entrance (2单元), or a digit number (3号 lamp post). Chinese numerals before 号 are
 * dates (十号左右), not addresses.
 */
const ADDRESS = /^(\d{1,4}|[一二两三四五六七八九十]{1,3})(号楼|单元|组|栋|幢|号)/u;

function addressAt(rest: string): { term: string; length: number } | undefined {
  const m = ADDRESS.exec(rest);
  if (!m) return undefined;
  const n = chineseNumber(m[1]!);
  const unit = m[2] === '号楼' || m[2] === '幢' ? '栋' : m[2]!;
  if (Number.isNaN(n) || (unit === '号' && !/^\d/u.test(m[1]!))) return undefined;
  return { term: `${n}${unit}`, length: [...m[0]].length };
}

/** A verb split by what it measures, put back together: 停了四五次电 → 停电四五次. */
function joinSplitVerbs(text: string): string {
  return text.replace(/(停|断)了([^，。,.!！?？;；\s]{0,5}?)(电|水)/gu, '$1$3$2');
}

/** jieba tags kept as content words: nouns, verbs, adjectives, idioms, abbreviations, Latin words. */
const CONTENT_TAGS = /^(n|nr|ns|nt|nz|ng|nrt|nrfg|vn|v|a|an|i|l|j|eng|b|s)$/u;

/** Tokens of a text in reading order (see the module comment). */
export function tokenize(text: string, lexicon: Lexicon = DEFAULT_LEXICON): Token[] {
  const chars = [...joinSplitVerbs(normalizeText(text))];
  const tokens: Token[] = [];
  let pending = '';
  const flush = () => {
    if (pending) jiebaWords(pending, lexicon, tokens);
    pending = '';
  };
  let i = 0;
  while (i < chars.length) {
    const address = addressAt(chars.slice(i, i + 6).join(''));
    if (address) {
      flush();
      tokens.push({ term: address.term, kind: 'number' });
      i += address.length;
      continue;
    }
    let entry: Entry | undefined;
    let length = 0;
    for (let n = Math.min(lexicon.maxLength, chars.length - i); n >= 2; n--) {
      entry = lexicon.phrases.get(chars.slice(i, i + n).join(''));
      if (entry) {
        length = n;
        break;
      }
    }
    if (entry) {
      flush();
      if (entry.kind !== 'drop')
        for (const term of entry.terms) tokens.push({ term, kind: entry.kind });
      i += length;
    } else {
      pending += chars[i];
      i++;
    }
  }
  flush();
  return tokens;
}

/** Street words that jieba leaves on their own after a name: 幸福/路, 光明/巷. */
const STREET = /^(路|街|巷|弄)$/u;
/** A noun ending like a place: 老街, 加油站, 工业园, 水库, 砖厂, 供销社, 新村. */
const PLACE_END = /(路|街|巷|弄|站|园|库|址|社|厂|村|屯|湾|坝|岭|塘|港|埠|坪|冲|院|馆|所|点)$/u;
const NOUNISH = /^(n|nt|ns|nz|ng|nr)$/u;

/** A word naming a place the lexicon does not know: a locative word, or a noun with a place ending. */
function isPlaceWord(w: string, pos: string): boolean {
  if (STOPWORDS.has(w) || VAGUE_PLACES.has(w)) return false;
  return pos === 's' || pos === 'ns' || (NOUNISH.test(pos) && PLACE_END.test(w));
}

/** Locative words too vague to tell two places apart (楼上 is every building's). */
const VAGUE_PLACES: ReadonlySet<string> = new Set(
  '路边 路上 楼上 楼下 家门口 门口 边上 附近 旁边 这里 那里 里面 外面 沟里 家里 村里 镇上 县里 屋里 院里 当地 本地 隔壁 对门 周边 周围 一带 沿途 县城 城里 乡下 全村 村子'.split(
    ' ',
  ),
);

function jiebaWords(text: string, lexicon: Lexicon, tokens: Token[]): void {
  ensureJieba();
  const tagged = tag(text, false);
  for (let i = 0; i < tagged.length; i++) {
    const w = tagged[i]!.word.trim();
    const pos = tagged[i]!.tag;
    if (!w) continue;
    const next = tagged[i + 1]?.word;
    if (next && STREET.test(next) && [...w].length >= 2 && /^(n|a|nr|ns|nz)$/u.test(pos)) {
      tokens.push({ term: w + next, kind: 'place', pos: 'ns' });
      i++;
      continue;
    }
    const single = lexicon.singles.get(w);
    if (single) {
      if (single.kind !== 'drop')
        for (const term of single.terms) tokens.push({ term, kind: single.kind });
      continue;
    }
    if ([...w].length < 2 || !CONTENT_TAGS.test(pos) || STOPWORDS.has(w)) continue;
    tokens.push({ term: w, kind: isPlaceWord(w, pos) ? 'place' : 'word', pos });
  }
}

/** The terms of `tokenize`, for tests and callers that only need the words. */
export function segment(text: string, lexicon: Lexicon = DEFAULT_LEXICON): string[] {
  return tokenize(text, lexicon).map((t) => t.term);
}
