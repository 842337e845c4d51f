import { describe, expect, it } from 'vitest';
import {
  alignBlocks,
  alignHeadings,
  chipMentions,
  foldHeadings,
  headingSimilarity,
  pairNumbers,
} from './align.ts';
import { makeChip } from './model.ts';

const h = (heading: string, level = 1) => ({ heading, level });

describe('aligning last year’s headings with the draft', () => {
  it('scores headings about the same thing above unrelated ones', () => {
    expect(headingSimilarity(h('新闻外宣工作'), h('宣传和新闻发布'))).toBeGreaterThan(
      headingSimilarity(h('新闻外宣工作'), h('安全生产')),
    );
    expect(
      headingSimilarity(h('廉洁自律方面'), h('严守纪律规矩，保持清正廉洁')),
    ).toBeGreaterThanOrEqual(0.5);
    // the same field of work named in other words
    expect(
      headingSimilarity(h('宣传思想工作'), h('意识形态、宣传和精神文明')),
    ).toBeGreaterThanOrEqual(0.5);
    expect(headingSimilarity(h('宣传思想工作'), h('安全生产'))).toBeLessThan(0.3);
  });

  it('keeps reading order and leaves sections without a counterpart on their own side', () => {
    const past = [
      h('思想政治情况'),
      h('意识形态工作'),
      h('新闻外宣工作'),
      h('党风廉政方面'),
      h('存在不足和今后努力的方向'),
    ];
    const draft = [
      h('加强政治理论学习，筑牢思想根基'),
      h('宣传思想和新闻外宣'),
      h('安全生产', 2),
      h('严守纪律规矩，保持清正廉洁'),
      h('存在的不足'),
      h('下一步工作打算'),
    ];
    const rows = alignHeadings(past, draft).map((r) => [
      r.left === null ? null : past[r.left]!.heading,
      r.right === null ? null : draft[r.right]!.heading,
    ]);
    expect(rows).toContainEqual(['思想政治情况', '加强政治理论学习，筑牢思想根基']);
    expect(rows).toContainEqual(['新闻外宣工作', '宣传思想和新闻外宣']);
    expect(rows).toContainEqual(['党风廉政方面', '严守纪律规矩，保持清正廉洁']);
    expect(rows).toContainEqual([null, '安全生产']);
    // every heading appears once, in order on each side
    expect(rows.map((r) => r[0]).filter((x) => x !== null)).toEqual(past.map((x) => x.heading));
    expect(rows.map((r) => r[1]).filter((x) => x !== null)).toEqual(draft.map((x) => x.heading));
  });

  it('pairs last year’s numbers with this year’s chips by unit and subject', () => {
    const chips = chipMentions([
      {
        inlines: [
          { type: 'text', text: '全年报送宣传信息' },
          makeChip('a', {}, 120, '条'),
          { type: 'text', text: '，开展理论宣讲' },
          makeChip('b', {}, 18, '场'),
        ],
      },
    ]);
    expect(chips.map((c) => c.subject)).toEqual(['报送宣传信息', '开展理论宣讲']);
    const rows = pairNumbers(
      [
        { value: 110, unit: '条', subject: '宣传信息' },
        { value: 6, unit: '篇', subject: '调研文章' },
      ],
      chips,
    );
    expect(rows.map((r) => [r.past?.value ?? null, r.chip?.chip.value ?? null])).toEqual([
      [110, 120],
      [6, null],
      [null, 18],
    ]);
  });
});

describe('aligning at the top level with subsections folded in', () => {
  const past = [
    h('理论学习方面'),
    h('宣传思想工作'),
    h('理论宣讲', 2),
    h('对外宣传', 2),
    h('文明创建', 2),
    h('廉洁自律方面'),
    h('存在的不足和明年打算'),
  ];
  const names = (items: typeof past, block: { head: number; subsections: number[] } | null) =>
    block ? [items[block.head]!.heading, block.subsections.map((i) => items[i]!.heading)] : null;

  it('folds each （一） under the 一、 before it, and keeps one before any 一、 on its own', () => {
    expect(foldHeadings(past)).toEqual([
      { head: 0, subsections: [] },
      { head: 1, subsections: [2, 3, 4] },
      { head: 5, subsections: [] },
      { head: 6, subsections: [] },
    ]);
    expect(foldHeadings([h('前言', 2), h('一', 1), h('甲', 2), h('乙', 3)])).toEqual([
      { head: 0, subsections: [] },
      { head: 1, subsections: [2, 3] },
    ]);
    expect(foldHeadings([])).toEqual([]);
  });

  it('puts last year’s subsections in the row of the matched 一、, never on rows of their own', () => {
    const draft = [
      h('加强政治理论学习，筑牢思想根基'),
      h('宣传思想和精神文明'),
      h('网络安全和信息化'),
      h('严守纪律规矩，保持清正廉洁'),
      h('存在的不足'),
      h('下一步工作打算'),
    ];
    const rows = alignBlocks(past, draft).map((r) => [names(past, r.left), names(draft, r.right)]);
    expect(rows).toContainEqual([
      ['宣传思想工作', ['理论宣讲', '对外宣传', '文明创建']],
      ['宣传思想和精神文明', []],
    ]);
    expect(rows).toContainEqual([
      ['廉洁自律方面', []],
      ['严守纪律规矩，保持清正廉洁', []],
    ]);
    // only 一、 headings lead a row: every past subsection is inside its parent's row
    const leads = rows.flatMap((r) => (r[0] ? [r[0][0]] : []));
    expect(leads).toEqual(['理论学习方面', '宣传思想工作', '廉洁自律方面', '存在的不足和明年打算']);
  });

  it('matches a 一、 named after a field of work with the 一、 whose （一） names it (nested portfolios)', () => {
    const nested = [
      h('加强政治理论学习，筑牢思想根基'),
      h('围绕分管领域，认真履行岗位职责'),
      h('意识形态、宣传和精神文明', 2),
      h('安全生产', 2),
      h('严守纪律规矩，保持清正廉洁'),
    ];
    const rows = alignBlocks(past, nested).map((r) => [
      names(past, r.left),
      names(nested, r.right),
    ]);
    expect(rows).toContainEqual([
      ['宣传思想工作', ['理论宣讲', '对外宣传', '文明创建']],
      ['围绕分管领域，认真履行岗位职责', ['意识形态、宣传和精神文明', '安全生产']],
    ]);
    expect(rows).toContainEqual([
      ['理论学习方面', []],
      ['加强政治理论学习，筑牢思想根基', []],
    ]);
    // every top-level heading appears once, in order on each side
    expect(rows.flatMap((r) => (r[1] ? [r[1][0]] : []))).toEqual(
      nested.filter((x) => x.level === 1).map((x) => x.heading),
    );
  });
});
