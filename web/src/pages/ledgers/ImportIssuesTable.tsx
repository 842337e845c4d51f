/** The rows an Excel import refused: sheet, row, column (letter and header) and the problem. */
import { Table, type TableColumnsType } from 'antd';
import type { ImportIssue } from '../../api/ledgers.ts';

const columns: TableColumnsType<ImportIssue> = [
  { title: '工作表', dataIndex: 'sheet', width: 110, render: (v?: string) => v ?? '—' },
  { title: '行', dataIndex: 'row', width: 64, render: (v?: number) => v ?? '—' },
  {
    title: '列',
    dataIndex: 'column',
    width: 120,
    render: (v: string | undefined, r) =>
      v ? `${v}${r.header ? `（${r.header}）` : ''}` : (r.header ?? '—'),
  },
  // The message repeats sheet/row/column for the CLI; the table already shows them.
  {
    title: '问题',
    dataIndex: 'message',
    render: (m: string) => m.replace(/^工作表“[^”]*”第 \d+ 行 [A-Z]+ 列“[^”]*”：/, ''),
  },
];

export function ImportIssuesTable({ issues }: { issues: ImportIssue[] }) {
  return (
    <Table<ImportIssue>
      data-testid="import-errors"
      size="small"
      rowKey={(r, i) => `${r.path}-${i}`}
      dataSource={issues}
      pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={columns}
    />
  );
}
