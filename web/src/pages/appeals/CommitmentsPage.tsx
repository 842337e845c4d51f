/**
 * 承诺事项: public promises with owner and due date; overdue ones are marked and can be listed
 * alone. A new promise is recorded in a modal; the drawer shows progress and moves its status.
 */
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type Commitment, type CommitmentStatus } from './analysisApi.ts';
import { StatusTag, useCanWriteAnalysis } from './analysisShared.tsx';
import { CommitmentDrawer } from './CommitmentDrawer.tsx';
import { useAppealRefs } from './refs.ts';
import { townToday } from '../../lib/time.ts';

const STATUS_OPTIONS = [
  { value: 'pending', label: '待兑现' },
  { value: 'in_progress', label: '推进中' },
  { value: 'fulfilled', label: '已兑现' },
  { value: 'cancelled', label: '已撤销' },
];

export default function CommitmentsPage() {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const canWrite = useCanWriteAnalysis();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<CommitmentStatus>();
  const [villageId, setVillageId] = useState<string>();
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const problems = useLoader((signal) => analysisApi.problems(townId, {}, signal), [townId]);
  const list = useLoader(
    (signal) =>
      analysisApi.commitments(
        townId,
        { status, villageId, overdue: overdue ? 'true' : undefined },
        signal,
      ),
    [townId, status, villageId, overdue],
  );
  const open = (id: string | null) => setParams(id ? { id } : {});

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
      list.reload();
      open(c.id);
    } catch (err) {
      onError(err, { form });
    }
  };

  return (
    <Card
      title="承诺事项"
      data-testid="commitments-page"
      extra={
        canWrite && (
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ promisedOn: townToday() });
              setCreating(true);
            }}
          >
            登记承诺
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 130 }}
            value={status}
            onChange={setStatus}
            options={STATUS_OPTIONS}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部村（社区）"
            style={{ width: 170 }}
            value={villageId}
            onChange={setVillageId}
            options={refs.villageOptions}
          />
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
            只看逾期未兑现
          </Checkbox>
        </Space>
        <Table<Commitment>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
          columns={[
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
              render: (_, c) => (
                <StatusTag status={c.status} label={c.statusLabel} overdue={c.overdue} />
              ),
            },
          ]}
        />
      </Space>
      <CommitmentDrawer id={params.get('id')} onClose={() => open(null)} onChanged={list.reload} />
      <Modal
        open={creating}
        title="登记承诺事项"
        okText="登记"
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
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
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={refs.villageOptions}
              />
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
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={(problems.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
