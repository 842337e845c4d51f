import { describe, expect, it } from 'vitest';
import { parseReportText } from './parse.ts';
import { readFixture } from './reference-corpus.ts';
import {
  BUILTIN_TEMPLATES,
  classifyHeading,
  reportTemplateSchema,
  requiredKinds,
  roleSchema,
  templateFromImported,
} from './templates.ts';

const order = (role: keyof typeof BUILTIN_TEMPLATES) =>
  BUILTIN_TEMPLATES[role].sections.map((s) => s.kind);

describe('built-in report templates', () => {
  it('has a valid template for every role', () => {
    for (const role of roleSchema.options) {
      const t = BUILTIN_TEMPLATES[role];
      expect(reportTemplateSchema.parse(t)).toEqual(t);
      expect(t.sections.filter((s) => s.perPortfolio)).toHaveLength(1);
    }
  });

  it('follows the default skeleton opening → 学 → 职 → 廉 → 法 → 不足 → 打算', () => {
    expect(order('deputy')).toEqual([
      'opening',
      'study',
      'duty',
      'integrity',
      'law',
      'shortcomings',
      'plans',
    ]);
  });

  it('lets templates reorder, merge and omit sections', () => {
    const idx = (role: 'mayor' | 'party_secretary', k: string) => order(role).indexOf(k as never);
    expect(idx('party_secretary', 'integrity')).toBeLessThan(idx('party_secretary', 'law'));
    expect(idx('mayor', 'law')).toBeLessThan(idx('mayor', 'integrity'));
    expect(BUILTIN_TEMPLATES.specialist.sections.find((s) => s.kind === 'law')!.required).toBe(
      false,
    );
    expect(order('specialist')).not.toContain('plans');
    expect(requiredKinds(BUILTIN_TEMPLATES.specialist)).toContain('plans');
    expect(BUILTIN_TEMPLATES.specialist.sections.at(-1)!.covers).toEqual(['plans']);
    expect(BUILTIN_TEMPLATES.propaganda_member.sections[2]!.portfolioLayout).toBe('top-level');
  });

  it('rejects a template with min longer than max', () => {
    const bad = {
      ...BUILTIN_TEMPLATES.deputy,
      sections: [{ ...BUILTIN_TEMPLATES.deputy.sections[0]!, minChars: 900, maxChars: 10 }],
    };
    expect(reportTemplateSchema.safeParse(bad).success).toBe(false);
  });
});

describe('templateFromImported', () => {
  it('classifies common headings', () => {
    expect(classifyHeading('存在的不足及下一步打算')).toEqual(['shortcomings', 'plans']);
    expect(classifyHeading('廉洁自律方面')).toEqual(['integrity']);
    expect(classifyHeading('作风建设')).toEqual(['integrity']);
    expect(classifyHeading('遵纪守法情况')).toEqual(['law']);
    expect(classifyHeading('学法用法情况')).toEqual(['law']);
    expect(classifyHeading('综治维稳工作')).toEqual(['duty']);
  });

  it('seeds a merged, law-less template from such a report', () => {
    const t = templateFromImported(parseReportText(readFixture('merged-no-law.txt')));
    expect(t.sections.map((s) => [s.kind, s.covers])).toEqual([
      ['opening', []],
      ['study', []],
      ['duty', []],
      ['integrity', []],
      ['shortcomings', ['plans']],
    ]);
    expect(t.sections[2]).toMatchObject({
      perPortfolio: true,
      portfolioLayout: 'nested',
      heading: '工作开展情况',
    });
  });

  it('keeps top-level portfolio sections as a top-level layout', () => {
    const t = templateFromImported(parseReportText(readFixture('portfolio-top-level.txt')));
    expect(t.sections.map((s) => s.kind)).toEqual([
      'opening',
      'duty',
      'integrity',
      'shortcomings',
      'plans',
    ]);
    expect(t.sections[1]!.portfolioLayout).toBe('top-level');
    const plans = t.sections.at(-1)!;
    expect(plans.heading).toBe('今后打算');
    expect(plans.minChars).toBeLessThanOrEqual(plans.maxChars);
  });
});
