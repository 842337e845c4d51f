/** 党员名册 of one branch: the names a roll call ticks; 支委委员 are preset for 支委会. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, Modal, Space } from 'antd';
import { useEffect } from 'react';
import { partyApi, type RosterInput } from '../../api/party.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';

export function RosterModal({ branchId, onClose }: { branchId: string; onClose: () => void }) {
  const { townId, allows } = useSession();
  // Readers (a county supervisor, a leader without the organisation work) see it without saving.
  const canWrite = allows('party.write');
  const { message } = App.useApp();
  const [form] = Form.useForm<RosterInput>();
  const { busy, save } = useFormSave(form);
  const roster = useLoader(() => partyApi.roster(townId, branchId), [townId, branchId]);
  useEffect(() => {
    if (roster.data) form.setFieldsValue({ members: roster.data.members });
  }, [roster.data, form]);
  return (
    <Modal
      open
      title="党员名册"
      okText="保存"
      footer={canWrite ? undefined : null}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() =>
        void save(async (v) => {
          await partyApi.saveRoster(townId, branchId, { members: v.members ?? [] });
          void message.success('名册已保存');
          onClose();
        })
      }
    >
      <Form form={form} disabled={!canWrite}>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <div style={{ maxHeight: 420, overflowY: 'auto' }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[{ required: true, message: '请填写姓名' }]}
                  >
                    <Input placeholder="姓名" maxLength={30} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'committee']} valuePropName="checked">
                    <Checkbox>支委委员</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label="移出名册"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', committee: false })}>
                添加党员
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
