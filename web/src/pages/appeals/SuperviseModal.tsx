/**
 * 督办 form of a town leader: the opinion and the time by which the handling unit must reply
 * (default: two days from now, 17:30). Sends the order's version; a 409 reloads the caller's view.
 */
import { App, DatePicker, Form, Input, Modal, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { fromTownWallClock, townToday } from '../../lib/time.ts';
import { operationsApi } from './operations.api.ts';

export interface SuperviseTarget {
  id: string;
  code: string;
  title: string;
  version: number;
}

type SuperviseValues = { note: string; replyBy: Dayjs };

export function SuperviseModal({
  order,
  onClose,
  onDone,
}: {
  order: SuperviseTarget | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<SuperviseValues>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!order) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      await operationsApi.supervise(townId, order.id, {
        version: order.version,
        note: v.note.trim(),
        replyBy: fromTownWallClock(v.replyBy),
      });
      void message.success(`已督办 ${order.code}`);
      form.resetFields();
      onDone();
    } catch (err) {
      onError(err, {
        form,
        onConflict: () => {
          form.resetFields();
          onDone();
        },
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!order}
      title={order ? `督办 · ${order.code} ${order.title}` : ''}
      okText="督办"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <SuperviseForm form={form} />
    </Modal>
  );
}

/** The opinion and the reply deadline (default: two days from now, 17:30). */
function SuperviseForm({ form }: { form: FormInstance<SuperviseValues> }) {
  return (
    <Form
      form={form}
      layout="vertical"
      preserve={false}
      initialValues={{ replyBy: townToday().add(2, 'day').hour(17).minute(30) }}
    >
      <Form.Item
        name="note"
        label="督办意见"
        rules={[
          { required: true, whitespace: true, min: 2, message: '请填写督办意见（至少 2 个字）' },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          showCount
          placeholder="例如：请于明天到现场核实处置，并向群众反馈"
        />
      </Form.Item>
      <Form.Item
        name="replyBy"
        label="答复期限"
        rules={[{ required: true, message: '请选择答复期限' }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isBefore(townToday(), 'day')}
          style={{ width: 220 }}
        />
      </Form.Item>
    </Form>
  );
}
