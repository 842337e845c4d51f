/**
 * Parts of 承诺事项: the list's filters and columns, and the form that records a new promise
 * (with its hook: the modal state and the write).
 */
import {
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  type FormInstance,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useLoader } from '../../api/useLoader.ts';
import { townToday } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';
import { analysisApi, type Commitment, type CommitmentStatus } from './analysisApi.ts';
import { StatusTag } from './analysisShared.tsx';
import type { AppealRefs } from './refs.ts';

const STATUS_OPTIONS = [
  { value: 'pending', label: '待兑现' },
  { value: 'in_progress', label: '推进中' },
  { value: 'fulfilled', label: '已兑现' },
  { value: 'cancelled', label: '已撤销' },
];

export interface CommitmentFilter {
  status: CommitmentStatus | undefined;
  setStatus: (s: CommitmentStatus | undefined) => void;
  villageId: string | undefined;
  setVillageId: (id: string | undefined) => void;
  overdue: boolean;
  setOverdue: (on: boolean) => void;
}

export function CommitmentFilters({ f, refs }: { f: CommitmentFilter; refs: AppealRefs }) {
  return (
    <Space wrap>
      <Select
        allowClear
        placeholder="全部状态"
        style={{ width: 130 }}
        value={f.status}
        onChange={f.setStatus}
        options={STATUS_OPTIONS}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部村（社区）"
        style={{ width: 170 }}
        value={f.villageId}
        onChange={f.setVillageId}
        options={refs.villageOptions}
      />
      <Checkbox checked={f.overdue} onChange={(e) => f.setOverdue(e.target.checked)}>
        只看逾期未兑现
      </Checkbox>
    </Space>
  );
}

export function commitmentColumns(refs: AppealRefs): ColumnsType<Commitment> {
  return [
    { title: '承诺事项', dataIndex: 'title', render: (t: string) => <a>{t}</a> },
    { title: '承诺对象', dataIndex: 'promisedTo', width: 140 },
    {
      title: '责任单位（人）',
      width: 160,
      render: (_, c) => c.ownerPersonName ?? refs.unitName(c.ownerUnitId),
    },
    { title: '承诺时限', dataIndex: 'dueOn', width: 110 },
    {
      title: '关联问题',
      dataIndex: 'problemTitle',
      width: 200,
      ellipsis: true,
      render: (t: string | null) => t ?? '—',
    },
    {
      title: '状态',
      width: 150,
      render: (_, c) => <StatusTag status={c.status} label={c.statusLabel} overdue={c.overdue} />,
    },
  ];
}

/** 登记承诺: opens the form (promised today by default) and records the promise. */
export function useCreateCommitment(onCreated: (id: string) => void) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const problems = useLoader((signal) => analysisApi.problems(townId, {}, signal), [townId]);
  const create = async () => {
    const v = await form.validateFields();
    try {
      const c = await analysisApi.createCommitment(townId, {
        ...v,
        promisedOn: v.promisedOn.format('YYYY-MM-DD'),
        dueOn: v.dueOn.format('YYYY-MM-DD'),
      });
      void message.success('已登记承诺事项');
      setCreating(false);
      onCreated(c.id);
    } catch (err) {
      onError(err, { form });
    }
  };
  const start = () => {
    form.resetFields();
    form.setFieldsValue({ promisedOn: townToday() });
    setCreating(true);
  };
  const problemOptions = (problems.data ?? []).map((p) => ({ value: p.id, label: p.title }));
  return {
    start,
    modal: {
      open: creating,
      form,
      problemOptions,
      onOk: () => void create(),
      onCancel: () => setCreating(false),
    },
  };
}

export function CreateCommitmentModal({
  open,
  form,
  refs,
  problemOptions,
  onOk,
  onCancel,
}: {
  open: boolean;
  form: FormInstance;
  refs: AppealRefs;
  problemOptions: { value: string; label: string }[];
  onOk: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      open={open}
      title="登记承诺事项"
      okText="登记"
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="title"
          label="承诺事项"
          rules={[{ required: true, message: '请填写承诺事项' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="content"
          label="承诺内容"
          rules={[{ required: true, message: '请填写承诺内容' }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="promisedTo"
          label="承诺对象"
          rules={[{ required: true, message: '请填写承诺对象，如某村村民' }]}
        >
          <Input maxLength={200} placeholder="如：石桥村三组村民" />
        </Form.Item>
        <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="villageId" label="所在村（社区）">
            <Select allowClear showSearch optionFilterProp="label" options={refs.villageOptions} />
          </Form.Item>
          <Form.Item name="ownerUnitId" label="责任单位">
            <Select allowClear showSearch optionFilterProp="label" options={refs.unitOptions} />
          </Form.Item>
        </Space>
        <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item
            name="promisedOn"
            label="承诺日期"
            rules={[{ required: true, message: '请选择承诺日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="dueOn"
            label="承诺兑现日期"
            rules={[{ required: true, message: '请选择兑现日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Space>
        <Form.Item name="problemId" label="关联问题">
          <Select allowClear showSearch optionFilterProp="label" options={problemOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
