/**
 * 超期/督办: 领导督办 not yet answered, 我的提醒, overdue orders (server list, with their latest
 * 督办) and near-due orders from my queue, grouped by handling unit or by village. Town leaders
 * issue 督办 from any row; the overdue list exports to Excel.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { appealsApi } from '../../api/appeals.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { isNearDue } from './DueTag.tsx';
import { canSupervise, exportUrls } from './operations.api.ts';
import {
  GroupByToggle,
  GroupedBoard,
  overdueColumns,
  type GroupBy,
  type OverdueRow,
} from './OverdueBoard.tsx';
import { useAppealRefs } from './refs.ts';
import { SuperviseModal, type SuperviseTarget } from './SuperviseModal.tsx';
import { MyReminders, SupervisionBoard } from './SupervisionCards.tsx';

/** The overdue orders (server list) and the near-due ones of my queue, reloaded together. */
function useOverdueData(townId: string, tick: number) {
  const overdue = useLoader(
    (signal) =>
      appealsApi.overduePage(townId, signal) as Promise<{
        items: OverdueRow[];
        truncated: boolean;
      }>,
    [townId, tick],
  );
  const queue = useLoader((signal) => appealsApi.queue(townId, signal), [townId, tick]);
  const near = useMemo(
    () => (queue.data ?? []).filter((a) => isNearDue(a.nextDueAt, a.overdue)),
    [queue.data],
  );
  return { overdue, queue, near };
}

export default function OverduePage() {
  const { townId, grantsInTown } = useSession();
  const refs = useAppealRefs();
  const [by, setBy] = useState<GroupBy>('unitId');
  const [tick, setTick] = useState(0);
  const [target, setTarget] = useState<SuperviseTarget | null>(null);
  const { overdue, queue, near } = useOverdueData(townId, tick);
  const leader = canSupervise(grantsInTown);
  const refresh = () => setTick((n) => n + 1);
  const group = { by, refs, columns: overdueColumns(by, refs, leader, setTarget) };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SupervisionBoard refs={refs} tick={tick} />
      <MyReminders tick={tick} onChanged={refresh} />
      <Card
        title={
          <span>
            <Tag color="red">超期</Tag>超期工单
          </span>
        }
        loading={overdue.loading && !overdue.data}
        extra={
          <Space>
            <GroupByToggle by={by} onChange={setBy} />
            <Button
              icon={<DownloadOutlined />}
              href={exportUrls.overdue(townId)}
              data-testid="overdue-export"
            >
              导出 Excel
            </Button>
          </Space>
        }
        data-testid="overdue-board"
      >
        {overdue.data?.truncated && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="overdue-truncated"
            message={`这里只列出最近受理的 ${overdue.data.items.length} 件超期工单，另有更多；导出 Excel 可得到完整清单（上限 1 万件）。`}
          />
        )}
        <GroupedBoard rows={overdue.data?.items ?? []} empty="没有超期工单" {...group} />
      </Card>
      <Card
        title={
          <span>
            <Tag color="orange">临期</Tag>24 小时内到期（我的待办）
          </span>
        }
        loading={queue.loading && !queue.data}
      >
        <GroupedBoard rows={near} empty="没有临近到期的待办" {...group} />
      </Card>
      <SuperviseModal
        order={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          refresh();
        }}
      />
    </Space>
  );
}
