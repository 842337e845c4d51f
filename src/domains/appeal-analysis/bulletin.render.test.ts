import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { TEXT_WIDTH } from '../../core/report/export-docx-layout.ts';
import { sectionText } from '../../core/report/model.ts';
import { chineseDate, composeBulletin, type BulletinData } from './bulletin.compose.ts';
import { bulletinDocx, cellTextTwips, columnWidths } from './bulletin.render.ts';

const head = ['村（社区）', '受理量', '响应率', '解决率', '满意率', '逾期'];

describe('分析通报 in Word', () => {
  it('sizes table columns for their content and spans the text block', () => {
    const rows = [head, ['未标注村（社区）', '54件', '94.4%', '97.7%', '95.4%', '14件']];
    const w = columnWidths(rows);
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(w.reduce((a, b) => a + b, 0)).toBeGreaterThan(TEXT_WIDTH - w.length);
    // Every column is at least as wide as its widest text plus the cell margins.
    rows[0]!.forEach((_, c) => {
      const widest = Math.max(...rows.map((r) => cellTextTwips(r[c]!)));
      expect(w[c]!, rows[0]![c]).toBeGreaterThan(widest + 160);
    });
    // "逾期" is a short header over "14件": the column fits the figure, not a fixed share.
    expect(w[5]!).toBeLessThan(w[1]! + 200);
  });

  it('wraps a long name or header, never a figure, when the text block is short of room', () => {
    const wide = ['受理量合计', '响应率（%）', '解决率（%）', '满意率（%）', '逾期未办结'];
    const rows = [
      ['承办单位', ...wide],
      ['镇综合行政执法队和综治中心联合工作组', '1234件', '100%', '100%', '100%', '14件'],
    ];
    const w = columnWidths(rows);
    for (let c = 1; c < 6; c++) expect(w[c]!).toBeGreaterThan(cellTextTwips(rows[1]![c]!) + 160);
    expect(w[0]!).toBeLessThan(cellTextTwips(rows[1]![0]!));
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it('writes dates the Chinese way and signs the bulletin with the town and the date', async () => {
    expect(chineseDate('2025-12-31')).toBe('2025年12月31日');
    expect(chineseDate('2026-01-06')).toBe('2026年1月6日');
    const data = {
      townName: '青石镇',
      scopeName: null,
      periodLabel: '2025年第四季度',
      issuedOn: '2026-01-06',
      totals: Object.fromEntries(
        [
          'appeals.received',
          'appeals.response_rate',
          'appeals.resolution_rate',
          'appeals.satisfaction_rate',
          'appeals.closure_rate',
          'appeals.on_time_closure_rate',
          'appeals.overdue_open',
          'appeals.closed_late',
        ].map((id) => [id, { metricId: id, value: 1, unit: '件', params: {} }]),
      ),
      composite: null,
      byKind: [],
      topCategories: [],
      villages: [],
      overdueOrders: [{ code: 'A-1', title: '路灯不亮', unitName: '南坝村', dueOn: '2025-12-31' }],
      problems: [],
      commitments: [],
      tables: [],
    } satisfies BulletinData;
    const doc = composeBulletin(data);
    expect(doc.signature).toEqual({ issuer: '青石镇人民政府', date: '2026年1月6日' });
    const xml = await (
      await JSZip.loadAsync(await bulletinDocx(doc, data))
    )
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/gu, '').replaceAll('\u200b', '');
    expect(text).toContain('应于2025年12月31日前办理');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/u);
    expect(text).toMatch(/青石镇人民政府2026年1月6日$/u);
  });

  it('says 无数据 for a rate the period has no orders for, never 〔待取数〕', () => {
    const ids = ['appeals.received', 'appeals.response_rate', 'appeals.resolution_rate'];
    const more = [
      'appeals.satisfaction_rate',
      'appeals.closure_rate',
      'appeals.on_time_closure_rate',
    ];
    const fig = (id: string, value: number | null) => ({
      metricId: id,
      value,
      unit: '%',
      params: {},
    });
    const base = {
      townName: '青石镇',
      scopeName: null,
      periodLabel: '2026年1月',
      issuedOn: '2026-02-01',
      composite: null,
      byKind: [],
      topCategories: [],
      villages: [],
      overdueOrders: [],
      problems: [],
      commitments: [],
      tables: [],
    };
    const counts = Object.fromEntries(
      ['appeals.overdue_open', 'appeals.closed_late'].map((id) => [id, fig(id, 0)]),
    );
    const overview = (totals: Record<string, ReturnType<typeof fig>>) =>
      sectionText(
        composeBulletin({ ...base, totals: { ...counts, ...totals } } satisfies BulletinData)
          .sections[0]!,
      );
    const empty = overview({
      ...Object.fromEntries([...ids, ...more].map((id) => [id, fig(id, null)])),
      'appeals.received': { ...fig('appeals.received', 0), unit: '件' },
    });
    expect(empty).not.toContain('待取数');
    expect(empty).toContain('本期响应率、解决率、满意率、办结率、按时办结率无数据。');
    const some = overview({
      ...Object.fromEntries([...ids, ...more].map((id) => [id, fig(id, 90)])),
      'appeals.satisfaction_rate': fig('appeals.satisfaction_rate', null),
    });
    expect(some).toContain('响应率90%，解决率90%；办结率90%，按时办结率90%；满意率无数据。');
  });
});
