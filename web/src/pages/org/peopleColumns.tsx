/** The columns of the 人员 table: name (opens the drawer), unit, current titles, party member. */
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { Person } from '../../api/org.ts';
import { GENDER_LABELS } from './labels.ts';

interface Options {
  unitName: Map<string, string>;
  /** Edit and delete links, for those who may change the organisation. */
  actions: { edit: (p: Person) => void; remove: (p: Person) => void } | null;
}

const dash = (v: string | null) => v ?? '—';

export function peopleColumns({ unitName, actions }: Options): TableColumnsType<Person> {
  const columns: TableColumnsType<Person> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      render: (name: string, p) => (actions ? <a onClick={() => actions.edit(p)}>{name}</a> : name),
    },
    {
      title: '性别',
      dataIndex: 'gender',
      width: 64,
      render: (g: Person['gender']) => (g ? GENDER_LABELS[g] : '—'),
    },
    { title: '出生日期', dataIndex: 'birthDate', width: 120, responsive: ['md'], render: dash },
    {
      title: '所在单位',
      dataIndex: 'unitId',
      width: 180,
      render: (id: string | null) => (id ? (unitName.get(id) ?? '—') : '—'),
    },
    {
      title: '现任职务',
      dataIndex: 'titles',
      render: (titles: string[]) =>
        titles.length ? (
          titles.map((t) => <Tag key={t}>{t}</Tag>)
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '党员',
      dataIndex: 'partyMember',
      width: 72,
      render: (v: boolean) => (v ? <Tag color="red">党员</Tag> : '—'),
    },
    { title: '联系电话', dataIndex: 'phone', width: 130, responsive: ['lg'], render: dash },
  ];
  if (!actions) return columns;
  return [
    ...columns,
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, p) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => actions.edit(p)}>
            编辑
          </Button>
          <Button type="link" size="small" danger onClick={() => actions.remove(p)}>
            删除
          </Button>
        </Space>
      ),
    },
  ];
}
