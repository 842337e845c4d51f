import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import { exportHtml, exportMarkdown } from './export-text.ts';
import { parseReportText } from './parse.ts';
import { sampleComposeInput } from './sample-input.ts';

describe('Markdown and HTML export', () => {
  const doc = composeReport(sampleComposeInput('mayor'));

  it('writes Markdown with numbered headings by level', () => {
    const md = exportMarkdown(doc);
    expect(md.startsWith('# 述职报告\n')).toBe(true);
    expect(md).toContain('\n## 一、加强政治理论学习，筑牢思想根基\n');
    expect(md).toContain('\n### （一）经济发展\n');
    expect(md).toContain('推进重点项目9个');
  });

  it('writes standalone HTML that keeps chips linked and escapes text', () => {
    const withAngle = { ...doc, title: '述职<报告>' };
    const html = exportHtml(withAngle);
    expect(html).toContain('<title>述职&lt;报告&gt;</title>');
    expect(html).toContain('data-metric-id="economy.projects"');
    expect(html).toContain('>9个</span>');
    expect(html).not.toMatch(/https?:\/\//u);
  });

  it('produces text the importer reads back into the same outline', () => {
    const plain = exportMarkdown(doc).replace(/^#+ /gmu, '').replace(/\\/gu, '');
    const parsed = parseReportText(plain);
    expect(parsed.sections.map((s) => s.heading)).toEqual(
      doc.sections.filter((s) => s.level === 1).map((s) => s.heading),
    );
  });
});
