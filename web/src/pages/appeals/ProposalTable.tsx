/**
 * The proposal table of 重复诉求识别: its columns (the group with its common words and an earlier
 * dismissal, village, category, size, similarity, the decisions) and the orders of a group.
 */
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/time.ts';
import type { Proposal } from './analysisApi.ts';
import type { AppealRefs } from './refs.ts';

export interface ProposalDecisions {
  extend: (p: Proposal) => void;
  startConfirm: (p: Proposal) => void;
  startDismiss: (p: Proposal) => void;
}

/** The orders of one proposal, shown when its row is expanded. */
export function ProposalOrders({ p }: { p: Proposal }) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={p.orders}
      columns={[
        {
          title: '编号',
          dataIndex: 'code',
          width: 100,
          render: (c: string, o) => <Link to={`/appeals/orders/${o.id}`}>{c}</Link>,
        },
        { title: '标题', dataIndex: 'title' },
        { title: '受理日期', dataIndex: 'receivedOn', width: 110 },
      ]}
    />
  );
}

function ProposalCell({ p }: { p: Proposal }) {
  return (
    <Space direction="vertical" size={0}>
      <span>
        {p.kind === 'extend' ? (
          <Tag color="purple">并入「{p.problemTitle}」</Tag>
        ) : (
          <Tag color="blue">新问题</Tag>
        )}
        {p.suggestedTitle}
      </span>
      <span>
        {p.commonWords.map((w) => (
          <Tag key={w} bordered={false}>
            {w}
          </Tag>
        ))}
      </span>
      {p.dismissed && (
        <Typography.Text type="warning" data-testid="proposal-dismissed">
          同组 {p.dismissed.orderCount} 件曾于 {formatDate(p.dismissed.dismissedAt)} 被
          {p.dismissed.dismissedByName}忽略（{p.dismissed.reason}
          ），以下为此后新增的工单
        </Typography.Text>
      )}
    </Space>
  );
}

function ProposalActions({ p, decide }: { p: Proposal; decide: ProposalDecisions }) {
  return (
    <Space size={4}>
      {p.kind === 'extend' ? (
        <Button size="small" onClick={() => decide.extend(p)}>
          并入问题
        </Button>
      ) : (
        <Button size="small" type="primary" onClick={() => decide.startConfirm(p)}>
          确认为问题
        </Button>
      )}
      <Button size="small" onClick={() => decide.startDismiss(p)}>
        忽略
      </Button>
    </Space>
  );
}

export function proposalColumns(
  refs: AppealRefs,
  canWrite: boolean,
  decide: ProposalDecisions,
): ColumnsType<Proposal> {
  return [
    { title: '相似诉求', render: (_, p) => <ProposalCell p={p} /> },
    {
      title: '村（社区）',
      dataIndex: 'villageId',
      width: 110,
      render: (v: string | null) => refs.unitName(v),
    },
    {
      title: '类别',
      dataIndex: 'categoryCode',
      width: 150,
      render: (c: string | null) => refs.categoryName(c),
    },
    { title: '工单', width: 70, align: 'right', render: (_, p) => `${p.orders.length} 件` },
    {
      title: '相似度',
      dataIndex: 'similarity',
      width: 80,
      align: 'right',
      render: (s: number) => `${Math.round(s * 100)}%`,
    },
    {
      title: '操作',
      width: 170,
      render: (_, p) => canWrite && <ProposalActions p={p} decide={decide} />,
    },
  ];
}
