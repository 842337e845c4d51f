/**
 * 人员 — cadres and party members of the town: search by name, filter by unit, page through with
 * the server's cursor, and add or edit a person in a drawer. Titles come from current positions.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import type { Page } from '../../api/client.ts';
import { orgApi, type Person } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { GENDER_LABELS } from './labels.ts';
import { PersonDrawer } from './PersonDrawer.tsx';
import { useUnitOptions, useUnits } from './useOrgData.ts';

const PAGE_SIZE = 20;

export default function PeoplePage() {
  const { townId, canWriteOrg } = useSession();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const units = useUnits();
  const unitOptions = useUnitOptions(units.data);
  const unitName = useMemo(
    () => new Map((units.data ?? []).map((u) => [u.id, u.name])),
    [units.data],
  );

  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string>();
  // Cursors of the pages seen so far: index 0 is the first page (no cursor).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page<Person>>({ items: [], nextCursor: null });
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);

  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    orgApi
      .people(townId, { q: q || undefined, unitId, cursor, limit: PAGE_SIZE }, ctrl.signal)
      .then(setPage, (err) => !ctrl.signal.aborted && onError(err))
      .finally(() => !ctrl.signal.aborted && setLoading(false));
    return () => ctrl.abort();
  }, [townId, q, unitId, cursor, tick, onError]);

  const restart = useCallback(() => setCursors([undefined]), []);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  const remove = (p: Person) =>
    modal.confirm({
      title: `删除「${p.name}」？`,
      content: '有任职记录或登录账号的人员不能删除，请先结束任职。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await orgApi.deletePerson(townId, p);
          void message.success('已删除');
          reload();
        } catch (err) {
          onError(err, { onConflict: reload });
        }
      },
    });

  const columns: TableColumnsType<Person> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      render: (name: string, p) =>
        canWriteOrg ? <a onClick={() => setEditing(p)}>{name}</a> : name,
    },
    {
      title: '性别',
      dataIndex: 'gender',
      width: 64,
      render: (g: Person['gender']) => (g ? GENDER_LABELS[g] : '—'),
    },
    {
      title: '出生日期',
      dataIndex: 'birthDate',
      width: 120,
      responsive: ['md'],
      render: (d: string | null) => d ?? '—',
    },
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
    {
      title: '联系电话',
      dataIndex: 'phone',
      width: 130,
      responsive: ['lg'],
      render: (v: string | null) => v ?? '—',
    },
  ];
  if (canWriteOrg) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, p) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setEditing(p)}>
            编辑
          </Button>
          <Button type="link" size="small" danger onClick={() => remove(p)}>
            删除
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Card title="人员">
      <div className="page-toolbar">
        <Input.Search
          placeholder="输入姓名查找"
          allowClear
          enterButton="查找"
          style={{ width: 280 }}
          onSearch={(v) => {
            setQ(v.trim());
            restart();
          }}
          data-testid="people-search"
        />
        <Select
          placeholder="按单位筛选"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 280 }}
          options={unitOptions}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            restart();
          }}
        />
        <div className="spacer" />
        {canWriteOrg && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增人员
          </Button>
        )}
      </div>
      <Table<Person>
        rowKey="id"
        columns={columns}
        dataSource={page.items}
        loading={loading}
        pagination={false}
        size="middle"
        scroll={{ x: 800 }}
      />
      <div
        style={{
          display: 'flex',
          justifyContent: 'flex-end',
          alignItems: 'center',
          gap: 8,
          marginTop: 16,
        }}
      >
        <Typography.Text type="secondary">第 {cursors.length} 页</Typography.Text>
        <Button
          icon={<LeftOutlined />}
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          上一页
        </Button>
        <Button
          disabled={!page.nextCursor}
          onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor!])}
        >
          下一页 <RightOutlined />
        </Button>
      </div>
      {editing && (
        <PersonDrawer
          person={editing === 'new' ? null : editing}
          unitOptions={unitOptions}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onConflict={reload}
        />
      )}
    </Card>
  );
}
