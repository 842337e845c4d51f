/**
 * One person in the 发展党员 pipeline: their stage on the five-stage line, the steps of the stage
 * done and to do, the nearest date, the action buttons the server offers (a disabled one says
 * why), and the history (imported ledger records marked).
 */
import { CheckCircleTwoTone, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Space, Steps, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  developmentApi,
  type CandidateAction,
  type CandidateDetail,
} from '../../api/memberDevelopment.ts';
import { useLoader } from '../../api/useLoader.ts';
import { formatDate, formatDateTime } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';
import { DueCell, STAGES, StageTag } from './development-shared.tsx';
import { StepModal } from './DevelopmentStepModal.tsx';

const LINE = STAGES.filter((s) => s.value !== 'stopped');

function Actions(props: { c: CandidateDetail; onPick: (a: CandidateAction) => void }) {
  if (!props.c.actions.length) return null;
  const blocked = props.c.actions.filter((a) => !a.enabled);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {props.c.actions.map((a) => (
          <Button
            key={a.id}
            type={a.to !== props.c.state && a.to !== 'stopped' ? 'primary' : 'default'}
            danger={a.to === 'stopped'}
            disabled={!a.enabled}
            onClick={() => props.onPick(a)}
          >
            {a.label}
          </Button>
        ))}
      </Space>
      {blocked.map((a) => (
        <Alert key={a.id} type="info" showIcon message={`${a.label}：${a.reason ?? ''}`} />
      ))}
    </Space>
  );
}

function History({ events }: { events: CandidateDetail['events'] }) {
  return (
    <Card title="发展历程">
      <Timeline
        items={events.map((e) => ({
          children: (
            <Space direction="vertical" size={0}>
              <Space>
                <b>{formatDate(e.onDate ?? e.at)}</b>
                {e.label}
                {e.fromState !== e.toState && <StageTag state={e.toState} label={e.toLabel} />}
                {e.imported && <Tag>台账导入</Tag>}
              </Space>
              <span style={{ color: '#888' }}>
                {e.imported
                  ? '由发展党员台账导入'
                  : `${e.actorName ?? ''} 记录于 ${formatDateTime(e.at)}`}
                {e.note ? `；备注：${e.note}` : ''}
              </span>
            </Space>
          ),
        }))}
      />
    </Card>
  );
}

export default function DevelopmentCandidatePage() {
  const { townId } = useSession();
  const { id = '' } = useParams();
  const loaded = useLoader(() => developmentApi.get(townId, id), [townId, id]);
  const [fresh, setFresh] = useState<CandidateDetail | null>(null);
  const [action, setAction] = useState<CandidateAction | null>(null);
  const c =
    fresh && fresh.id === id && fresh.version >= (loaded.data?.version ?? 0) ? fresh : loaded.data;
  if (!c) return <Card loading />;
  const current = LINE.findIndex((s) => s.value === c.state);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`发展党员：${c.personName}`}
        extra={<StageTag state={c.state} label={c.stateLabel} />}
      >
        <Steps
          size="small"
          current={current < 0 ? 0 : current}
          status={c.state === 'stopped' ? 'error' : undefined}
          items={LINE.map((s) => ({ title: s.label }))}
          style={{ marginBottom: 16 }}
        />
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="党支部">{c.branchName}</Descriptions.Item>
          <Descriptions.Item label="出生日期">{formatDate(c.birthDate)}</Descriptions.Item>
          <Descriptions.Item label="职业/身份">{c.occupation ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="递交申请">{formatDate(c.appliedOn)}</Descriptions.Item>
          <Descriptions.Item label="进入本阶段">{formatDate(c.stageOn)}</Descriptions.Item>
          <Descriptions.Item label="下一步">{c.nextStep ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={c.due?.label ?? '期限'}>
            <DueCell due={c.due} />
          </Descriptions.Item>
          {typeof c.fields.probationEndsOn === 'string' && (
            <Descriptions.Item label="预备期延长至">
              {formatDate(c.fields.probationEndsOn)}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title="本阶段程序">
        <List
          size="small"
          dataSource={c.steps}
          locale={{ emptyText: '本阶段没有需单独记录的程序' }}
          renderItem={(s) => (
            <List.Item>
              <Space>
                {s.done ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ClockCircleOutlined />}
                {s.label}
                <Tag color={s.done ? 'success' : 'default'}>{s.done ? '已完成' : '未完成'}</Tag>
              </Space>
            </List.Item>
          )}
        />
        <div style={{ marginTop: 12 }}>
          <Actions c={c} onPick={setAction} />
        </div>
      </Card>
      <History events={c.events} />
      {action && (
        <StepModal
          candidate={c}
          action={action}
          onClose={() => setAction(null)}
          onDone={(next) => {
            setAction(null);
            setFresh(next);
          }}
        />
      )}
    </Space>
  );
}
