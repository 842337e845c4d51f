/**
 * One problem: its facts, the edit form (owner, 整改措施, due date), status moves, and the linked
 * orders (click through to each order; remove selected; add by tracking code). Every save sends
 * the version shown; a 409 reloads the latest.
 */
import { Drawer, Space, Spin, Typography } from 'antd';
import { usePeopleOptions } from '../org/useOrgData.ts';
import { LinkedOrders, StatusMoves, useCanWriteAnalysis } from './analysisShared.tsx';
import {
  LinkedOrdersToolbar,
  MoveModal,
  ProblemEditForm,
  ProblemFacts,
  ProblemOwnerFacts,
} from './ProblemDrawerParts.tsx';
import { useAppealRefs } from './refs.ts';
import { useProblemActions } from './useProblemActions.ts';

export function ProblemDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const refs = useAppealRefs();
  const people = usePeopleOptions();
  const canWrite = useCanWriteAnalysis();
  const a = useProblemActions(id, onChanged);
  const p = a.p;
  const editable = canWrite && p && p.status !== 'closed';

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={p?.title ?? '问题'}
      destroyOnHidden
      data-testid="problem-drawer"
      extra={editable && <StatusMoves options={p.nextStatuses} onMove={a.startMove} />}
    >
      <Spin spinning={a.detail.loading}>
        {p && (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ProblemFacts p={p} refs={refs} />
            {editable ? (
              <ProblemEditForm
                form={a.form}
                refs={refs}
                people={people.data}
                onSave={() => void a.save()}
              />
            ) : (
              <ProblemOwnerFacts p={p} refs={refs} />
            )}
            <Typography.Title level={5} style={{ margin: 0 }}>
              关联工单（{p.orders.length} 件）
            </Typography.Title>
            {editable && (
              <LinkedOrdersToolbar
                code={a.code}
                setCode={a.setCode}
                onAdd={() => void a.addByCode()}
                selectedCount={a.selected.length}
                onRemove={a.removeSelected}
              />
            )}
            <LinkedOrders
              orders={p.orders}
              unitName={refs.unitName}
              selected={a.selected}
              onSelect={editable ? a.setSelected : undefined}
            />
          </Space>
        )}
      </Spin>
      <MoveModal
        moving={a.moving}
        form={a.moveForm}
        onOk={() => void a.move()}
        onCancel={() => a.setMoving(null)}
      />
    </Drawer>
  );
}
