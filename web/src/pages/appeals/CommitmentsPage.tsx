/**
 * 承诺事项: public promises with owner and due date; overdue ones are marked and can be listed
 * alone. A new promise is recorded in a modal; the drawer shows progress and moves its status.
 */
import { Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type Commitment, type CommitmentStatus } from './analysisApi.ts';
import { useCanWriteAnalysis } from './analysisShared.tsx';
import { CommitmentDrawer } from './CommitmentDrawer.tsx';
import {
  commitmentColumns,
  CommitmentFilters,
  CreateCommitmentModal,
  useCreateCommitment,
} from './CommitmentParts.tsx';
import { useAppealRefs } from './refs.ts';

export default function CommitmentsPage() {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const canWrite = useCanWriteAnalysis();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<CommitmentStatus>();
  const [villageId, setVillageId] = useState<string>();
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const list = useLoader(
    (signal) =>
      analysisApi.commitments(
        townId,
        { status, villageId, overdue: overdue ? 'true' : undefined },
        signal,
      ),
    [townId, status, villageId, overdue],
  );
  const open = (id: string | null) => setParams(id ? { id } : {});
  const creating = useCreateCommitment((id) => {
    list.reload();
    open(id);
  });
  const filter = { status, setStatus, villageId, setVillageId, overdue, setOverdue };

  return (
    <Card
      title="承诺事项"
      data-testid="commitments-page"
      extra={
        canWrite && (
          <Button type="primary" onClick={creating.start}>
            登记承诺
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <CommitmentFilters f={filter} refs={refs} />
        <Table<Commitment>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
          columns={commitmentColumns(refs)}
        />
      </Space>
      <CommitmentDrawer id={params.get('id')} onClose={() => open(null)} onChanged={list.reload} />
      <CreateCommitmentModal {...creating.modal} refs={refs} />
    </Card>
  );
}
