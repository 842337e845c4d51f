/** 历史版本 — earlier documents of a report; restoring one is a save (sends the current version). */
import { Button, Drawer, Popconfirm, Table } from 'antd';
import { reportsApi, type Report, type Revision } from '../../api/reports.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { formatDateTime } from '../../lib/time.ts';

const REASONS: Record<string, string> = {
  save: '保存',
  restore: '恢复',
  freeze: '定稿',
  regenerate: '重新起草',
  rephrase: '采用润色',
};

interface Props {
  open: boolean;
  report: Report;
  canWrite: boolean;
  onClose: () => void;
  onRestored: (report: Report) => void;
  onConflict: () => void;
}

export function RevisionsDrawer({
  open,
  report,
  canWrite,
  onClose,
  onRestored,
  onConflict,
}: Props) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  // Asked again when the drawer opens and after every save (a new version is a new revision).
  const revisions = useLoader(
    async () => (open ? (await reportsApi.revisions(townId, report.id)).items : undefined),
    [open, townId, report.id, report.version],
  );
  const items = revisions.data ?? [];
  const loading = open && revisions.loading;

  const restore = async (rev: Revision) => {
    try {
      onRestored(await reportsApi.restore(townId, report.id, rev.id, report.version));
    } catch (err) {
      onError(err, { onConflict });
    }
  };

  return (
    <Drawer open={open} onClose={onClose} width={560} title="历史版本">
      <Table<Revision>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: '还没有历史版本（每次保存前的内容会存为历史版本）' }}
        columns={[
          { title: '原因', dataIndex: 'reason', width: 80, render: (r: string) => REASONS[r] ?? r },
          {
            title: '保存时间',
            dataIndex: 'savedAt',
            render: (t: string) => formatDateTime(t),
          },
          {
            title: '',
            key: 'op',
            width: 80,
            render: (_: unknown, rev) =>
              canWrite && report.state === 'draft' ? (
                <Popconfirm
                  title={`恢复到 ${formatDateTime(rev.savedAt)} 保存的内容？当前内容会存为历史版本。`}
                  onConfirm={() => restore(rev)}
                  okText="恢复"
                  cancelText="取消"
                >
                  <Button size="small">恢复</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Drawer>
  );
}
