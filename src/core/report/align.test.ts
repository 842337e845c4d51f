import { describe, expect, it } from 'vitest';
import { alignHeadings, chipMentions, headingSimilarity, pairNumbers } from './align.ts';
import { makeChip } from './model.ts';

const h = (heading: string, level = 1) => ({ heading, level });

describe('aligning last year’s headings with the draft', () => {
  it('scores headings about the same thing above unrelated ones', () => {
    expect(headingSimilarity(h('新闻外宣工作'), h('宣传和新闻发布'))).toBeGreaterThan(headingSimilarity(h('新闻外宣工作'), h('安全生产')));
    expect(headingSimilarity(h('廉洁自律方面'), h('严守纪律规矩，保持清正廉洁'))).toBeGreaterThanOrEqual(0.5);
    // the same field of work named in other words
    expect(headingSimilarity(h('宣传思想工作'), h('意识形态、宣传和精神文明'))).toBeGreaterThanOrEqual(0.5);
    expect(headingSimilarity(h('宣传思想工作'), h('安全生产'))).toBeLessThan(0.3);
  });

  it('keeps reading order and leaves sections without a counterpart on their own side', () => {
    const past = [h('思想政治情况'), h('意识形态工作'), h('新闻外宣工作'), h('党风廉政方面'), h('存在不足和今后努力的方向')];
    const draft = [h('加强政治理论学习，筑牢思想根基'), h('宣传思想和新闻外宣'), h('安全生产', 2), h('严守纪律规矩，保持清正廉洁'), h('存在的不足'), h('下一步工作打算')];
    const rows = alignHeadings(past, draft).map((r) => [r.left === null ? null : past[r.left]!.heading, r.right === null ? null : draft[r.right]!.heading]);
    expect(rows).toContainEqual(['思想政治情况', '加强政治理论学习，筑牢思想根基']);
    expect(rows).toContainEqual(['新闻外宣工作', '宣传思想和新闻外宣']);
    expect(rows).toContainEqual(['党风廉政方面', '严守纪律规矩，保持清正廉洁']);
    expect(rows).toContainEqual([null, '安全生产']);
    // every heading appears once, in order on each side
    expect(rows.map((r) => r[0]).filter((x) => x !== null)).toEqual(past.map((x) => x.heading));
    expect(rows.map((r) => r[1]).filter((x) => x !== null)).toEqual(draft.map((x) => x.heading));
  });

  it('pairs last year’s numbers with this year’s chips by unit and subject', () => {
    const chips = chipMentions([{ inlines: [
      { type: 'text', text: '全年报送宣传信息' }, makeChip('a', {}, 120, '条'),
      { type: 'text', text: '，开展理论宣讲' }, makeChip('b', {}, 18, '场'),
    ] }]);
    expect(chips.map((c) => c.subject)).toEqual(['报送宣传信息', '开展理论宣讲']);
    const rows = pairNumbers([{ value: 110, unit: '条', subject: '宣传信息' }, { value: 6, unit: '篇', subject: '调研文章' }], chips);
    expect(rows.map((r) => [r.past?.value ?? null, r.chip?.chip.value ?? null])).toEqual([[110, 120], [6, null], [null, 18]]);
  });
});
