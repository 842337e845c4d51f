/**
 * The resident's contact, masked; 查看完整联系方式 asks for a reason and calls the audited
 * reveal endpoint. Offered only when the server says the caller may (canRevealContact).
 */
import { EyeOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { appealsApi, type AppealDetail } from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';

export function ContactReveal({ order }: { order: AppealDetail }) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState<{ contactName: string | null; contactPhone: string | null }>();
  const [form] = Form.useForm<{ reason: string }>();
  const [loading, setLoading] = useState(false);
  const shown = full ?? order;
  const text = [shown.contactName, shown.contactPhone].filter(Boolean).join('  ') || '未留联系方式';

  const reveal = async () => {
    const { reason } = await form.validateFields();
    setLoading(true);
    try {
      setFull(await appealsApi.revealContact(townId, order.id, reason.trim()));
      setOpen(false);
    } catch (err) {
      onError(err, { form });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Space size={8} wrap>
      <span data-testid="contact">{text}</span>
      {!full && order.canRevealContact && (order.contactName || order.contactPhone) && (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setOpen(true)}>
          查看完整联系方式
        </Button>
      )}
      <Modal
        open={open}
        title="查看群众联系方式"
        okText="查看"
        onOk={() => void reveal()}
        confirmLoading={loading}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p style={{ color: '#8c8c8c' }}>查看记录（人员、时间、事由）将写入审计日志。</p>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ reason: '回访群众' }}>
          <Form.Item
            name="reason"
            label="查看事由"
            rules={[{ required: true, min: 2, message: '请填写查看事由（至少 2 个字）' }]}
          >
            <Input maxLength={200} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
