import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseReportDocx } from './parse-docx.ts';

describe('parseReportDocx', () => {
  it('imports a Word report through its raw text', async () => {
    const lines = [
      '2023年述职报告',
      '今年我负责交通安全工作。',
      '一、学习情况',
      '参加集中学习8次。',
      '二、工作情况',
      '（一）交通劝导',
      '劝导群众**人次。',
    ];
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    const r = await parseReportDocx(await Packer.toBuffer(doc));
    expect(r.title).toBe('2023年述职报告');
    expect(r.sections.map((s) => s.heading)).toEqual(['学习情况', '工作情况']);
    expect(r.sections[1]!.children[0]!.heading).toBe('交通劝导');
    expect(r.numbers.map((n) => [n.value, n.unit])).toEqual([
      [8, '次'],
      [null, '人次'],
    ]);
    expect(r.placeholders).toHaveLength(1);
  });

  it('rejects a file that is not a .docx with a Chinese domain error', async () => {
    await expect(parseReportDocx(Buffer.from('not a zip'))).rejects.toBeInstanceOf(DomainError);
  });
});
