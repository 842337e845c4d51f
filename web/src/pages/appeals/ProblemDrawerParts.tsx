/**
 * Parts of the problem drawer: the facts, the edit form (owner, 整改措施, due date) or its
 * read-only view, the toolbar of the linked orders and the status-move form.
 */
import {
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  type FormInstance,
} from 'antd';
import type { Person } from '../../api/org.ts';
import type { ProblemDetail, StatusOption } from './analysisApi.ts';
import { StatusTag } from './analysisShared.tsx';
import { formatTime } from './DueTag.tsx';
import type { AppealRefs } from './refs.ts';

const MOVE_FIELD: Record<string, { name: 'plan' | 'result' | 'note'; label: string } | undefined> =
  {
    rectifying: { name: 'plan', label: '整改措施' },
    rectified: { name: 'result', label: '整改结果' },
    closed: { name: 'note', label: '销号说明' },
  };

export function ProblemFacts({ p, refs }: { p: ProblemDetail; refs: AppealRefs }) {
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      items={[
        {
          label: '状态',
          children: <StatusTag status={p.status} label={p.statusLabel} overdue={p.overdue} />,
        },
        {
          label: '关联工单',
          children: <span data-testid="problem-order-count">{p.orderCount} 件</span>,
        },
        { label: '村（社区）', children: refs.unitName(p.villageId) },
        { label: '类别', children: refs.categoryName(p.categoryCode) },
        { label: '整改结果', children: p.result ?? '—', span: 2 },
        { label: '建立时间', children: formatTime(p.createdAt) },
        { label: '销号时间', children: formatTime(p.closedAt) },
      ]}
    />
  );
}

export function ProblemEditForm({
  form,
  refs,
  people,
  onSave,
}: {
  form: FormInstance;
  refs: AppealRefs;
  people: Person[] | undefined;
  onSave: () => void;
}) {
  return (
    <Form form={form} layout="vertical" onFinish={onSave}>
      <Form.Item
        name="title"
        label="问题名称"
        rules={[{ required: true, message: '请填写问题名称' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
        <Form.Item name="ownerUnitId" label="责任单位">
          <Select allowClear showSearch optionFilterProp="label" options={refs.unitOptions} />
        </Form.Item>
        <Form.Item name="ownerPersonId" label="责任人">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(people ?? []).map((x) => ({
              value: x.id,
              label: `${x.name}${x.titles[0] ? `（${x.titles[0]}）` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="dueOn" label="整改时限">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Space>
      <Form.Item name="plan" label="整改措施">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        保存
      </Button>
    </Form>
  );
}

export function ProblemOwnerFacts({ p, refs }: { p: ProblemDetail; refs: AppealRefs }) {
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { label: '责任单位（人）', children: p.ownerPersonName ?? refs.unitName(p.ownerUnitId) },
        { label: '整改时限', children: p.dueOn ?? '—' },
        { label: '整改措施', children: p.plan ?? '—' },
      ]}
    />
  );
}

export function LinkedOrdersToolbar({
  code,
  setCode,
  onAdd,
  selectedCount,
  onRemove,
}: {
  code: string;
  setCode: (code: string) => void;
  onAdd: () => void;
  selectedCount: number;
  onRemove: () => void;
}) {
  return (
    <Space wrap>
      <Input
        placeholder="输入工单编号，如 25-00012"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onPressEnter={onAdd}
        style={{ width: 220 }}
      />
      <Button onClick={onAdd} disabled={!code.trim()}>
        添加工单
      </Button>
      <Button danger disabled={!selectedCount} onClick={onRemove}>
        移出所选
      </Button>
    </Space>
  );
}

export function MoveModal({
  moving,
  form,
  onOk,
  onCancel,
}: {
  moving: StatusOption | null;
  form: FormInstance;
  onOk: () => void;
  onCancel: () => void;
}) {
  const field = moving ? MOVE_FIELD[moving.status] : undefined;
  return (
    <Modal
      open={!!moving}
      title={`改为「${moving?.label ?? ''}」`}
      okText="确定"
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {field && (
          <Form.Item name={field.name} label={field.label}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
