import { describe, expect, it } from 'vitest';
import { buildLexicon, chineseNumber, normalizeText, segment, tokenize } from './segment.ts';

describe('segment', () => {
  it('folds colloquial and dialect variants to one concept', () => {
    expect(segment('夜间施工噪声扰民')).toEqual(['夜间施工', '工地', '噪音']);
    expect(new Set(segment('半夜施工吵得睡不着'))).toEqual(new Set(['夜间施工', '工地', '噪音']));
    expect(segment('路灯坏了')).toEqual(segment('路灯不亮'));
    expect(segment('坡上头路灯又熄了')).toEqual(['坡道', '路灯', '损坏']);
    expect(segment('灯又黑咕隆咚的')).toEqual(['路灯', '损坏']);
  });

  it('drops intake boilerplate, stopwords and punctuation', () => {
    expect(segment('群众反映：垃圾没人清，希望尽快处理！')).toEqual(['清运不及时', '垃圾']);
  });

  it('drops numerals, measure words and pronouns by their part of speech', () => {
    const terms = segment('这根电线杆上的灯，几间房子前面都黑了，好几个人摔了一跤');
    expect(terms).toEqual(expect.arrayContaining(['电线', '路灯', '损坏']));
    for (const junk of ['这根', '几间', '好几个', '一跤', '这', '都'])
      expect(terms).not.toContain(junk);
  });

  it('reads address numbers in digits and Chinese numerals alike', () => {
    expect(segment('八栋一单元楼梯间')).toEqual(['8栋', '1单元', '楼道']);
    expect(segment('3号楼电梯')).toEqual(['3栋', '电梯']);
    expect(segment('二十三组')).toEqual(['23组']);
    // A Chinese numeral before 号 is a day of the month, not an address.
    expect(segment('以前都是十号左右到账').filter((t) => t.endsWith('号'))).toEqual([]);
    expect(chineseNumber('十八')).toBe(18);
    expect(chineseNumber('两')).toBe(2);
    expect(chineseNumber('十十')).toBeNaN();
  });

  it('puts a verb split by its measure back together (停了四五次电 is 停电)', () => {
    expect(segment('这个月停了四五次电')).toEqual(['停电', '供电']);
    expect(segment('昨天停了一整天水')).toEqual(expect.arrayContaining(['停水', '自来水']));
  });

  it('keeps caller-given place names whole and marks them as names, not features', () => {
    const lexicon = buildLexicon(['青松村']);
    const tokens = tokenize('青松村村口3号路灯不亮，青松小学旁边', lexicon);
    expect(tokens.filter((t) => t.kind === 'name').map((t) => t.term)).toEqual([
      '青松村',
      '青松村',
    ]);
    expect(tokens.map((t) => t.term)).toEqual(expect.arrayContaining(['村口', '3号', '路灯']));
    expect(tokens.find((t) => t.term === '3号')?.kind).toBe('number');
  });

  it('normalizes full-width characters and case', () => {
    expect(normalizeText('３号ＡＢ  路灯')).toBe('3号ab 路灯');
  });
});
