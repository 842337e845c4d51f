import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import { lintReport } from './lint.ts';
import { sampleComposeInput } from './sample-input.ts';
import {
  mergeBlocker,
  mergeTemplateSections,
  moveTemplateSection,
  setSectionOmitted,
  updateTemplateSection,
} from './template-edit.ts';
import { BUILTIN_TEMPLATES, reportTemplateSchema, requiredKinds } from './templates.ts';

const deputy = BUILTIN_TEMPLATES.deputy;
const kinds = (t: typeof deputy) => t.sections.map((s) => s.kind);
const draftWith = (template: typeof deputy) =>
  composeReport({ ...sampleComposeInput('deputy'), template });

describe('editing a template as a form', () => {
  it('reorders sections and drafts in the new order', () => {
    const t = moveTemplateSection(deputy, 'law', 'up');
    expect(kinds(t)).toEqual([
      'opening',
      'study',
      'duty',
      'law',
      'integrity',
      'shortcomings',
      'plans',
    ]);
    expect(moveTemplateSection(deputy, 'opening', 'up')).toBe(deputy);
    const doc = draftWith(t);
    expect(
      doc.sections.filter((s) => s.level === 1 && s.kind !== 'duty').map((s) => s.kind),
    ).toEqual(['study', 'law', 'integrity', 'shortcomings', 'plans']);
  });

  it('merges two sections into one that still covers both kinds', () => {
    const t = mergeTemplateSections(deputy, 'shortcomings', 'plans');
    expect(reportTemplateSchema.safeParse(t).success).toBe(true);
    const merged = t.sections.find((s) => s.id === 'shortcomings')!;
    expect(merged).toMatchObject({
      heading: '存在的不足及下一步工作打算',
      covers: ['plans'],
      minChars: 160,
      maxChars: 1800,
    });
    expect(requiredKinds(t)).toContain('plans');
    const doc = draftWith(t);
    expect(doc.sections.find((s) => s.id === 'shortcomings')!.paragraphs).toHaveLength(2);
    expect(lintReport(doc, { template: t }).filter((i) => i.code === 'missing_section')).toEqual(
      [],
    );
    // 学习 merged with 廉洁 is drafted from both phrase banks.
    const studyIntegrity = mergeTemplateSections(deputy, 'study', 'integrity');
    expect(
      draftWith(studyIntegrity).sections.find((s) => s.id === 'study')!.paragraphs,
    ).toHaveLength(2);
  });

  it('refuses merges with the opening or the per-portfolio duty section', () => {
    const get = (id: string) => deputy.sections.find((s) => s.id === id)!;
    expect(mergeBlocker(get('duty'), get('law'))).toContain('分管领域');
    expect(mergeBlocker(get('opening'), get('study'))).toContain('开头');
    expect(mergeTemplateSections(deputy, 'duty', 'law')).toBe(deputy);
  });

  it('omits a section from drafts and lint, and restores it', () => {
    const t = setSectionOmitted(deputy, 'law', true);
    expect(requiredKinds(t)).not.toContain('law');
    const doc = draftWith(t);
    expect(doc.sections.some((s) => s.kind === 'law')).toBe(false);
    expect(lintReport(doc, { template: t }).filter((i) => i.code === 'missing_section')).toEqual(
      [],
    );
    const back = setSectionOmitted(t, 'law', false);
    expect(draftWith(back).sections.some((s) => s.kind === 'law')).toBe(true);
  });

  it('renames a section and changes what fills it', () => {
    const t = updateTemplateSection(deputy, 'law', {
      heading: '依法履职情况',
      kind: 'custom',
      id: 'ignored',
    });
    const s = t.sections.find((x) => x.id === 'law')!;
    expect(s).toMatchObject({ heading: '依法履职情况', kind: 'custom' });
    expect(draftWith(t).sections.find((x) => x.id === 'law')!.heading).toBe('依法履职情况');
  });
});
