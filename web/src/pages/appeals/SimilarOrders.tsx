/**
 * 疑似重复: recent orders of the same village and category, shown while the dispatcher types so a
 * repeat call can be merged instead of dispatched twice. Uses the list endpoint's filters.
 */
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { appealsApi } from '../../api/appeals.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../org/useOrgData.ts';
import { DueTag, formatTime } from './DueTag.tsx';
import type { AppealRefs } from './refs.ts';

export function SimilarOrders({ villageId, categoryCode, refs }: { villageId?: string; categoryCode?: string; refs: AppealRefs }) {
  const { townId } = useSession();
  const enabled = !!villageId || !!categoryCode;
  const { data, loading } = useLoader(
    async (signal) => (enabled ? (await appealsApi.list(townId, { villageId, categoryCode }, null, 8, signal)).items : []),
    [townId, villageId, categoryCode, enabled],
  );
  const scope = [villageId && refs.unitName(villageId), categoryCode && refs.categoryName(categoryCode)].filter(Boolean).join(' · ');
  return (
    <Card title="同村同类近期工单" extra={scope && <Typography.Text type="secondary">{scope}</Typography.Text>} data-testid="similar-orders" data-state={enabled && !loading ? 'ready' : 'idle'}>
      {!enabled ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="选择诉求类别或村（社区）后，这里列出可能重复的工单" />
      ) : (
        <List
          loading={loading}
          dataSource={data ?? []}
          locale={{ emptyText: '没有同村同类的工单' }}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Link to={`/appeals/orders/${a.id}`}>{a.code}</Link>
                    <span>{a.title}</span>
                  </Space>
                }
                description={
                  <Space size={4} wrap>
                    <Tag color={a.closedAt ? 'default' : 'blue'}>{a.stateLabel}</Tag>
                    <span>{formatTime(a.receivedAt)}</span>
                    {!a.closedAt && <DueTag dueAt={a.nextDueAt} overdue={a.overdue} />}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
