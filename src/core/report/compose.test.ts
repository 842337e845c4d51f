import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import { allChips, documentText, reportDocumentSchema, sectionText } from './model.ts';
import { lintProse } from './lint-prose.ts';
import { extractNumbers } from './parse-numbers.ts';
import { sampleComposeInput } from './sample-input.ts';
import { roleSchema } from './templates.ts';

describe('composeReport', () => {
  it('drafts a valid document for every role', () => {
    for (const role of roleSchema.options) {
      const doc = composeReport(sampleComposeInput(role));
      expect(reportDocumentSchema.parse(doc)).toEqual(doc);
      expect(doc.sections[0]!.kind).toBe('opening');
    }
  });

  it('puts numbers only in chips: text runs hold no counted number', () => {
    for (const role of roleSchema.options) {
      for (const seed of [1, 2, 3]) {
        const doc = composeReport(sampleComposeInput(role, seed));
        for (const s of doc.sections)
          for (const p of s.paragraphs)
            for (const i of p.inlines) {
              if (i.type === 'text') expect(extractNumbers(i.text), i.text).toEqual([]);
            }
      }
    }
  });

  it('makes one subsection per portfolio held, nested or top-level per template', () => {
    const nested = composeReport(sampleComposeInput('mayor'));
    expect(
      nested.sections.filter((s) => s.kind === 'duty').map((s) => [s.level, s.heading]),
    ).toEqual([
      [1, '抓发展、保民生、促稳定'],
      [2, '经济发展'],
      [2, '安全生产'],
      [2, '信访维稳'],
    ]);
    const top = composeReport(sampleComposeInput('propaganda_member'));
    expect(
      top.sections.filter((s) => s.kind === 'duty').map((s) => [s.level, s.portfolio]),
    ).toEqual([
      [1, 'propaganda'],
      [1, 'organization'],
    ]);
  });

  it('turns metric results into linked chips with their ids and params', () => {
    const doc = composeReport(sampleComposeInput('propaganda_member'));
    const chip = allChips(doc).find((c) => c.metricId === 'propaganda.items')!;
    expect(chip).toMatchObject({
      value: 86,
      unit: '篇',
      display: '86篇',
      params: { year: 2024, scope: 'person' },
    });
    expect(sectionText(doc.sections.find((s) => s.portfolio === 'propaganda')!)).toContain(
      '报送宣传稿件86篇',
    );
  });

  it('grounds 存在不足 in overdue orders, satisfaction, empty ledgers and drops', () => {
    const doc = composeReport(sampleComposeInput('deputy'));
    const short = sectionText(doc.sections.find((s) => s.kind === 'shortcomings')!);
    expect(short).toContain('4件');
    expect(short).toContain('92.4%');
    expect(short).toContain('“民兵整组”');
    expect(short).toMatch(/一是.*二是.*三是.*四是/su);
    const ids = allChips(doc).map((c) => c.metricId);
    expect(ids).toEqual(expect.arrayContaining(['hotline.overdue', 'hotline.satisfaction']));
  });

  it('writes an honest prompt for a portfolio with no data instead of inventing', () => {
    const doc = composeReport(sampleComposeInput('village_secretary'));
    const tourism = doc.sections.find((s) => s.portfolio === 'cultural_tourism')!;
    expect(sectionText(tourism)).toMatch(/^【待补充：.*乡村文旅.*】$/u);
  });

  it('merges 不足 and 打算 where the template does', () => {
    const doc = composeReport(sampleComposeInput('specialist'));
    const merged = doc.sections.at(-1)!;
    expect(merged).toMatchObject({ kind: 'shortcomings', covers: ['plans'] });
    expect(merged.paragraphs).toHaveLength(2);
    // 法 is optional for staff: it is written when the person has records for it (the sample has).
    expect(doc.sections.filter((s) => s.kind === 'law').length).toBeLessThanOrEqual(1);
  });

  it('is deterministic per seed and varies across seeds', () => {
    const a = documentText(composeReport(sampleComposeInput('deputy', 11)));
    expect(documentText(composeReport(sampleComposeInput('deputy', 11)))).toBe(a);
    const others = [12, 13, 14, 15].map((s) =>
      documentText(composeReport(sampleComposeInput('deputy', s))),
    );
    expect(others.some((t) => t !== a)).toBe(true);
  });

  it('opens no third sentence the same way (the ways of working of an area included)', () => {
    const repeated: string[] = [];
    for (const role of roleSchema.options)
      for (let seed = 1; seed <= 16; seed++)
        for (const f of lintProse(composeReport(sampleComposeInput(role, seed))))
          if (f.code === 'repeated_pattern') repeated.push(`${role} ${seed}: ${f.message}`);
    expect(repeated).toEqual([]);
  });
});
