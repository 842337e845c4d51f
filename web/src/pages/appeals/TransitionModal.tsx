/**
 * One workflow action as a small form: the fields the action requires plus an optional note.
 * Sends the order's `version`; a 409 shows the Chinese message and reloads the order.
 */
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { appealsApi, type AppealDetail, type AvailableAction } from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { ActionFields, toPayload } from './ActionFields.tsx';
import type { OrderAttachment } from './operations.api.ts';
import { PhotoPicker } from './OrderAttachments.tsx';
import type { AppealRefs } from './refs.ts';

/** Steps a handler documents with photos (办理、答复、办结事项、调解、办事). */
const PHOTO_ACTIONS = ['handle', 'reply', 'finish', 'mediate', 'act'];

interface Props {
  order: AppealDetail;
  action: AvailableAction | null;
  refs: AppealRefs;
  onClose: () => void;
  onDone: (next?: AppealDetail) => void;
}

export function TransitionModal({ order, action, refs, onClose, onDone }: Props) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string; payload?: Record<string, unknown> }>();
  const [saving, setSaving] = useState(false);
  const [photos, setPhotos] = useState<OrderAttachment[]>([]);

  const submit = async () => {
    if (!action) return;
    // A missing field is not an error of the page: antd shows its Chinese message beside it.
    const values = await form.validateFields().catch(() => null);
    if (!values) return void message.error('请按提示补全后再提交');
    setSaving(true);
    try {
      const body = {
        action: action.id,
        version: order.version,
        note: values.note?.trim() || undefined,
        payload: toPayload(action.fields, values.payload),
        attachmentIds: photos.length ? photos.map((p) => p.id) : undefined,
      };
      const next = await appealsApi.fire(townId, order.id, body);
      void message.success(`已${action.label}`);
      next.warnings.forEach((w) => void message.warning(w));
      form.resetFields();
      setPhotos([]);
      onDone(next);
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
      open={!!action}
      title={action ? `${action.label} · ${order.code}` : ''}
      okText={action?.label ?? '确定'}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={() => {
        form.resetFields();
        setPhotos([]);
        onClose();
      }}
      destroyOnHidden
    >
      {action && (
        <Form form={form} layout="vertical" preserve={false}>
          <ActionFields
            fields={action.fields}
            refs={refs}
            at={{ appealId: order.id, action: action.id }}
          />
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={2000} placeholder="可选，记入时间线" />
          </Form.Item>
          {PHOTO_ACTIONS.includes(action.id) && (
            <Form.Item
              label="现场照片"
              extra="JPG/PNG，单张不超过 10 MB；照片挂在本次操作的时间线上"
            >
              <PhotoPicker
                appealId={order.id}
                value={photos}
                onAdd={(a) => setPhotos((p) => [...p, a])}
                onRemove={(id) => setPhotos((p) => p.filter((x) => x.id !== id))}
              />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
