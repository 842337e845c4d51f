/** One commitment: its facts, progress notes (append), status moves (兑现 needs evidence), linked orders. */
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type StatusOption } from './analysisApi.ts';
import { LinkedOrders, StatusTag, useCanWriteAnalysis } from './analysisShared.tsx';
import { formatTime } from './DueTag.tsx';
import { useAppealRefs } from './refs.ts';

export function CommitmentDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const canWrite = useCanWriteAnalysis();
  const detail = useLoader(
    (signal) => (id ? analysisApi.commitment(townId, id, signal) : Promise.resolve(undefined)),
    [townId, id],
  );
  const c = detail.data;
  const [note, setNote] = useState('');
  const [moving, setMoving] = useState<StatusOption | null>(null);
  const [form] = Form.useForm();
  const open = c && (c.status === 'pending' || c.status === 'in_progress');

  const call = async (work: () => Promise<unknown>, msg: string) => {
    try {
      await work();
      void message.success(msg);
      detail.reload();
      onChanged();
      return true;
    } catch (err) {
      onError(err, { form, onConflict: detail.reload });
      return false;
    }
  };
  const move = async () => {
    const v = await form.validateFields();
    if (
      await call(
        () =>
          analysisApi.updateCommitment(townId, c!.id, {
            version: c!.version,
            status: moving!.status,
            ...v,
          }),
        `已改为「${moving!.label}」`,
      )
    )
      setMoving(null);
  };

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={c?.title ?? '承诺事项'}
      destroyOnHidden
      extra={
        canWrite &&
        open && (
          <Space>
            {c.nextStatuses.map((s) => (
              <Button
                key={s.status}
                onClick={() => {
                  form.resetFields();
                  setMoving(s);
                }}
              >
                {s.label}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <Spin spinning={detail.loading}>
        {c && (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={2}
              bordered
              items={[
                {
                  label: '状态',
                  children: (
                    <StatusTag status={c.status} label={c.statusLabel} overdue={c.overdue} />
                  ),
                },
                { label: '承诺对象', children: c.promisedTo },
                { label: '承诺日期', children: c.promisedOn },
                { label: '承诺兑现日期', children: c.dueOn },
                {
                  label: '责任单位（人）',
                  children: c.ownerPersonName ?? refs.unitName(c.ownerUnitId),
                },
                { label: '关联问题', children: c.problemTitle ?? '—' },
                { label: '承诺内容', children: c.content, span: 2 },
                { label: '兑现佐证', children: c.evidence ?? '—', span: 2 },
              ]}
            />
            <Typography.Title level={5} style={{ margin: 0 }}>
              进展情况
            </Typography.Title>
            {c.notes.length ? (
              <Timeline
                items={c.notes.map((n) => ({
                  children: (
                    <>
                      <div>{n.note}</div>
                      <Typography.Text type="secondary">
                        {n.authorName} · {formatTime(n.at)}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            ) : (
              <Typography.Text type="secondary">暂无进展记录</Typography.Text>
            )}
            {canWrite && open && (
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  placeholder="填写最新进展"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  maxLength={2000}
                />
                <Button
                  type="primary"
                  disabled={!note.trim()}
                  onClick={() =>
                    void call(
                      () => analysisApi.addNote(townId, c.id, note.trim()),
                      '已添加进展',
                    ).then((ok) => ok && setNote(''))
                  }
                >
                  添加
                </Button>
              </Space.Compact>
            )}
            <Typography.Title level={5} style={{ margin: 0 }}>
              关联工单（{c.orders.length} 件）
            </Typography.Title>
            <LinkedOrders orders={c.orders} unitName={refs.unitName} />
          </Space>
        )}
      </Spin>
      <Modal
        open={!!moving}
        title={`改为「${moving?.label ?? ''}」`}
        okText="确定"
        onOk={() => void move()}
        onCancel={() => setMoving(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {moving?.status === 'fulfilled' && (
            <Form.Item
              name="evidence"
              label="兑现佐证"
              rules={[{ required: true, message: '请填写兑现佐证（如验收单、照片存档位置）' }]}
            >
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={moving?.status === 'cancelled' ? '撤销理由' : '说明'}
            rules={
              moving?.status === 'cancelled' ? [{ required: true, message: '请说明撤销理由' }] : []
            }
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
