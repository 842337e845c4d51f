/**
 * The columns of a ledger's record table, generated from the type: one per shown field (sortable
 * but attachments; the first opens the record), and 编辑/删除 for those who may write.
 */
import { Button, Space, type TableColumnsType } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { LedgerField, LedgerRecord, LedgerType } from '../../api/ledgers.ts';
import { renderValue, type RefData } from './fieldValues.tsx';

export type Sort = LedgerType['defaultSort'];

interface Options {
  fields: LedgerField[];
  hidden: string[];
  sort: Sort;
  refData: RefData;
  townId: string;
  actions: { edit: (r: LedgerRecord) => void; remove: (r: LedgerRecord) => void } | null;
}

const width = (f: LedgerField) =>
  f.type === 'long_text' ? 260 : f.type === 'date' ? 120 : undefined;
const empty = (v: unknown) => v === undefined || v === null || v === '';

export function recordColumns(o: Options): TableColumnsType<LedgerRecord> {
  const columns: TableColumnsType<LedgerRecord> = o.fields
    .filter((f) => !o.hidden.includes(f.key))
    .map((f, i) => ({
      key: f.key,
      title: f.label,
      dataIndex: ['data', f.key],
      width: width(f),
      ellipsis: f.type === 'text',
      sorter: f.type !== 'attachment',
      sortOrder:
        o.sort.field === f.key ? (o.sort.direction === 'asc' ? 'ascend' : 'descend') : null,
      render: (v: unknown, r) => {
        const cell = renderValue(f, v, o.refData, o.townId);
        if (i > 0 || !o.actions) return cell;
        return <a onClick={() => o.actions?.edit(r)}>{empty(v) ? '（空）' : cell}</a>;
      },
    }));
  const actions = o.actions;
  if (!actions) return columns;
  return [
    ...columns,
    {
      key: 'actions',
      title: '操作',
      width: 120,
      fixed: 'right',
      render: (_, r) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => actions.edit(r)}>
            编辑
          </Button>
          <Button type="link" size="small" danger onClick={() => actions.remove(r)}>
            删除
          </Button>
        </Space>
      ),
    },
  ];
}

/** The sort a click on a column header asks for; no order left means the type's default. */
export function sortOf(
  sorter: SorterResult<LedgerRecord> | SorterResult<LedgerRecord>[],
  fallback: Sort,
): Sort {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order) return fallback;
  return { field: String(s.columnKey), direction: s.order === 'ascend' ? 'asc' : 'desc' };
}
