/** One commitment: its facts, progress notes (append), status moves (兑现 needs evidence), linked orders. */
import { Drawer, Space, Spin, Typography } from 'antd';
import { LinkedOrders, StatusMoves, useCanWriteAnalysis } from './analysisShared.tsx';
import {
  CommitmentFacts,
  CommitmentMoveModal,
  NoteInput,
  ProgressNotes,
} from './CommitmentDrawerParts.tsx';
import { useAppealRefs } from './refs.ts';
import { useCommitmentActions } from './useCommitmentActions.ts';

export function CommitmentDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const refs = useAppealRefs();
  const canWrite = useCanWriteAnalysis();
  const a = useCommitmentActions(id, onChanged);
  const c = a.c;
  const open = c && (c.status === 'pending' || c.status === 'in_progress');

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={c?.title ?? '承诺事项'}
      destroyOnHidden
      extra={canWrite && open && <StatusMoves options={c.nextStatuses} onMove={a.startMove} />}
    >
      <Spin spinning={a.detail.loading}>
        {c && (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <CommitmentFacts c={c} refs={refs} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              进展情况
            </Typography.Title>
            <ProgressNotes notes={c.notes} />
            {canWrite && open && <NoteInput note={a.note} setNote={a.setNote} onAdd={a.addNote} />}
            <Typography.Title level={5} style={{ margin: 0 }}>
              关联工单（{c.orders.length} 件）
            </Typography.Title>
            <LinkedOrders orders={c.orders} unitName={refs.unitName} />
          </Space>
        )}
      </Spin>
      <CommitmentMoveModal
        moving={a.moving}
        form={a.form}
        onOk={() => void a.move()}
        onCancel={() => a.setMoving(null)}
      />
    </Drawer>
  );
}
