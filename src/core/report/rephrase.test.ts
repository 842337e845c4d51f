import { describe, expect, it } from 'vitest';
import { makeChip, paragraphText, type Section } from './model.ts';
import { guardRewrite, lockSection, rephrasePrompt } from './rephrase.ts';

const section: Section = {
  id: 's1',
  level: 1,
  heading: '履行职责情况',
  kind: 'duty',
  paragraphs: [
    {
      inlines: [
        { type: 'text', text: '全年召开“三会一课”' },
        makeChip('m.meetings', { year: 2025 }, 12, '次'),
        { type: 'text', text: '，走访慰问党员' },
        makeChip('m.visits', { year: 2025 }, 86, '人次'),
        { type: 'text', text: '。' },
      ],
    },
    {
      inlines: [
        { type: 'text', text: '10月起推进道路硬化，投入资金' },
        makeChip('m.money', { year: 2025 }, 1200, '万元'),
        { type: 'text', text: '。' },
      ],
    },
  ],
};

const locked = lockSection(section);

describe('rephrasing guard', () => {
  it('locks every chip as a numbered token and tells the model to keep them', () => {
    expect(locked.text).toBe(
      '全年召开“三会一课”{{1|12次}}，走访慰问党员{{2|86人次}}。\n10月起推进道路硬化，投入资金{{3|1200万元}}。',
    );
    expect(rephrasePrompt(section.heading, locked)).toContain('{{1|12次}}');
  });

  it('accepts a rewrite that keeps every figure, and rebuilds it from the original chips', () => {
    const result = guardRewrite(
      locked,
      '<think>先想想</think>全年共召开“三会一课”{{1|12次}}，深入走访慰问党员{{2|86人次}}。\n\n自10月起加快道路硬化，累计投入资金{{3|1200万元}}。',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.paragraphs).toHaveLength(2);
    expect(result.paragraphs[1]!.inlines[1]).toBe(section.paragraphs[1]!.inlines[1]);
    expect(paragraphText(result.paragraphs[0]!)).toBe(
      '全年共召开“三会一课”12次，深入走访慰问党员86人次。',
    );
  });

  const refused = (rewrite: string) => {
    const result = guardRewrite(locked, rewrite);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems;
  };

  it('refuses two figures swapped, inside the tokens or by moving them', () => {
    expect(
      refused('召开“三会一课”{{1|86人次}}，走访党员{{2|12次}}。\n10月起投入资金{{3|1200万元}}。'),
    ).toContain('数字“12次”被改成了“86人次”');
    expect(
      refused(
        '走访慰问党员{{2|86人次}}，召开“三会一课”{{1|12次}}。\n10月起投入{{3|1200万元}}。',
      )[0],
    ).toMatch(/位置被调换/u);
  });

  it('refuses a unit changed (万元 → 元), inside a token or written out', () => {
    expect(
      refused('召开“三会一课”{{1|12次}}，走访{{2|86人次}}。\n10月起投入资金{{3|1200元}}。'),
    ).toEqual(['数字“1200万元”的单位被改成了“元”']);
    expect(
      refused('召开“三会一课”{{1|12次}}，走访{{2|86人次}}。\n10月起投入资金12000000元。'),
    ).toEqual(['数字“1200万元”被改写成了“12000000元”，数字须保持原样']);
  });

  it('refuses a number spelled out (十二 for 12)', () => {
    expect(
      refused('召开“三会一课”十二次，走访{{2|86人次}}。\n10月起投入资金{{3|1200万元}}。'),
    ).toEqual(['数字“12次”被改写成了“十二次”，数字须保持原样']);
  });

  it('refuses a chip dropped, duplicated or invented, and a plain number added or changed', () => {
    expect(refused('召开“三会一课”{{1|12次}}。\n10月起投入资金{{3|1200万元}}。')).toEqual([
      '数字“86人次”被删掉了',
    ]);
    expect(
      refused('召开{{1|12次}}，走访{{2|86人次}}{{2|86人次}}。\n10月投入{{3|1200万元}}。'),
    ).toEqual(['数字“86人次”被重复写了2次']);
    expect(
      refused('召开{{1|12次}}，走访{{2|86人次}}。\n10月投入{{3|1200万元}}，{{4|5个}}。'),
    ).toContain('多出了一个系统中没有的数字“5个”');
    expect(
      refused('召开{{1|12次}}，走访{{2|86人次}}，新建3个站点。\n10月投入{{3|1200万元}}。'),
    ).toContain('多出了原文没有的数字“3个”');
    expect(
      refused('召开{{1|12次}}，走访{{2|86人次}}。\n11月起投入{{3|1200万元}}。').join(),
    ).toMatch(/11/u);
  });

  it('refuses an empty answer', () => {
    expect(refused('  ')).toEqual(['改写服务没有返回任何内容']);
  });
});
