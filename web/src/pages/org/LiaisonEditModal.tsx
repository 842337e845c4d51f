/**
 * 编辑/结束包联 — change a liaison's dates. Ending it (结束包联) sets the last day and keeps the
 * record, so reports and appeal scopes still know who looked after the village until when;
 * deleting is only for a liaison entered by mistake.
 */
import { Button, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { orgApi, type VillageLiaison } from '../../api/org.ts';
import { useConfirmedWrite } from '../../api/useConfirmedWrite.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { useSession } from '../../session/session.tsx';
import { townToday } from '../../lib/time.ts';

export type LiaisonEditMode = 'edit' | 'end';

interface Values {
  startsOn: Dayjs;
  endsOn: Dayjs | null;
}

interface Props {
  liaison: VillageLiaison;
  mode: LiaisonEditMode;
  onClose: () => void;
  onSaved: () => void;
  onConflict: () => void;
}

export function LiaisonEditModal({ liaison, mode, onClose, onSaved, onConflict }: Props) {
  const { townId } = useSession();
  const confirm = useConfirmedWrite();
  const [form] = Form.useForm<Values>();
  const ending = mode === 'end';
  const { busy, save } = useFormSave(form, () => {
    onConflict();
    onClose();
  });

  const submit = () =>
    save(async (v) => {
      await orgApi.updateLiaison(townId, liaison, {
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
      });
      onSaved();
      return v.endsOn ? '已结束包联' : '已保存';
    });

  // Success and a 409 both close the dialog and show the list as it is now.
  const remove = () =>
    confirm({
      title: `删除 ${liaison.personName} 对 ${liaison.villageName} 的包联记录？`,
      content: '删除后不留记录，只用于纠正误录。领导不再包联时，请改用“结束包联”。',
      run: () => orgApi.deleteLiaison(townId, liaison),
      reload: onSaved,
    });

  const initial: Values = {
    startsOn: dayjs(liaison.startsOn),
    endsOn: liaison.endsOn ? dayjs(liaison.endsOn) : ending ? townToday() : null,
  };
  return (
    <Modal
      open
      title={`${ending ? '结束包联' : '编辑包联'}：${liaison.personName} · ${liaison.villageName}`}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="delete" danger type="text" onClick={remove} style={{ float: 'left' }}>
          删除（误录时）
        </Button>,
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={submit}>
          {ending ? '结束包联' : '保存'}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="startsOn"
          label="开始日期"
          rules={[{ required: true, message: '请选择开始日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label="结束日期"
          rules={[{ required: ending, message: '请选择结束日期' }]}
          extra={
            <Typography.Text type="secondary">
              填写结束日期即结束包联，记录保留；清空则恢复为在包联。
            </Typography.Text>
          }
        >
          <DatePicker style={{ width: '100%' }} allowClear={!ending} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
