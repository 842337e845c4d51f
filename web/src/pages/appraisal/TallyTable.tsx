/** 测评结果: per person the count and share of each grade, with the 德能勤绩廉 items expandable. */
import { Table } from 'antd';
import type { Round } from '../../api/appraisal.ts';

type Tally = NonNullable<Round['tally']>;
type PersonRow = Tally['people'][number];

const cell = (g: { count: number; percent: number }) => `${g.count}票（${g.percent}%）`;

export function TallyTable({ tally, withItems }: { tally: Tally; withItems: boolean }) {
  const grades = tally.people[0]?.grades ?? [];
  return (
    <Table<PersonRow>
      rowKey="personId"
      size="middle"
      pagination={false}
      dataSource={tally.people}
      columns={[
        { title: '序号', width: 60, render: (_, __, i) => i + 1 },
        { title: '姓名', dataIndex: 'name' },
        ...grades.map((g, gi) => ({
          title: g.label,
          key: g.grade,
          render: (_: unknown, p: PersonRow) => cell(p.grades[gi]!),
        })),
      ]}
      expandable={
        withItems
          ? {
              expandedRowRender: (p: PersonRow) => (
                <Table
                  rowKey="item"
                  size="small"
                  pagination={false}
                  dataSource={p.items}
                  columns={[
                    { title: '分项', dataIndex: 'label', width: 60 },
                    ...grades.map((g, gi) => ({
                      title: g.label,
                      key: g.grade,
                      render: (_: unknown, it: PersonRow['items'][number]) => cell(it.grades[gi]!),
                    })),
                  ]}
                />
              ),
            }
          : undefined
      }
    />
  );
}
