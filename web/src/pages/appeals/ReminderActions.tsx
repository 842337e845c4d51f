/**
 * What the addressee of a reminder does with it: 确认提醒 / 签收督办, and for a 督办 回复督办 (which
 * signs for it too). Each sends the reminder's version; a 409 (a colleague was first) refreshes.
 * Also the status tag shown wherever a reminder or 督办 is listed.
 */
import { App, Button, Form, Input, Modal, Space, Tag, Tooltip, type FormInstance } from 'antd';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { formatTime } from './DueTag.tsx';
import { operationsApi, type Reminder } from './operations.api.ts';
import { notifyRemindersChanged } from './ReminderBell.tsx';

export function ReminderStatus({ r }: { r: Reminder }) {
  if (r.repliedAt)
    return (
      <Tooltip title={`${r.repliedByName ?? ''} ${formatTime(r.repliedAt)}：${r.reply ?? ''}`}>
        <Tag color="green">已回复</Tag>
      </Tooltip>
    );
  if (r.acknowledgedAt)
    return (
      <Tooltip title={`${r.acknowledgedByName ?? ''} ${formatTime(r.acknowledgedAt)}`}>
        <Tag color="blue">已签收</Tag>
      </Tooltip>
    );
  return (
    <Tag color={r.kind === 'supervision' ? 'volcano' : 'orange'}>
      {r.kind === 'supervision' ? '待签收' : '未确认'}
    </Tag>
  );
}

export function ReminderActions({
  appealId,
  r,
  onDone,
}: {
  appealId: string;
  r: Reminder;
  onDone: () => void;
}) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [replying, setReplying] = useState(false);
  const [form] = Form.useForm<{ reply: string }>();
  const supervision = r.kind === 'supervision';

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      notifyRemindersChanged();
      void message.success(done);
      setReplying(false);
      onDone();
    } catch (err) {
      onError(err, { form, onConflict: onDone });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={4}>
      {!r.acknowledgedAt && (
        <Button
          size="small"
          loading={busy}
          onClick={() =>
            void run(
              () => operationsApi.acknowledge(townId, appealId, r.id, r.version),
              supervision ? '已签收督办' : '已确认提醒',
            )
          }
        >
          {supervision ? '签收' : '确认'}
        </Button>
      )}
      {supervision && !r.repliedAt && (
        <Button size="small" type="primary" onClick={() => setReplying(true)}>
          回复
        </Button>
      )}
      <ReplyModal
        r={r}
        open={replying}
        busy={busy}
        form={form}
        onCancel={() => setReplying(false)}
        onReply={(reply) =>
          run(() => operationsApi.reply(townId, appealId, r.id, r.version, reply), '已回复督办')
        }
      />
    </Space>
  );
}

/** 回复督办: the 督办 message and note, and the reply of the handling unit. */
function ReplyModal({
  r,
  open,
  busy,
  form,
  onCancel,
  onReply,
}: {
  r: Reminder;
  open: boolean;
  busy: boolean;
  form: FormInstance<{ reply: string }>;
  onCancel: () => void;
  onReply: (reply: string) => Promise<void>;
}) {
  return (
    <Modal
      open={open}
      title="回复督办"
      okText="回复"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((v) => onReply(v.reply.trim()))}
      destroyOnHidden
    >
      <p style={{ color: '#595959' }}>
        {r.message}
        {r.note ? `（${r.note}）` : ''}
      </p>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reply"
          label="回复内容"
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              message: '请填写办理情况（至少 2 个字）',
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder="办理进展、结果和下一步安排"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
