/**
 * One 发展党员 step or stage move as a small form of the fields the server declares for it. A
 * refusal (a missing step, a period not yet complete: the rule and the earliest date) is shown in
 * the dialog, in the server's words, and nothing is recorded.
 */
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { ActionField } from '../../api/appeals.ts';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/errors.ts';
import {
  developmentApi,
  type CandidateAction,
  type CandidateDetail,
} from '../../api/memberDevelopment.ts';
import { useSession } from '../../session/session.tsx';
import { ActionFields, toPayload } from '../appeals/ActionFields.tsx';
import type { AppealRefs } from '../appeals/refs.ts';

/** Our steps declare dates, text, choices and name lists only: no unit or person pickers. */
const NO_REFS = { unitOptions: [], villageOptions: [], units: [] } as unknown as AppealRefs;

export function StepModal(props: {
  candidate: CandidateDetail;
  action: CandidateAction;
  onClose: () => void;
  onDone: (next: CandidateDetail) => void;
}) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string; payload?: Record<string, unknown> }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const fields = props.action.fields as ActionField[];

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setRefusal(null);
    try {
      const next = await developmentApi.step(townId, props.candidate.id, {
        action: props.action.id,
        version: props.candidate.version,
        payload: toPayload(fields, values.payload),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      void message.success(`已记录：${props.action.label}`);
      props.onDone(next);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      applyFieldErrors(form, err);
      setRefusal(err.problem.detail);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${props.action.label}：${props.candidate.personName}`}
      okText="确定"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          message="不能办理"
          description={refusal}
          style={{ marginBottom: 12 }}
          data-testid="step-refusal"
        />
      )}
      <Form form={form} layout="vertical">
        <ActionFields fields={fields} refs={NO_REFS} />
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
