/**
 * 学习、廉洁、法治 from the person's own records: the study sessions of their group and those they
 * led, party lectures they gave and training hours; personal-matters reports and integrity talks;
 * law exams, 述法 and hearings — worded for their voice (principal, member, staff, village cadre).
 * Without records the section still speaks in the person's voice, only without figures. A fuller
 * form (一是/二是/三是) serves reports that have little else to say.
 */
import { ComposeContext, text } from './compose-context.ts';
import { sayFigure } from './compose-figures.ts';
import type { ComposeInput, MetricResult, PersonalFacts } from './compose-types.ts';
import type { Inline, Paragraph } from './model.ts';
import { toChineseOrdinal } from './numerals.ts';
import { INTEGRITY, LAW, STUDY, voiceOf, type Voice } from './phrases-personal.ts';
import { fillPattern } from './phrases.ts';

interface Clause {
  inlines: Inline[];
  figures: number;
}

const para = (...parts: Inline[][]): Paragraph => ({
  inlines: fillPattern('{x}', { x: parts.flat() }),
});

const clause = (inlines: Inline[]): Clause => ({
  inlines,
  figures: inlines.filter((i) => i.type === 'metric').length,
});

/** Clauses joined into sentences of at most four figures, the first opened by `opener`. */
function sentencesOf(clauses: Clause[], opener: string): Inline[] {
  const out: Inline[] = [];
  let used = 0;
  clauses.forEach((c, i) => {
    const startNew = i === 0 || used + c.figures > 4;
    if (startNew && i > 0) out.push(text('。'));
    if (startNew) used = 0;
    else out.push(text('；'));
    if (i === 0 && opener) out.push(text(opener));
    out.push(...c.inlines);
    used += c.figures;
  });
  if (clauses.length) out.push(text('。'));
  return out;
}

function chipSlot(ctx: ComposeContext, m: MetricResult | undefined): Inline | null {
  return ctx.free(m) && m.value ? ctx.chip(m) : null;
}

/** [group study (with those led), training, party lectures] — each may be missing. */
function studyClauses(ctx: ComposeContext, f: PersonalFacts, voice: Voice): Array<Clause | null> {
  let group: Clause | null = null;
  if (ctx.free(f.centerGroup) && f.centerGroup.value) {
    const g = ctx.fill(STUDY.group[voice], 'study.group', { group: sayFigure(ctx, f.centerGroup) });
    const led = chipSlot(ctx, f.ledStudy);
    if (led) g.push(text('，'), ...ctx.fill(STUDY.led, 'study.led', { led }));
    group = clause(g);
  }
  const training: Inline[] = [];
  for (const m of [f.trainingCourses, f.trainingHours])
    if (ctx.free(m) && m.value) {
      if (training.length) training.push(text('，'));
      training.push(...sayFigure(ctx, m));
    }
  const lectures = chipSlot(ctx, f.partyLectures);
  return [
    group,
    training.length ? clause(training) : null,
    lectures ? clause(ctx.fill(STUDY.lectures[voice], 'study.lectures', { lectures })) : null,
  ];
}

/** [personal matters and pledges, integrity talks received and given]. */
function integrityClauses(
  ctx: ComposeContext,
  f: PersonalFacts,
  voice: Voice,
): Array<Clause | null> {
  const slot = (
    m: MetricResult | undefined,
    bank: readonly string[],
    key: string,
    name: string,
  ) => {
    const chip = chipSlot(ctx, m);
    return chip ? ctx.fill(bank, key, { [name]: chip }) : null;
  };
  const join = (parts: Array<Inline[] | null>) => {
    const present = parts.filter((p): p is Inline[] => p !== null);
    return present.length ? clause(present.flatMap((p, i) => (i ? [text('，'), ...p] : p))) : null;
  };
  return [
    join([
      slot(f.personalMatters, INTEGRITY.matters, 'integrity.matters', 'matters'),
      slot(f.pledges, INTEGRITY.pledges, 'integrity.pledges', 'pledges'),
    ]),
    join([
      slot(f.talksReceived, INTEGRITY.talksReceived, 'integrity.talks', 'talks'),
      slot(f.talksGiven, INTEGRITY.talksGiven[voice], 'integrity.given', 'given'),
    ]),
  ];
}

/** [law exams, 述法, court hearings]. */
function lawClauses(ctx: ComposeContext, f: PersonalFacts, voice: Voice): Array<Clause | null> {
  let exams: Clause | null = null;
  const chip = chipSlot(ctx, f.lawExams);
  if (chip) {
    const c = ctx.fill(LAW.exams, 'law.exams', { exams: chip });
    const passed = f.lawExamsPassed;
    if (passed && passed.value === f.lawExams!.value) c.push(text('，成绩均为合格'));
    else if (ctx.free(passed) && passed.value) c.push(text('，其中合格'), ctx.chip(passed));
    exams = clause(c);
  }
  const reports = chipSlot(ctx, f.lawReports);
  const court = chipSlot(ctx, f.courtHearings);
  return [
    exams,
    reports ? clause(ctx.fill(LAW.reports[voice], 'law.reports', { reports })) : null,
    court ? clause(ctx.fill(LAW.court, 'law.court', { court })) : null,
  ];
}

/** `…，…。` — a way of working and its effect in one sentence. */
function clauseWithEffect(
  ctx: ComposeContext,
  bank: readonly string[],
  effects: readonly string[],
  key: string,
): Inline[] {
  const how = ctx.fillFresh(bank, `${key}.how`);
  const effect = ctx.fillFresh(effects, `${key}.effect`);
  if (!how) return effect ?? [];
  return effect ? [...how, text('，'), ...effect] : [...how, text('。')];
}

/** Figures end their sentence with a way of working, so the sentence is the person's own. */
function withFigures(figures: Inline[], after: Inline[]): Inline[] {
  if (figures.length === 0) return [...after];
  const last = figures.at(-1) as { type: 'text'; text: string };
  return [...figures.slice(0, -1), text(last.text.replace(/。$/u, '；')), ...after];
}

/** 一是…二是…三是…: each item a title, the person's figures of it, and a way of working. */
function items(
  ctx: ComposeContext,
  key: string,
  titles: readonly (readonly string[])[],
  clauses: Array<Clause | null>,
  tail: (i: number) => Inline[],
): Inline[] {
  return titles.flatMap((bank, i) => {
    const c = clauses[i];
    return [
      text(`${toChineseOrdinal(i + 1)}是`),
      ...ctx.fill(bank, `${key}.item${i}`),
      text('，'),
      ...(c ? [...c.inlines, text('，')] : []),
      ...tail(i),
    ];
  });
}

/** Two alternatives of a bank in one sentence: "a；b。" */
function twoOf(ctx: ComposeContext, bank: readonly string[], key: string): Inline[] {
  const a = ctx.pick(bank, `${key}.a`);
  const b = ctx.pick(
    bank.filter((x) => x !== a),
    `${key}.b`,
  );
  return fillPattern(`${a}；${b}。`, {});
}

/** Generic figures filed under the section kind (a town's own study ledgers, sample inputs). */
function extraFigures(ctx: ComposeContext, list: readonly MetricResult[]): Clause[] {
  return list
    .filter((m) => ctx.free(m) && m.value)
    .slice(0, 4)
    .map((m) => clause(sayFigure(ctx, m)));
}

function studyParagraph(ctx: ComposeContext, input: ComposeInput, voice: Voice, full: boolean) {
  const clauses = [...studyClauses(ctx, input.personal ?? {}, voice)];
  const extra = extraFigures(ctx, input.metrics.study ?? []);
  const lead = ctx.fill(STUDY.lead[voice], 'study.lead');
  const how = (k: string) => clauseWithEffect(ctx, STUDY.method[voice], STUDY.effect, k);
  if (full)
    return para(
      lead,
      items(ctx, 'study', STUDY.items, clauses, (i) => how(`study.${i}`)),
      sentencesOf(extra, '全年'),
    );
  const present = [...clauses.filter((c): c is Clause => c !== null), ...extra];
  return para(lead, withFigures(sentencesOf(present, '全年'), how('study.1')));
}

function integrityParagraph(ctx: ComposeContext, input: ComposeInput, voice: Voice, full: boolean) {
  const clauses = integrityClauses(ctx, input.personal ?? {}, voice);
  const extra = extraFigures(ctx, input.metrics.integrity ?? []);
  const lead = ctx.fill(INTEGRITY.lead[voice], 'integrity.lead');
  const conduct = (k: string) => {
    const c = ctx.fillFresh(INTEGRITY.conduct[voice], k);
    return c ? [...c, text('。')] : [];
  };
  if (full)
    return para(
      lead,
      items(ctx, 'integrity', INTEGRITY.items, clauses, (i) =>
        i < 2 ? conduct(`integrity.c${i}`) : ctx.fill(INTEGRITY.close, 'integrity.close'),
      ),
      sentencesOf(extra, ''),
    );
  const present = [...clauses.filter((c): c is Clause => c !== null), ...extra];
  return para(
    lead,
    withFigures(
      sentencesOf(present, ''),
      twoOf(ctx, INTEGRITY.conduct[voice], 'integrity.conduct'),
    ),
    ctx.fill(INTEGRITY.close, 'integrity.close'),
  );
}

function lawParagraph(ctx: ComposeContext, input: ComposeInput, voice: Voice, full: boolean) {
  const clauses = lawClauses(ctx, input.personal ?? {}, voice);
  const extra = extraFigures(ctx, input.metrics.law ?? []);
  const lead = ctx.fill(LAW.lead[voice], 'law.lead');
  const how = (k: string) => clauseWithEffect(ctx, LAW.practice[voice], LAW.effect, k);
  if (full)
    return para(
      lead,
      items(ctx, 'law', LAW.items, clauses, (i) => how(`law.${i}`)),
      sentencesOf(extra, ''),
    );
  const present = [...clauses.filter((c): c is Clause => c !== null), ...extra];
  return para(lead, withFigures(sentencesOf(present, ''), how('law.1')));
}

export function personalParagraph(
  ctx: ComposeContext,
  input: ComposeInput,
  kind: 'study' | 'integrity' | 'law',
  full = false,
): Paragraph {
  const voice = voiceOf(input.person.role);
  if (kind === 'study') return studyParagraph(ctx, input, voice, full);
  if (kind === 'integrity') return integrityParagraph(ctx, input, voice, full);
  return lawParagraph(ctx, input, voice, full);
}
