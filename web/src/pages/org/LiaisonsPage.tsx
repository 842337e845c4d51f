/**
 * 包联村 — each village (村/社区) and the town leaders assigned to look after it. Leaders are
 * added per village and, when they move on, the liaison is ended with a date (结束包联) so the
 * record of who looked after the village stays; the list shows villages without a liaison so
 * gaps stand out.
 */
import { useMemo, useState } from 'react';
import { Card, Space, Switch, Table, Typography } from 'antd';
import { orgApi, type Unit, type VillageLiaison } from '../../api/org.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { todayKey } from '../../lib/time.ts';
import { LiaisonAddModal } from './LiaisonAddModal.tsx';
import { LiaisonEditModal, type LiaisonEditMode } from './LiaisonEditModal.tsx';
import { leaderOptions, liaisonRows, type LiaisonRow } from './liaisonRows.ts';
import { liaisonColumns } from './liaisonColumns.tsx';
import { useUnits } from './useOrgData.ts';

type Editing = { liaison: VillageLiaison; mode: LiaisonEditMode };

export default function LiaisonsPage() {
  const { townId, canWriteOrg } = useSession();
  const units = useUnits();
  const liaisons = useLoader(() => orgApi.liaisons(townId), [townId]);
  const leaders = useLoader(() => orgApi.positions(townId, { activeOn: todayKey() }), [townId]);
  const [adding, setAdding] = useState<Unit | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [showEnded, setShowEnded] = useState(false);
  const today = todayKey();
  const rows = useMemo(
    () => liaisonRows(units.data ?? [], liaisons.data ?? [], showEnded, today),
    [units.data, liaisons.data, showEnded, today],
  );
  const options = useMemo(() => leaderOptions(leaders.data ?? []), [leaders.data]);
  const edit = canWriteOrg
    ? (liaison: VillageLiaison, mode: LiaisonEditMode) => setEditing({ liaison, mode })
    : null;

  const columns = liaisonColumns(today, edit, canWriteOrg ? setAdding : null);
  const saved = () => {
    setAdding(null);
    setEditing(null);
    liaisons.reload();
  };

  return (
    <Card
      title={`包联村（${rows.length} 个村/社区）`}
      extra={
        <Space>
          <Typography.Text type="secondary">
            {canWriteOrg ? '点击姓名可编辑或结束包联' : ''}
          </Typography.Text>
          <Switch size="small" checked={showEnded} onChange={setShowEnded} /> 显示已结束的包联
        </Space>
      }
    >
      <Table<LiaisonRow>
        rowKey={(r) => r.village.id}
        columns={columns}
        dataSource={rows}
        loading={units.loading || liaisons.loading}
        pagination={false}
        size="middle"
      />
      {adding && (
        <LiaisonAddModal
          village={adding}
          leaderOptions={options}
          onClose={() => setAdding(null)}
          onSaved={saved}
        />
      )}
      {editing && (
        <LiaisonEditModal
          liaison={editing.liaison}
          mode={editing.mode}
          onClose={() => setEditing(null)}
          onSaved={saved}
          onConflict={liaisons.reload}
        />
      )}
    </Card>
  );
}
