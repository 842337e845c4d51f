/**
 * 人员 — cadres and party members of the town: search by name, filter by unit, page through with
 * the server's cursor, and add or edit a person in a drawer. Titles come from current positions.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Input, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { orgApi, type Person } from '../../api/org.ts';
import { useConfirmedWrite } from '../../api/useConfirmedWrite.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { PrevNextPager } from '../../layout/PrevNextPager.tsx';
import { useSession } from '../../session/session.tsx';
import { peopleColumns } from './peopleColumns.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';
import { useUnitOptions, useUnits } from './useOrgData.ts';

const PAGE_SIZE = 20;

/** Search by name and unit, paged by the server's cursors. */
function usePeoplePages(townId: string) {
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<string>();
  const list = usePagedList(
    (cursor, signal) =>
      orgApi.people(townId, { q: q || undefined, unitId, cursor, limit: PAGE_SIZE }, signal),
    [townId, q, unitId],
  );
  return { list, unitId, setQ, setUnitId };
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
  const reload = pages.list.reload;

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
          onSearch={(v) => pages.setQ(v.trim())}
          data-testid="people-search"
        />
        <Select
          placeholder="按单位筛选"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 280 }}
          options={unitOptions}
          value={pages.unitId}
          onChange={pages.setUnitId}
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
        dataSource={pages.list.rows}
        loading={pages.list.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 800 }}
      />
      <PrevNextPager
        page={pages.list.number}
        hasNext={pages.list.hasNext}
        onPrev={pages.list.prev}
        onNext={pages.list.next}
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
