import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import { lintReport } from './lint.ts';
import { relocateTypedNumber, typedNumbers } from './locate.ts';
import { makeChip, sectionText, type Inline, type ReportDocument, type Section } from './model.ts';
import { sampleComposeInput } from './sample-input.ts';
import { BUILTIN_TEMPLATES } from './templates.ts';

const text = (t: string): Inline => ({ type: 'text', text: t });
const section = (...paragraphs: Inline[][]): Section => ({
  id: 's',
  level: 1,
  heading: '宣传工作',
  kind: 'duty',
  paragraphs: paragraphs.map((inlines) => ({ inlines })),
});
const chip = makeChip('ledger.news.count', { from: '2025-01-01', to: '2025-12-31' }, 86, '条');

/** The offset lint gives the hand-typed `raw` in a saved section (the server's view). */
function flagged(saved: Section, raw: string) {
  const doc: ReportDocument = {
    ...composeReport(sampleComposeInput('propaganda_member')),
    sections: [saved],
  };
  const issue = lintReport(doc, { template: BUILTIN_TEMPLATES.propaganda_member }).find(
    (i) => i.code === 'untraceable_number' && i.text === raw,
  )!;
  return { offset: issue.offset!, text: issue.text! };
}

/** What now stands at the relocated offset of the current section's text. */
const at = (s: Section, offset: number | null, length: number) =>
  offset === null ? null : sectionText(s).slice(offset, offset + length);

describe('finding a flagged hand-typed number again in the unsaved document', () => {
  const saved = section(
    [text('全年报送信息'), chip, text('，其中7777条被各级媒体采用，开展宣讲45场。')],
    [text('培训通讯员30人。')],
  );

  it('lint offsets and typedNumbers agree, and an unchanged section gives the same offset back', () => {
    const f = flagged(saved, '7777条');
    expect(typedNumbers(saved).map((n) => n.offset)).toContain(f.offset);
    expect(relocateTypedNumber(saved, saved, f)).toBe(f.offset);
  });

  it('follows the number when text was typed or paragraphs added before it', () => {
    const f = flagged(saved, '7777条');
    const edited = section(
      [text('新增一段开头。')],
      [text('今年以来，全年报送信息'), chip, text('，其中7777条被各级媒体采用，开展宣讲45场。')],
      [text('培训通讯员30人。')],
    );
    const offset = relocateTypedNumber(saved, edited, f);
    expect(offset).not.toBe(f.offset);
    expect(at(edited, offset, 5)).toBe('7777条');
    // exactly where lint run on the edited document would flag it
    expect(flagged(edited, '7777条').offset).toBe(offset);
  });

  it('tells two equal numbers apart by the words around them', () => {
    const twice = section(
      [text('举办培训30场，培训通讯员30人，发放资料30人份。')],
      [text('全年慰问30人。')],
    );
    const f = { offset: sectionText(twice).indexOf('慰问30人') + 2, text: '30人' };
    const edited = section(
      [text('举办培训30场，培训通讯员30人，发放资料30人份。')],
      [text('春节前后，全年慰问30人。')],
    );
    const offset = relocateTypedNumber(twice, edited, f);
    expect(sectionText(edited).slice(offset! - 2, offset! + 3)).toBe('慰问30人');
  });

  it('gives up when the number was deleted, retyped or already turned into a chip', () => {
    const f = flagged(saved, '7777条');
    expect(relocateTypedNumber(saved, section([text('其中7000条被采用。')]), f)).toBeNull();
    const chipped = section([
      text('全年报送信息'),
      chip,
      text('，其中'),
      makeChip('ledger.news.used', {}, 7777, '条'),
      text('被各级媒体采用。'),
    ]);
    expect(relocateTypedNumber(saved, chipped, f)).toBeNull();
  });

  it('still finds the number when its section was not in the saved document', () => {
    const fresh = section([text('新写的一段，采用稿件7777条。')]);
    expect(at(fresh, relocateTypedNumber(undefined, fresh, { offset: 0, text: '7777条' }), 5)).toBe(
      '7777条',
    );
  });
});
