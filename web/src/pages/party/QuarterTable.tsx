/** The quarter overview per branch: held/required per meeting type, missing, attendance rate. */
import { Table, Tag } from 'antd';
import type { QuarterOverview } from '../../api/party.ts';

type BranchFigures = QuarterOverview['branches'][number];

export function QuarterTable(props: {
  data: QuarterOverview | undefined;
  loading: boolean;
  selected: string | undefined;
  onSelect: (branchId: string) => void;
}) {
  const typeColumns = (props.data?.branches[0]?.types ?? []).map((t, i) => ({
    title: t.label,
    key: t.meetingType,
    render: (_: unknown, b: BranchFigures) => {
      const f = b.types[i]!;
      return (
        <span>
          {f.held}/{f.required}
          {f.missing > 0 && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              缺{f.missing}
            </Tag>
          )}
        </span>
      );
    },
  }));
  return (
    <Table<BranchFigures>
      rowKey="branchId"
      size="small"
      loading={props.loading}
      dataSource={props.data?.branches ?? []}
      pagination={false}
      scroll={{ x: true }}
      onRow={(b) => ({ onClick: () => props.onSelect(b.branchId), style: { cursor: 'pointer' } })}
      rowClassName={(b) => (b.branchId === props.selected ? 'ant-table-row-selected' : '')}
      columns={[
        { title: '党支部', dataIndex: 'branchName', fixed: 'left' },
        ...typeColumns,
        {
          title: '缺开',
          dataIndex: 'missing',
          render: (n: number) =>
            n > 0 ? <Tag color="red">{n}次</Tag> : <Tag color="green">无</Tag>,
        },
        {
          title: '出勤率',
          key: 'rate',
          render: (_, b) =>
            b.attendanceRate === null
              ? '—'
              : `${b.attendanceRate}%（${b.present}/${b.expected}人次）`,
        },
      ]}
    />
  );
}
