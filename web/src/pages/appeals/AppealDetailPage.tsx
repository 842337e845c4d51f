/**
 * 工单详情: facts, deadlines, masked contact (with the audited reveal), the timeline, attachments,
 * 督办 (a leader issues one; the addressee signs and replies), and a button for each action the
 * server says the caller may take now (disabled ones show the reason).
 */
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  appealsApi,
  CHANNELS,
  PUBLIC_CHANNELS,
  URGENCIES,
  type AvailableAction,
} from '../../api/appeals.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { AppealTimeline } from './AppealTimeline.tsx';
import { ContactReveal } from './ContactReveal.tsx';
import { DueTag, formatTime } from './DueTag.tsx';
import { operationsApi } from './operations.api.ts';
import { OrderAttachments } from './OrderAttachments.tsx';
import { OrderPublication } from './OrderPublication.tsx';
import { useAppealRefs } from './refs.ts';
import { ReminderActions, ReminderStatus } from './ReminderActions.tsx';
import { SuperviseModal } from './SuperviseModal.tsx';
import { TransitionModal } from './TransitionModal.tsx';
import { useAppealPermits } from './permits.ts';

/** Channels whose orders residents can follow (tracking page, Open311): their photos can be made public. */

export default function AppealDetailPage() {
  const { id = '' } = useParams();
  const { townId } = useSession();
  const navigate = useNavigate();
  const refs = useAppealRefs();
  const {
    data: order,
    loading,
    reload,
  } = useLoader((signal) => appealsApi.detail(townId, id, signal), [townId, id]);
  const [action, setAction] = useState<AvailableAction | null>(null);
  const [supervising, setSupervising] = useState(false);
  const permits = useAppealPermits();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('do');
  // 我的工单 links an action (`?do=签收`): its form opens if the order says it is allowed now.
  const requested = wanted
    ? order?.actions.find((x) => x.label === wanted && x.enabled)
    : undefined;
  const shownAction = action ?? requested ?? null;
  const closeAction = () => {
    setAction(null);
    if (wanted) setParams({}, { replace: true });
  };
  const files = useLoader(
    (signal) => operationsApi.attachments(townId, id, signal),
    [townId, id, order?.version],
  );

  if (!order)
    return loading ? (
      <Spin style={{ display: 'block', margin: 80 }} />
    ) : (
      <Result status="404" title="工单不存在或无权查看" />
    );
  const kind = refs.kinds.find((k) => k.kind === order.kind);
  const reminders = order.reminders;
  const supervision = reminders.filter((r) => r.kind === 'supervision');
  const open = !order.closedAt && !order.mergedInto;
  const stepLabel = (seq: number) =>
    order.timeline.find((e) => e.seq === seq)?.label ?? `第 ${seq} 步`;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label="返回"
            />
            <span data-testid="order-code">{order.code}</span>
            <span>{order.title}</span>
            <Tag color={order.closedAt ? 'default' : 'blue'} data-testid="order-state">
              {order.stateLabel}
            </Tag>
            {order.overdue && <Tag color="red">已超期</Tag>}
            {supervision.length > 0 && <Tag color="volcano">已督办</Tag>}
          </Space>
        }
        extra={
          <Space>
            {open && permits.supervise && (
              <Button danger onClick={() => setSupervising(true)} data-testid="order-supervise">
                督办
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
              刷新
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 16 }} data-testid="order-actions">
          {order.actions.length === 0 && (
            <Typography.Text type="secondary">当前没有您可执行的操作</Typography.Text>
          )}
          {order.actions.map((a) => (
            <Tooltip key={a.id} title={a.enabled ? undefined : a.reason}>
              <Button
                type={a.enabled ? 'primary' : 'default'}
                disabled={!a.enabled}
                onClick={() => setAction(a)}
              >
                {a.label}
              </Button>
            </Tooltip>
          ))}
        </Space>
        {reminders
          .filter((r) => r.kind === 'supervision' || (r.addressedToMe && !r.acknowledgedAt))
          .map((r) => (
            <Alert
              key={r.id}
              type={r.repliedAt ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="order-reminder"
              message={
                <Space wrap>
                  {r.message}
                  <ReminderStatus r={r} />
                </Space>
              }
              description={[
                `${r.kind === 'supervision' ? '督办' : '提醒'}时间 ${formatTime(r.createdAt)}`,
                r.note && `督办意见：${r.note}`,
                r.reply &&
                  `回复（${r.repliedByName ?? ''} ${formatTime(r.repliedAt)}）：${r.reply}`,
              ]
                .filter(Boolean)
                .join('；')}
              action={
                r.addressedToMe && <ReminderActions appealId={order.id} r={r} onDone={reload} />
              }
            />
          ))}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="工单类型">{order.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="来源渠道">
            {CHANNELS[order.channel] ?? order.channel}
          </Descriptions.Item>
          <Descriptions.Item label="紧急程度">
            {URGENCIES.find((u) => u.value === order.urgency)?.label ?? order.urgency ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="诉求类别">
            {refs.categoryName(order.categoryCode)}
          </Descriptions.Item>
          <Descriptions.Item label="村（社区）">{refs.unitName(order.villageId)}</Descriptions.Item>
          <Descriptions.Item label="承办单位">
            {refs.unitName(order.unitId)}
            {order.coHandlerUnitIds.length > 0 &&
              `（协办：${order.coHandlerUnitIds.map(refs.unitName).join('、')}）`}
          </Descriptions.Item>
          <Descriptions.Item label="受理时间">{formatTime(order.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="当前期限">
            <DueTag dueAt={order.nextDueAt} overdue={order.overdue} />
          </Descriptions.Item>
          <Descriptions.Item label="联系人">
            <ContactReveal key={order.version} order={order} />
          </Descriptions.Item>
          {order.caseLeaderPersonId && (
            <Descriptions.Item label="包案领导">
              {order.people[order.caseLeaderPersonId] ?? '—'}
            </Descriptions.Item>
          )}
          {order.address && <Descriptions.Item label="地址">{order.address}</Descriptions.Item>}
          {order.satisfaction && (
            <Descriptions.Item label="回访满意度">{order.satisfaction}</Descriptions.Item>
          )}
          {order.residentSatisfaction && (
            <Descriptions.Item label="群众评价">{order.residentSatisfaction}</Descriptions.Item>
          )}
          {order.residentComment && (
            <Descriptions.Item label="群众意见">{order.residentComment}</Descriptions.Item>
          )}
          <Descriptions.Item label="诉求内容" span={3}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{order.content}</div>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="办理过程" data-testid="timeline">
            <AppealTimeline order={order} kind={kind} refs={refs} attachments={files.data} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title="办理时限">
              <Descriptions size="small" column={1}>
                {order.deadlines.map((d) => (
                  <Descriptions.Item key={d.clock} label={d.label}>
                    <Space wrap size={4}>
                      <span>{formatTime(d.dueAt)}</span>
                      {d.stoppedAt ? (
                        <Tag color={d.overdue ? 'red' : 'green'}>
                          {d.overdue ? '超时完成' : '按时完成'}
                        </Tag>
                      ) : (
                        <DueTag dueAt={d.dueAt} overdue={d.overdue} />
                      )}
                      {d.extensions > 0 && <Tag>延期 {d.extensions} 次</Tag>}
                    </Space>
                  </Descriptions.Item>
                ))}
              </Descriptions>
              {order.deadlines.length === 0 && (
                <Typography.Text type="secondary">派单后开始计时</Typography.Text>
              )}
              {kind && (
                <ul style={{ paddingLeft: 18, color: '#8c8c8c', marginTop: 12, marginBottom: 0 }}>
                  {kind.clocks.map((c) => (
                    <li key={c.id}>{c.text}</li>
                  ))}
                </ul>
              )}
            </Card>
            {PUBLIC_CHANNELS.includes(order.channel) && (
              <OrderPublication order={order} refs={refs} />
            )}
            <OrderAttachments
              appealId={order.id}
              items={files.data ?? []}
              canUpload={permits.act && order.state !== 'archived'}
              publicChannel={PUBLIC_CHANNELS.includes(order.channel)}
              onChanged={files.reload}
              stepLabel={stepLabel}
            />
          </Space>
        </Col>
      </Row>
      <TransitionModal
        order={order}
        action={shownAction}
        refs={refs}
        onClose={closeAction}
        onDone={(next) => {
          closeAction();
          // 退单 and the like hand the order to someone else: back to the list, saying so.
          if (next && !next.inScope) {
            void message.info(`工单 ${next.code} 已${next.stateLabel}，现由他人办理`);
            navigate('/appeals/orders');
          } else reload();
        }}
      />
      <SuperviseModal
        order={supervising ? order : null}
        onClose={() => setSupervising(false)}
        onDone={() => {
          setSupervising(false);
          reload();
        }}
      />
    </Space>
  );
}
