import { describe, expect, it } from 'vitest';
import { buildLexicon, normalizeText, segment } from './segment.ts';

describe('segment', () => {
  it('keeps domain terms whole and folds colloquial variants to one canonical term', () => {
    expect(segment('夜间施工噪声扰民')).toEqual(['夜间施工', '噪音扰民']);
    expect(segment('半夜施工吵得睡不着')).toEqual(['夜间施工', '噪音扰民']);
    expect(segment('路灯坏了')).toEqual(segment('路灯不亮'));
  });

  it('drops intake boilerplate, stopwords and punctuation', () => {
    const tokens = segment('群众反映：垃圾没人清，希望尽快处理！');
    expect(tokens).toEqual(['垃圾清运']);
  });

  it('keeps caller-given place names whole and joins a number to its measure word', () => {
    const lexicon = buildLexicon(['青松村']);
    const tokens = segment('青松村村口3号路灯不亮', lexicon);
    expect(tokens).toContain('青松村');
    expect(tokens).toContain('3号');
    expect(tokens).toContain('路灯');
  });

  it('normalizes full-width characters and case', () => {
    expect(normalizeText('３号ＡＢ  路灯')).toBe('3号ab 路灯');
  });
});
