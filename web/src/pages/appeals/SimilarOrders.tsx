/**
 * 疑似重复: while the dispatcher types, recent orders from the same phone number, of the same
 * village and category, or with near-duplicate text (the server's /appeals/similar, scoped), each
 * tagged with why it matched, so a repeat call can be merged instead of dispatched twice; above
 * them, from the same request, the problems it may belong to (ProblemHints, 可能与…同类).
 */
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { DueTag, formatTime } from './DueTag.tsx';
import { operationsApi } from './operations.api.ts';
import { ProblemHints, type ProblemChoice } from './ProblemHints.tsx';
import type { AppealRefs } from './refs.ts';

const REASON_COLORS: Record<string, string> = {
  同一来电号码: 'red',
  同村同类: 'orange',
  内容相似: 'purple',
};

/** The value once it has stopped changing for `ms` (typing should not fire a request per key). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Props {
  villageId?: string;
  categoryCode?: string;
  text?: string;
  phone?: string;
  refs: AppealRefs;
  choice?: ProblemChoice | undefined;
  onChoose: (choice: ProblemChoice | undefined) => void;
}

export function SimilarOrders(props: Props) {
  const { villageId, categoryCode, text, phone, refs } = props;
  const { townId } = useSession();
  // Settled as a string: a fresh object each render would restart the timer forever.
  const key = useSettled(
    JSON.stringify({
      villageId,
      categoryCode,
      text: text?.trim() || undefined,
      phone: phone?.replace(/\D/g, '') || undefined,
    }),
    400,
  );
  const q = JSON.parse(key) as Parameters<typeof operationsApi.similar>[1];
  const enabled =
    !!q.villageId || !!q.categoryCode || (q.text?.length ?? 0) >= 4 || (q.phone?.length ?? 0) >= 7;
  const { data, loading } = useLoader(
    async (signal) =>
      enabled ? operationsApi.similar(townId, q, signal) : { items: [], problems: [] },
    [townId, key, enabled],
  );
  const scope = [
    villageId && refs.unitName(villageId),
    categoryCode && refs.categoryName(categoryCode),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <ProblemHints hints={data?.problems ?? []} choice={props.choice} onChoose={props.onChoose} />
      <Card
        title="疑似重复工单"
        extra={scope && <Typography.Text type="secondary">{scope}</Typography.Text>}
        data-testid="similar-orders"
        data-state={enabled && !loading ? 'ready' : 'idle'}
      >
        {!enabled ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description="填写电话、诉求内容或选择村（社区）和类别后，这里列出可能重复的工单"
          />
        ) : (
          <List
            loading={loading}
            dataSource={data?.items ?? []}
            locale={{ emptyText: '没有疑似重复的工单' }}
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
                      {a.reasons.map((r) => (
                        <Tag key={r} color={REASON_COLORS[r]}>
                          {r}
                        </Tag>
                      ))}
                      <Tag color={a.closedAt ? 'default' : 'blue'}>{a.stateLabel}</Tag>
                      <span>{refs.unitName(a.villageId)}</span>
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
    </>
  );
}
