/**
 * 工单详情: facts, deadlines, masked contact (with the audited reveal), the timeline, attachments,
 * 督办 (a leader issues one; the addressee signs and replies), and a button for each action the
 * server says the caller may take now (disabled ones show the reason).
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PUBLIC_CHANNELS } from '../../api/appeals.ts';
import {
  DeadlinesCard,
  OrderActionButtons,
  OrderReminders,
  OrderTitle,
} from './AppealDetailParts.tsx';
import { AppealTimeline } from './AppealTimeline.tsx';
import { OrderAttachments } from './OrderAttachments.tsx';
import { OrderFacts } from './OrderFacts.tsx';
import { OrderPublication } from './OrderPublication.tsx';
import { useAppealRefs } from './refs.ts';
import { SuperviseModal } from './SuperviseModal.tsx';
import { TransitionModal } from './TransitionModal.tsx';
import { useAppealPermits } from './permits.ts';
import { useAppealDetail } from './useAppealDetail.ts';

export default function AppealDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const refs = useAppealRefs();
  const d = useAppealDetail(id);
  const { order, loading, reload, files } = d;
  const [supervising, setSupervising] = useState(false);
  const permits = useAppealPermits();

  if (!order)
    return loading ? (
      <Spin style={{ display: 'block', margin: 80 }} />
    ) : (
      <Result status="404" title="工单不存在或无权查看" />
    );
  const kind = refs.kinds.find((k) => k.kind === order.kind);
  const open = !order.closedAt && !order.mergedInto;
  const stepLabel = (seq: number) =>
    order.timeline.find((e) => e.seq === seq)?.label ?? `第 ${seq} 步`;
  // Orders residents can follow (tracking page, Open311): their photos can be made public.
  const publicChannel = PUBLIC_CHANNELS.includes(order.channel);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<OrderTitle order={order} onBack={() => navigate(-1)} />}
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
        <OrderActionButtons actions={order.actions} onPick={d.setAction} />
        <OrderReminders order={order} onDone={reload} />
        <OrderFacts order={order} refs={refs} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="办理过程" data-testid="timeline">
            <AppealTimeline order={order} kind={kind} refs={refs} attachments={files.data} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <DeadlinesCard order={order} kind={kind} />
            {publicChannel && <OrderPublication order={order} refs={refs} />}
            <OrderAttachments
              appealId={order.id}
              items={files.data ?? []}
              canUpload={permits.act && order.state !== 'archived'}
              publicChannel={publicChannel}
              onChanged={files.reload}
              stepLabel={stepLabel}
            />
          </Space>
        </Col>
      </Row>
      <TransitionModal
        order={order}
        action={d.shownAction}
        refs={refs}
        onClose={d.closeAction}
        onDone={d.actionDone}
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
