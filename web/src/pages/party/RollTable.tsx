/**
 * The roll call of a meeting: each member of the branch's roster 出席, 缺席 (with a reason) or
 * 不参加本会 (not expected, e.g. a committee meeting's non-members). The marks start from the
 * saved meeting, else everyone present (a committee meeting: its members); the parent keeps the
 * user's changes per branch.
 */
import { Input, Radio, Table } from 'antd';

export type Status = 'present' | 'absent' | 'none';
export interface RollRow {
  memberId: string;
  name: string;
  committee: boolean;
  status: Status;
  reason: string;
}
export type Marks = Record<string, Partial<Pick<RollRow, 'status' | 'reason'>>>;

/** The roll for a roster: a saved meeting's marks, else the preset by type, then the user's. */
export function rollRows(
  members: readonly { id: string; name: string; committee: boolean }[],
  saved: readonly { memberId: string; present: boolean; reason: string | null }[] | null,
  type: string,
  marks: Marks,
): RollRow[] {
  const marked = new Map((saved ?? []).map((a) => [a.memberId, a]));
  return members.map((m) => {
    const a = marked.get(m.id);
    const preset: Status = saved
      ? a
        ? a.present
          ? 'present'
          : 'absent'
        : 'none'
      : type === 'committee' && !m.committee
        ? 'none'
        : 'present';
    return {
      memberId: m.id,
      name: m.name,
      committee: m.committee,
      status: preset,
      reason: a?.reason ?? '',
      ...marks[m.id],
    };
  });
}

export function RollTable(props: {
  rows: RollRow[];
  loading: boolean;
  onMark: (memberId: string, patch: Partial<RollRow>) => void;
}) {
  return (
    <Table<RollRow>
      rowKey="memberId"
      size="small"
      loading={props.loading}
      dataSource={props.rows}
      pagination={false}
      scroll={{ y: 260 }}
      locale={{ emptyText: '该党支部还没有党员名册，请先在“党员名册”中录入' }}
      columns={[
        {
          title: '党员',
          dataIndex: 'name',
          width: 140,
          render: (n: string, r) => (r.committee ? `${n}（支委）` : n),
        },
        {
          title: '出勤',
          key: 'status',
          width: 260,
          render: (_, r) => (
            <Radio.Group
              aria-label={`${r.name}出勤`}
              value={r.status}
              onChange={(e) => props.onMark(r.memberId, { status: e.target.value as Status })}
              options={[
                { value: 'present', label: '出席' },
                { value: 'absent', label: '缺席' },
                { value: 'none', label: '不参加本会' },
              ]}
            />
          ),
        },
        {
          title: '缺席原因',
          key: 'reason',
          render: (_, r) =>
            r.status === 'absent' ? (
              <Input
                aria-label={`${r.name}缺席原因`}
                size="small"
                maxLength={100}
                value={r.reason}
                placeholder="如：外出务工、生病住院"
                onChange={(e) => props.onMark(r.memberId, { reason: e.target.value })}
              />
            ) : null,
        },
      ]}
    />
  );
}
