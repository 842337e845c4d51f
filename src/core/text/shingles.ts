/**
 * Similarity of two tokenized texts (segment.ts). Tokens become features, each in as many copies
 * as its kind weighs, so the plain Jaccard of two feature sets is the weighted Jaccard of their
 * tokens — and MinHash over the copies estimates exactly that. What a text is about (things and
 * issues) is compared always; where (places, address numbers) only when both texts say it: the
 * same place counts in, different places keep two problems apart. Features are hashed to 32-bit
 * integers for MinHash.
 */
import type { Token, TokenKind } from './segment.ts';

/** Copies per token kind in a feature set (name: village names are the block itself, never a feature). */
export type KindWeights = Readonly<Record<TokenKind, number>>;

export const KIND_WEIGHTS: KindWeights = {
  place: 3,
  thing: 2,
  issue: 2,
  number: 3,
  name: 0,
  word: 1,
};

/**
 * What similarity needs of one text, as sorted arrays of 32-bit hashes (fast to intersect).
 * `core` is what it is about: its things and issues, or (naming none) its words, or (naming no
 * word either) its places, each term in weighted copies. `full` adds where: places and numbers.
 */
export interface TextProfile {
  core: Uint32Array;
  full: Uint32Array;
  /** The terms of `core`, once each: two texts must share one to be linked at all. */
  subjects: Uint32Array;
  /** Places and address numbers: where the text says it is. */
  where: Uint32Array;
  /** Address numbers (hash of 3组) and, in step, their units (hash of 组). */
  numbers: Uint32Array;
  units: Uint32Array;
}

const sorted = (values: Iterable<number>) => Uint32Array.from(new Set(values)).sort();

function copies(into: number[], tokens: readonly Token[], weights: KindWeights): void {
  const n = new Map<string, number>();
  for (const t of tokens) n.set(t.term, Math.max(n.get(t.term) ?? 0, weights[t.kind]));
  for (const [term, k] of n) for (let i = 0; i < k; i++) into.push(hash32(`${term}#${i}`));
}

export function profile(
  tokens: readonly Token[],
  weights: KindWeights = KIND_WEIGHTS,
): TextProfile {
  const of = (...kinds: TokenKind[]) => tokens.filter((t) => kinds.includes(t.kind));
  let about = of('thing', 'issue');
  if (!about.length) about = of('word');
  if (!about.length) about = of('place');
  const where = of('place', 'number');
  const core: number[] = [];
  copies(core, about, weights);
  const full = [...core];
  copies(full, where, weights);
  const numbers = of('number');
  return {
    core: sorted(core),
    full: sorted(full),
    subjects: sorted(about.map((t) => hash32(t.term))),
    where: sorted(where.map((t) => hash32(t.term))),
    numbers: Uint32Array.from(numbers.map((t) => hash32(t.term))),
    units: Uint32Array.from(numbers.map((t) => hash32(t.term.replace(/^\d+/u, '')))),
  };
}

/** |A ∩ B| of two sorted arrays. */
function common(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

function meets(a: Uint32Array, b: Uint32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else return true;
  }
  return false;
}

/** Jaccard of two sorted hash arrays; two empty ones are not similar (0). */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  const c = common(a, b);
  return c / (a.length + b.length - c);
}

/**
 * Where two texts disagree: both say where and have nothing of it in common (村口 is not 学校后面),
 * or both name an address number of one unit and none is the same (3组 is not 5组).
 */
export function placesConflict(a: TextProfile, b: TextProfile): boolean {
  if (a.where.length && b.where.length && !meets(a.where, b.where)) return true;
  for (const unit of a.units)
    if (b.units.includes(unit) && !sharesNumberOfUnit(a, b, unit)) return true;
  return false;
}

/** Whether the two name the same address number of the given unit. */
function sharesNumberOfUnit(a: TextProfile, b: TextProfile, unit: number): boolean {
  for (let i = 0; i < a.units.length; i++)
    if (a.units[i] === unit)
      for (let j = 0; j < b.units.length; j++)
        if (b.units[j] === unit && a.numbers[i] === b.numbers[j]) return true;
  return false;
}

/**
 * How alike two texts are, 0…1: the weighted Jaccard of what they are about, with where they
 * agree added in; 0 when they disagree on where or share no subject (a shared place alone, a
 * 村口 lamp and a 村口 billboard, is not one problem). A text that does not say where is not
 * taken to disagree: callers often leave the place out.
 */
export function similarity(a: TextProfile, b: TextProfile): number {
  if (!meets(a.subjects, b.subjects) || placesConflict(a, b)) return 0;
  return meets(a.where, b.where) ? jaccardSorted(a.full, b.full) : jaccardSorted(a.core, b.core);
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
