/** 以此提纲生成模板 (admins): a new template keeping the imported report's sections and order. */
import { useNavigate } from 'react-router-dom';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { reportAdminApi, type ImportedReport } from './reportAdminApi.ts';

interface Props {
  imported: ImportedReport;
  open: boolean;
  onClose: () => void;
}

export function SeedTemplateModal({ imported, open, onClose }: Props) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ id: string; name: string }>();

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const t = await reportAdminApi.templateFromImport(townId, {
        importId: imported.id,
        id: values.id,
        name: values.name,
      });
      void message.success('模板已生成，可继续调整');
      navigate(`/reports/templates/${t.id}`);
    } catch (err) {
      onError(err, { form });
    }
  };

  return (
    <Modal
      open={open}
      title="以此提纲生成模板"
      okText="生成模板"
      cancelText="取消"
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        按这份往年报告的一级标题顺序和措辞生成新模板，履职部分按分管领域自动展开。生成后可在模板管理中调整。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          name: imported.outline.title ?? '按往年格式',
          id: `imported_${imported.id.slice(-6)}`,
        }}
      >
        <Form.Item
          name="name"
          label="模板名称"
          rules={[{ required: true, whitespace: true, message: '请输入模板名称' }, { max: 60 }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="id"
          label="模板编号"
          extra="小写字母开头，可含数字、下划线、连字符"
          rules={[
            {
              required: true,
              pattern: /^[a-z][a-z0-9_-]{0,59}$/u,
              message: '模板编号只能由小写字母、数字、下划线和连字符组成',
            },
          ]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
