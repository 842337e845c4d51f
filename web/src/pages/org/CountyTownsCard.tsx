/**
 * The county admin's view of their county (shown on 乡镇信息): its towns, 新增乡镇 (the creator
 * becomes the new town's admin and can switch to it at once), renaming the county, and removing
 * a town that was added by mistake and holds nothing yet.
 */
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { authApi } from '../../api/auth.ts';
import { orgApi, type County } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';

type CountyTown = County['towns'][number];

interface Props {
  county: County;
  onChanged: () => void;
}

export function CountyTownsCard({ county, onChanged }: Props) {
  const { townId, setTown, signedIn } = useSession();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState(false);

  // The session's grants list the towns one may switch to; a new or removed town changes them.
  const refreshSession = async () => signedIn(await authApi.me());

  const remove = (t: CountyTown) =>
    modal.confirm({
      title: `删除乡镇「${t.name}」？`,
      content: '只能删除尚未建立任何单位、人员、账号或记录的乡镇（误建时使用）。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await orgApi.deleteTown(t);
          void message.success('已删除');
          await refreshSession();
          onChanged();
        } catch (err) {
          onError(err, { onConflict: onChanged });
        }
      },
    });

  const columns: TableColumnsType<CountyTown> = [
    {
      title: '乡镇',
      dataIndex: 'name',
      render: (name: string, t) => (
        <>
          {name}
          {t.id === townId && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              当前
            </Tag>
          )}
        </>
      ),
    },
    {
      title: '编码',
      dataIndex: 'code',
      width: 180,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, t) => (
        <Space size={0}>
          {t.id !== townId && (
            <Button type="link" size="small" onClick={() => setTown(t.id)}>
              切换到此乡镇
            </Button>
          )}
          {t.id !== townId && (
            <Button type="link" size="small" danger onClick={() => remove(t)}>
              删除
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={`${county.name}的乡镇（${county.towns.length} 个）`}
      extra={
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setRenaming(true)}>
            修改县（区）名称
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增乡镇
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        您是本县（区）各乡镇的管理员（县级管理员）。新增的乡镇由您管理，切换到该乡镇后即可建立单位、人员和用户。
      </Typography.Paragraph>
      <Table<CountyTown>
        rowKey="id"
        columns={columns}
        dataSource={county.towns}
        pagination={false}
        size="middle"
      />
      {adding && (
        <AddTownModal
          countyId={county.id}
          onClose={() => setAdding(false)}
          onSaved={async (name) => {
            setAdding(false);
            void message.success(`已新增${name}，可点击“切换到此乡镇”开始建立组织机构`);
            await refreshSession();
            onChanged();
          }}
        />
      )}
      {renaming && (
        <RenameCountyModal
          county={county}
          onClose={() => setRenaming(false)}
          onSaved={() => {
            setRenaming(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function AddTownModal({
  countyId,
  onClose,
  onSaved,
}: {
  countyId: string;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ name: string; code: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const town = await orgApi.createTown(countyId, { name: v.name.trim(), code: v.code.trim() });
      onSaved(town.name);
    } catch (err) {
      onError(err, { form });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="新增乡镇"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText="新增"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label="乡镇名称"
          rules={[{ required: true, whitespace: true, message: '请输入乡镇名称' }, { max: 30 }]}
        >
          <Input placeholder="如：东山镇" />
        </Form.Item>
        <Form.Item
          name="code"
          label="乡镇编码"
          extra="小写字母开头，一般用拼音，如 dongshan；建立后不宜再改"
          rules={[
            { required: true, message: '请输入乡镇编码' },
            {
              pattern: /^[a-z][a-z0-9_-]{1,31}$/,
              message: '小写字母开头，2–32 位小写字母、数字、_ 或 -',
            },
          ]}
        >
          <Input placeholder="dongshan" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RenameCountyModal({
  county,
  onClose,
  onSaved,
}: {
  county: County;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await orgApi.updateCounty(county, v.name.trim());
      void message.success('已修改');
      onSaved();
    } catch (err) {
      onError(err, { form, onConflict: onSaved });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="修改县（区）名称"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText="保存"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ name: county.name }}>
        <Form.Item
          name="name"
          label="县（区）名称"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 30 }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
