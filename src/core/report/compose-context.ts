/**
 * What the composer carries while drafting one report: the seeded phrase picker, the chips
 * already cited (a figure is stated once), the sentence openings already used (no opening more
 * than twice) and small helpers to build inlines.
 */
import { metricKey, makeChip, type Inline, type MetricChip } from './model.ts';
import { fillPattern, PhrasePicker, type Peers, type SlotValue } from './phrases.ts';
import { phraseOf } from '../metrics/phrase.ts';
import type { MetricResult } from './compose-types.ts';

export const text = (t: string): Inline => ({ type: 'text', text: t });

/** Plain text of inlines (chips by their display), for lengths and openings. */
export const plain = (inlines: readonly Inline[]): string =>
  inlines.map((i) => (i.type === 'text' ? i.text : i.display)).join('');

/** How many characters a run of inlines adds to the report (punctuation and spaces excluded). */
export const weight = (inlines: readonly Inline[]): number =>
  plain(inlines).replace(/[\s\p{P}\p{S}]/gu, '').length;

/** The opening a reader hears: the first four characters after an item marker (一是, 1.). */
export function openingOf(sentence: string): string {
  return sentence
    .replace(/^[\s，。；]*/u, '')
    .replace(/^([一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\d+[.．、])/u, '')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .slice(0, 4);
}

export class ComposeContext {
  readonly picker: PhrasePicker;
  /** "与上年持平" remarks made so far (said once at most: it is not news). */
  flatRemarks = 0;
  private readonly cited = new Set<string>();
  private readonly openings = new Map<string, number>();
  /** Sentences said by `frame`, so the same words are not said twice. */
  private readonly said = new Set<string>();

  constructor(seed: number, turn = 0, peers?: Peers) {
    this.picker = new PhrasePicker(seed, turn, peers);
  }

  pick(options: readonly string[], key: string): string {
    return this.picker.pick(options, key);
  }

  /**
   * Like fill, but never an alternative said already, nor one opening a third sentence the same
   * way (null when none is left: a sentence left out reads better than a chant).
   */
  fillFresh(
    options: readonly string[],
    key: string,
    slots: Record<string, SlotValue> = {},
  ): Inline[] | null {
    const left = options.filter((o) => !this.picker.isUsed(o));
    const fits = left.filter((o) => this.openingCount(plain(fillPattern(o, slots))) < 2);
    const p = this.picker.pickFresh(fits, key);
    return p === null ? null : fillPattern(p, slots);
  }

  fill(options: readonly string[], key: string, slots: Record<string, SlotValue> = {}): Inline[] {
    return fillPattern(this.pick(options, key), slots);
  }

  /** Whether a figure is still free to cite (each figure is stated once in a report). */
  free(m: MetricResult | null | undefined): m is MetricResult {
    return !!m && m.value !== null && !this.cited.has(metricKey(m.metricId, m.params));
  }

  /** The figure as a chip said with its measure word; marks it cited. */
  chip(m: MetricResult, measure?: string): MetricChip {
    this.cited.add(metricKey(m.metricId, m.params));
    const unit = measure ?? phraseOf({ ...m, rate: m.unit === '%' }).measure;
    return makeChip(m.metricId, m.params, m.value, unit);
  }

  /** Marks a figure as cited without saying it (kept by the caller for later). */
  reserve(m: MetricResult): void {
    this.cited.add(metricKey(m.metricId, m.params));
  }

  release(m: MetricResult): void {
    this.cited.delete(metricKey(m.metricId, m.params));
  }

  /** How many sentences already opened this way. */
  openingCount(sentence: string): number {
    return this.openings.get(openingOf(sentence)) ?? 0;
  }

  /** Records a sentence's opening (call once the sentence is kept). */
  noteOpening(sentence: string): void {
    const o = openingOf(sentence);
    if (o.length >= 2) this.openings.set(o, (this.openings.get(o) ?? 0) + 1);
  }

  /**
   * Picks among sentence frames the first (in seeded order) whose result does not open a third
   * sentence the same way; falls back to the seeded pick.
   */
  frame(options: readonly string[], key: string, build: (pattern: string) => Inline[]): Inline[] {
    const first = this.pick(options, key);
    const order = [first, ...options.filter((o) => o !== first)];
    for (const pattern of order) {
      const out = build(pattern);
      const said = plain(out);
      if (this.openingCount(said) < 2 && !this.said.has(said)) {
        this.noteOpening(said);
        this.said.add(said);
        return out;
      }
    }
    const out = build(first);
    this.noteOpening(plain(out));
    return out;
  }
}
