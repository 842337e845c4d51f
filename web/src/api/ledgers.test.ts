import { describe, expect, it } from 'vitest';
import { exportUrl, ndjsonReader, type ImportProgress } from './ledgers.ts';

describe('Excel import progress (NDJSON)', () => {
  it('reports each progress line once, waiting for lines cut by the network', () => {
    const seen: ImportProgress[] = [];
    const reader = ndjsonReader((p) => seen.push(p));
    const line1 = JSON.stringify({ type: 'progress', rows: 100, errors: 0 });
    const line2 = JSON.stringify({ type: 'progress', rows: 200, errors: 3 });
    const full = `${line1}\n${line2}\n`;
    reader.consume(full.slice(0, line1.length + 10)); // line 2 is still arriving
    expect(seen.map((p) => p.rows)).toEqual([100]);
    reader.consume(full);
    reader.consume(full); // the same text again: nothing new
    expect(seen).toEqual([
      { phase: 'check', percent: 100, rows: 100, errors: 0 },
      { phase: 'check', percent: 100, rows: 200, errors: 3 },
    ]);
    expect(reader.outcome()).toEqual({});
  });

  it('ends with the imported count, or with the problem listing the bad rows', () => {
    const done = ndjsonReader(() => {});
    done.consume(`${JSON.stringify({ type: 'done', imported: 57 })}\n`);
    expect(done.outcome()).toEqual({ imported: 57 });

    const failed = ndjsonReader(() => {});
    const problem = {
      type: 'about:blank',
      title: 'Invalid',
      status: 422,
      detail: '第 3 行：日期格式应为 YYYY-MM-DD',
      errors: [{ path: 'rows.3.date', label: '日期', message: '日期格式应为 YYYY-MM-DD' }],
    };
    failed.consume(`${JSON.stringify({ type: 'error', problem })}\n`);
    expect(failed.outcome()).toEqual({ problem });
  });
});

describe('ledger export link', () => {
  it('carries the list’s filters (as JSON) without paging', () => {
    const url = exportUrl('t1', 'publicity', {
      from: '2024-01-01',
      to: '2024-12-31',
      unitId: '',
      filters: [{ field: 'level', op: 'in', value: ['provincial'] }],
      sort: 'date',
      direction: 'desc',
      cursor: 'abc',
      limit: 50,
    });
    const parsed = new URL(url, 'http://localhost');
    expect(parsed.pathname).toBe('/api/v1/towns/t1/ledger-types/publicity/export');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
      filters: JSON.stringify([{ field: 'level', op: 'in', value: ['provincial'] }]),
      sort: 'date',
      direction: 'desc',
    });
  });

  it('leaves `filters` out when there are none', () => {
    expect(exportUrl('t1', 'x', { filters: [] })).toBe('/api/v1/towns/t1/ledger-types/x/export');
  });
});
