/**
 * 人员 — cadres and party members of the town: search by name, filter by unit, page through with
 * the server's cursor, and add or edit a person in a drawer. Titles come from current positions.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Input, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { orgApi, type Person } from '../../api/org.ts';
import { useConfirmedWrite } from '../../api/useConfirmedWrite.ts';
import { useLoader } from '../../api/useLoader.ts';
import { PrevNextPager } from '../../layout/PrevNextPager.tsx';
import { useSession } from '../../session/session.tsx';
import { peopleColumns } from './peopleColumns.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';
import { useUnitOptions, useUnits } from './useOrgData.ts';

const PAGE_SIZE = 20;

/** The filters and the cursors of the pages seen so far (index 0: the first page, no cursor). */
function usePeoplePages(townId: string) {
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string>();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useLoader(
    (signal) =>
      orgApi.people(townId, { q: q || undefined, unitId, cursor, limit: PAGE_SIZE }, signal),
    [townId, q, unitId, cursor],
  );
  const filter = (next: { q?: string; unitId?: string }) => {
    if ('q' in next) setQ(next.q ?? '');
    if ('unitId' in next) setUnitId(next.unitId);
    setCursors([undefined]);
  };
  const nextCursor = page.data?.nextCursor ?? null;
  return {
    page,
    unitId,
    filter,
    number: cursors.length,
    prev: () => setCursors((c) => c.slice(0, -1)),
    next: () => nextCursor && setCursors((c) => [...c, nextCursor]),
  };
}

export default function PeoplePage() {
  const { townId, canWriteOrg } = useSession();
  const confirm = useConfirmedWrite();
  const units = useUnits();
  const unitOptions = useUnitOptions(units.data);
  const unitName = useMemo(
    () => new Map((units.data ?? []).map((u) => [u.id, u.name])),
    [units.data],
  );
  const pages = usePeoplePages(townId);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const reload = pages.page.reload;

  const remove = (p: Person) =>
    confirm({
      title: `删除「${p.name}」？`,
      content: '有任职记录或登录账号的人员不能删除，请先结束任职。',
      run: () => orgApi.deletePerson(townId, p),
      reload,
    });
  const columns = peopleColumns({
    unitName,
    actions: canWriteOrg ? { edit: setEditing, remove } : null,
  });

  return (
    <Card title="人员">
      <div className="page-toolbar">
        <Input.Search
          placeholder="输入姓名查找"
          allowClear
          enterButton="查找"
          style={{ width: 280 }}
          onSearch={(v) => pages.filter({ q: v.trim() })}
          data-testid="people-search"
        />
        <Select
          placeholder="按单位筛选"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 280 }}
          options={unitOptions}
          value={pages.unitId}
          onChange={(v) => pages.filter({ unitId: v })}
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
        dataSource={pages.page.data?.items ?? []}
        loading={pages.page.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 800 }}
      />
      <PrevNextPager
        page={pages.number}
        hasNext={!!pages.page.data?.nextCursor}
        onPrev={pages.prev}
        onNext={pages.next}
      />
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
