import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import { lintReport, type LintIssue } from './lint.ts';
import { documentText, makeChip, metricKey, type ReportDocument, type Section } from './model.ts';
import { readFixture } from './reference-corpus.ts';
import { sampleComposeInput } from './sample-input.ts';
import { BUILTIN_TEMPLATES } from './templates.ts';

const codes = (issues: LintIssue[]) => issues.map((i) => i.code);
const draft = () => composeReport(sampleComposeInput('organization_member'));
const template = BUILTIN_TEMPLATES.organization_member;

function withSection(
  doc: ReportDocument,
  id: string,
  change: (s: Section) => Section,
): ReportDocument {
  return { ...doc, sections: doc.sections.map((s) => (s.id === id ? change(s) : s)) };
}
const textPara = (text: string) => ({ inlines: [{ type: 'text' as const, text }] });

describe('lintReport', () => {
  it('finds no errors in a fresh draft with data for every portfolio', () => {
    const issues = lintReport(draft(), { template });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('flags placeholders with their offset in the section', () => {
    const doc = withSection(draft(), 'law', (s) => ({
      ...s,
      paragraphs: [textPara('全年办理XX件，由某某负责，共**次。')],
    }));
    const found = lintReport(doc, { template }).filter((i) => i.code === 'placeholder');
    expect(found.map((i) => [i.sectionId, i.offset])).toEqual([
      ['law', 4],
      ['law', 9],
      ['law', 15],
    ]);
    expect(found[0]!.message).toContain('XX');
  });

  it('flags a required section that is missing or empty, per its template', () => {
    const doc = draft();
    const noLaw = { ...doc, sections: doc.sections.filter((s) => s.kind !== 'law') };
    expect(
      lintReport(noLaw, { template }).find((i) => i.code === 'missing_section')!.message,
    ).toContain('尊法学法守法用法情况');
    // The specialist template's 法 section is optional, so its absence is fine there.
    const full = composeReport(sampleComposeInput('specialist'));
    const specialist = { ...full, sections: full.sections.filter((s) => s.kind !== 'law') };
    expect(codes(lintReport(specialist, { template: BUILTIN_TEMPLATES.specialist }))).not.toContain(
      'missing_section',
    );
  });

  it('flags hand-typed numbers that match no metric, but not those that do', () => {
    const doc = withSection(draft(), 'law', (s) => ({
      ...s,
      paragraphs: [textPara('全年开展普法宣传12场次，发放资料300余份，接待群众48人。')],
    }));
    const found = lintReport(doc, { template, knownMetricValues: [48] }).filter(
      (i) => i.code === 'untraceable_number',
    );
    expect(found.map((i) => i.offset)).toEqual([8, 17]);
    expect(found[0]!.message).toContain('12场次');
    expect(found[0]!.text).toBe('12场次');
    expect(found[1]!.text).toBe('300余份');
  });

  it('flags chips whose value disagrees with the recomputed metric', () => {
    const doc = draft();
    const chip = makeChip('party.new_members', { year: 2024, scope: 'person' }, 6, '名');
    const recomputed = new Map([[metricKey(chip.metricId, chip.params), 5]]);
    const found = lintReport(doc, { template, recomputed }).filter(
      (i) => i.code === 'chip_mismatch',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('“6名”与重新计算的结果5名不一致，请刷新数据');
    const agree = new Map([[metricKey(chip.metricId, chip.params), 6]]);
    expect(codes(lintReport(doc, { template, recomputed: agree }))).not.toContain('chip_mismatch');
  });

  it('flags sections outside the template length range', () => {
    const doc = withSection(draft(), 'integrity', (s) => ({
      ...s,
      paragraphs: [textPara('廉洁自律。')],
    }));
    expect(lintReport(doc, { template }).find((i) => i.sectionId === 'integrity')!.code).toBe(
      'too_short',
    );
    const long = withSection(draft(), 'integrity', (s) => ({
      ...s,
      paragraphs: [textPara('严格要求自己'.repeat(150))],
    }));
    expect(codes(lintReport(long, { template }))).toContain('too_long');
  });

  it('flags the same sentence written twice', () => {
    const doc = withSection(draft(), 'law', (s) => ({
      ...s,
      paragraphs: [
        textPara('坚持依法办事，严格履行法定程序。'),
        textPara('坚持依法办事，严格履行法定程序。'),
      ],
    }));
    const found = lintReport(doc, { template }).filter((i) => i.code === 'repeated_sentence');
    expect(found.map((i) => [i.sectionId, i.offset])).toEqual([['law', 17]]);
  });

  it('flags heavy overlap with last year, with a configurable threshold', () => {
    const doc = draft();
    const lastYear = documentText(doc);
    const found = lintReport(doc, { template, lastYearText: lastYear }).filter(
      (i) => i.code === 'similar_to_last_year',
    );
    expect(found[0]).toMatchObject({ sectionId: null });
    expect(found.length).toBeGreaterThan(3);
    const other = readFixture('merged-no-law.txt');
    expect(codes(lintReport(doc, { template, lastYearText: other }))).not.toContain(
      'similar_to_last_year',
    );
    expect(
      codes(
        lintReport(doc, {
          template,
          lastYearText: other,
          overlapThreshold: 0,
          sectionOverlapThreshold: 1.1,
        }),
      ),
    ).toContain('similar_to_last_year');
  });
});

describe('lintReport on an edited outline', () => {
  it('flags an untitled or empty added section and a skipped heading level', () => {
    const doc = draft();
    const at = doc.sections.findIndex((s) => s.kind === 'integrity');
    const added: Section[] = [
      { id: 'blank', level: 1, heading: '', kind: 'custom', paragraphs: [textPara('补充内容。')] },
      {
        id: 'deep',
        level: 3,
        heading: '细项',
        kind: 'custom',
        paragraphs: [textPara('细项内容。')],
      },
      { id: 'empty', level: 1, heading: '其他工作', kind: 'custom', paragraphs: [] },
    ];
    const edited = {
      ...doc,
      sections: [...doc.sections.slice(0, at), ...added, ...doc.sections.slice(at)],
    };
    const found = lintReport(edited, { template }).filter((i) =>
      ['untitled_section', 'empty_section', 'heading_level_skip'].includes(i.code),
    );
    expect(found.map((i) => [i.code, i.sectionId])).toEqual([
      ['untitled_section', 'blank'],
      ['heading_level_skip', 'deep'],
      ['empty_section', 'empty'],
    ]);
    expect(codes(lintReport(doc, { template }))).not.toContain('empty_section');
  });
});
