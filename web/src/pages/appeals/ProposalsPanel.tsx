/**
 * 重复诉求识别: clusters the orders of a period on the server (village and category blocks,
 * near-duplicate text) and lists the proposals — a new problem, or new orders for an existing
 * one. Confirming creates the problem with exactly the listed orders; nothing is stored before.
 * 忽略 remembers the group (with a reason) so it is not proposed again; orders that join it later
 * come back as their own proposal, marked with the earlier dismissal.
 */
import { Empty, Space, Table, Typography } from 'antd';
import type { Proposal } from './analysisApi.ts';
import { useCanWriteAnalysis } from './analysisShared.tsx';
import { ProposalOrders, proposalColumns } from './ProposalTable.tsx';
import {
  ConfirmProblemModal,
  DismissProposalModal,
  useProposalDecisions,
} from './ProposalDecisions.tsx';
import { ProposalToolbar, useProposalSearch } from './ProposalSearch.tsx';
import { useAppealRefs } from './refs.ts';

export function ProposalsPanel({ onConfirmed }: { onConfirmed: (problemId: string) => void }) {
  const refs = useAppealRefs();
  const canWrite = useCanWriteAnalysis();
  const { query, result, loading, run, drop } = useProposalSearch();
  const { decide, confirmModal, dismissModal } = useProposalDecisions(drop, onConfirmed);

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="proposals">
      <ProposalToolbar query={query} refs={refs} loading={loading} onRun={() => void run()} />
      {result && (
        <Typography.Text type="secondary" data-testid="proposal-summary">
          共分析 {result.scanned} 件工单，发现 {result.items.length}{' '}
          组相似诉求（同村、同类别，文本相似度达到阈值）。已归入问题清单或被移出的工单不会再次出现。
        </Typography.Text>
      )}
      {result && !result.items.length && <Empty description="没有新的重复诉求" />}
      {result && result.items.length > 0 && (
        <Table<Proposal>
          rowKey="key"
          size="small"
          dataSource={result.items}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          expandable={{ expandedRowRender: (p) => <ProposalOrders p={p} /> }}
          columns={proposalColumns(refs, canWrite, decide)}
        />
      )}
      <ConfirmProblemModal {...confirmModal} refs={refs} />
      <DismissProposalModal {...dismissModal} />
    </Space>
  );
}
