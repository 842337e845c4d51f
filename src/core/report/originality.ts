/**
 * Text-reuse measures: the longest run two texts share (guards our phrase bank against copying
 * the reference reports) and character n-gram overlap (lint's similarity to last year's report).
 */

/** Drops whitespace and punctuation so "一、学习，" and "一 学习" compare equal. */
export function normaliseForComparison(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

interface State {
  len: number;
  link: number;
  next: Map<string, number>;
}

/** Suffix automaton of `text`: linear-time index for longest-common-substring queries. */
export function buildRunIndex(text: string): State[] {
  const st: State[] = [{ len: 0, link: -1, next: new Map() }];
  let last = 0;
  for (const ch of text) {
    const cur = st.push({ len: st[last]!.len + 1, link: 0, next: new Map() }) - 1;
    let p = last;
    while (p !== -1 && !st[p]!.next.has(ch)) {
      st[p]!.next.set(ch, cur);
      p = st[p]!.link;
    }
    if (p !== -1) {
      const q = st[p]!.next.get(ch)!;
      if (st[p]!.len + 1 === st[q]!.len) st[cur]!.link = q;
      else {
        const clone =
          st.push({ len: st[p]!.len + 1, link: st[q]!.link, next: new Map(st[q]!.next) }) - 1;
        while (p !== -1 && st[p]!.next.get(ch) === q) {
          st[p]!.next.set(ch, clone);
          p = st[p]!.link;
        }
        st[q]!.link = clone;
        st[cur]!.link = clone;
      }
    }
    last = cur;
  }
  return st;
}

/** Longest run of `a` (already normalised) found in the indexed text, with the run itself. */
export function longestRunIn(index: State[], a: string): { length: number; run: string } {
  let state = 0;
  let len = 0;
  let best = { length: 0, end: 0 };
  const chars = [...a];
  chars.forEach((ch, i) => {
    while (state !== 0 && !index[state]!.next.has(ch)) {
      state = index[state]!.link;
      len = index[state]!.len;
    }
    const nxt = index[state]!.next.get(ch);
    if (nxt !== undefined) {
      state = nxt;
      len++;
    }
    if (len > best.length) best = { length: len, end: i + 1 };
  });
  return { length: best.length, run: chars.slice(best.end - best.length, best.end).join('') };
}

/** Characters in the longest run `a` and `b` share, ignoring whitespace and punctuation. */
export function longestSharedRun(a: string, b: string): number {
  return longestRunIn(buildRunIndex(normaliseForComparison(b)), normaliseForComparison(a)).length;
}

export function charNgrams(text: string, n: number): Set<string> {
  const chars = [...normaliseForComparison(text)];
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Share of `a`'s n-grams also in `b`: how much of a section was carried over. */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / a.size;
}
