/**
 * 发展党员: the pipeline per branch (stage, next step, its date), the reminders of steps falling
 * due, the funnel per branch and year; 登记入党申请 and 从台账导入 for the organisation work.
 */
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Result, Select, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiErrorHandler } from '../../api/errors.ts';
import { developmentApi, type CandidateSummary } from '../../api/memberDevelopment.ts';
import { useLoader } from '../../api/useLoader.ts';
import { formatDate } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';
import { ApplyModal } from './DevelopmentApplyModal.tsx';
import { FunnelTable } from './DevelopmentFunnel.tsx';
import { DueCell, STAGES, StageTag } from './development-shared.tsx';

function CandidateTable({ rows, loading }: { rows: CandidateSummary[]; loading: boolean }) {
  return (
    <Table<CandidateSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共${n}人` }}
      columns={[
        {
          title: '姓名',
          dataIndex: 'personName',
          render: (n: string, r) => <Link to={`/party/development/${r.id}`}>{n}</Link>,
        },
        { title: '党支部', dataIndex: 'branchName' },
        {
          title: '所处阶段',
          dataIndex: 'state',
          render: (_: string, r) => <StageTag state={r.state} label={r.stateLabel} />,
        },
        { title: '进入本阶段', dataIndex: 'stageOn', render: (d: string) => formatDate(d) },
        { title: '下一步', dataIndex: 'nextStep', render: (s: string | null) => s ?? '—' },
        { title: '期限', dataIndex: 'due', render: (_: unknown, r) => <DueCell due={r.due} /> },
      ]}
    />
  );
}

function Pipeline({ branches }: { branches: { id: string; name: string }[] }) {
  const { townId } = useSession();
  const [branchId, setBranchId] = useState<string>();
  const [state, setState] = useState<string>();
  const list = useLoader(
    () => developmentApi.list(townId, { branchId, state }),
    [townId, branchId, state],
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部党支部"
          style={{ width: 200 }}
          value={branchId}
          onChange={setBranchId}
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
        />
        <Select
          allowClear
          placeholder="全部阶段"
          style={{ width: 160 }}
          value={state}
          onChange={setState}
          options={STAGES.map((s) => ({ value: s.value, label: s.label }))}
        />
      </Space>
      <CandidateTable rows={list.data?.items ?? []} loading={list.loading} />
    </>
  );
}

function Reminders() {
  const { townId } = useSession();
  const due = useLoader(() => developmentApi.reminders(townId), [townId]);
  return <CandidateTable rows={due.data?.items ?? []} loading={due.loading} />;
}

export default function DevelopmentPage() {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const branches = useLoader(() => developmentApi.branches(townId), [townId]);
  const [applying, setApplying] = useState(false);
  const [importing, setImporting] = useState(false);
  const [tick, setTick] = useState(0);
  const manage = branches.data?.manage ?? false;
  // The tabs load lists the server refuses to whoever the probe says may not read: wait for it.
  if (!branches.data) return <Card title="发展党员" loading />;
  if (!branches.data.read)
    return (
      <Result
        status="info"
        title="发展党员由组织（党建）工作人员管理"
        subTitle="分管组织（党建）的班子成员和承担组织工作的专干管理全镇发展党员工作，党支部书记查看本支部的发展情况。"
      />
    );

  const importLedger = async () => {
    setImporting(true);
    try {
      const r = await developmentApi.importLedger(townId);
      const skipped = r.skipped.length
        ? `，${r.skipped.length}条未导入（${r.skipped[0]!.reason}等）`
        : '';
      void message.success(`已从发展党员台账导入${r.imported}人${skipped}`);
      setTick((n) => n + 1);
    } catch (err) {
      onError(err);
    } finally {
      setImporting(false);
    }
  };

  return (
    <Card
      title="发展党员"
      extra={
        manage && (
          <Space>
            <Button icon={<ImportOutlined />} loading={importing} onClick={importLedger}>
              从台账导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>
              登记入党申请
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        key={tick}
        items={[
          {
            key: 'pipeline',
            label: '发展对象名单',
            children: <Pipeline branches={branches.data?.items ?? []} />,
          },
          { key: 'reminders', label: '到期提醒', children: <Reminders /> },
          { key: 'funnel', label: '各支部发展情况', children: <FunnelTable /> },
        ]}
      />
      {applying && (
        <ApplyModal
          branches={branches.data?.items ?? []}
          onClose={() => setApplying(false)}
          onSaved={() => {
            setApplying(false);
            setTick((n) => n + 1);
          }}
        />
      )}
    </Card>
  );
}
