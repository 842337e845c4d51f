/**
 * 新建／编辑测评 (draft only): year, name, scale, the 德能勤绩廉 items, the 优秀 cap, the people
 * appraised (picked from the town's people) and the electorate groups with their ballot counts.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { SCALE_LABELS } from '../../../../src/core/appraisal/ballot.ts';
import { allPeople, type Person } from '../../api/org.ts';
import { appraisalApi, type Round, type RoundInput } from '../../api/appraisal.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { currentYear } from '../../lib/time.ts';

const DEFAULT_GROUPS = [
  { name: '班子成员', ballots: 15 },
  { name: '站所负责人', ballots: 20 },
  { name: '村（社区）书记', ballots: 12 },
  { name: '党代表', ballots: 10 },
];

function initialValues(round: Round | null): RoundInput {
  return round
    ? {
        year: round.year,
        title: round.title,
        scale: round.scale,
        withItems: round.withItems,
        capPercent: round.capPercent,
        people: round.people.map((p) => p.personId),
        groups: round.groups.map((g) => ({ name: g.name, ballots: g.ballots })),
      }
    : {
        year: currentYear(),
        title: `${currentYear()}年度领导班子和领导干部民主测评`,
        scale: 'excellent4',
        withItems: false,
        capPercent: 20,
        people: [],
        groups: DEFAULT_GROUPS,
      };
}

function RoundFields({ people }: { people: Person[] }) {
  return (
    <>
      <Space>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="capPercent"
          label="优秀比例上限（%）"
          rules={[{ required: true, message: '请填写比例' }]}
        >
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="withItems" label="德能勤绩廉分项评价" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Form.Item
        name="title"
        label="测评名称"
        rules={[{ required: true, message: '请填写测评名称' }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="scale" label="评价等次">
        <Radio.Group
          options={Object.entries(SCALE_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item
        name="people"
        label="测评对象"
        rules={[{ required: true, message: '请选择测评对象' }]}
      >
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          placeholder="输入姓名查找"
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.List name="groups">
        {(fields, { add, remove }) => (
          <>
            <div className="ant-form-item-label">
              <label>参评人员类别及票数</label>
            </div>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, message: '请填写类别' }]}
                >
                  <Input placeholder="类别，如 班子成员" />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'ballots']}
                  rules={[{ required: true, message: '请填写票数' }]}
                >
                  <InputNumber min={1} max={2000} addonAfter="张" />
                </Form.Item>
                <MinusCircleOutlined aria-label="删除类别" onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', ballots: 10 })}>
              添加类别
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

export function RoundFormModal({
  townId,
  round,
  onClose,
  onSaved,
}: {
  townId: string;
  round: Round | null;
  onClose: () => void;
  onSaved: (r: Round) => void;
}) {
  const [form] = Form.useForm<RoundInput>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [people, setPeople] = useState<Person[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    allPeople(townId).then(setPeople, onError);
  }, [townId, onError]);

  const initial = initialValues(round);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const saved = round
        ? await appraisalApi.update(townId, round.id, { ...values, version: round.version })
        : await appraisalApi.create(townId, values);
      void message.success('已保存');
      onSaved(saved);
    } catch (err) {
      onError(err, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={round ? '编辑测评' : '新建测评'}
      width={640}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <RoundFields people={people} />
      </Form>
    </Modal>
  );
}
