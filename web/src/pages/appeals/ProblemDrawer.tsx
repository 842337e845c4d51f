/**
 * One problem: its facts, the edit form (owner, 整改措施, due date), status moves, and the linked
 * orders (click through to each order; remove selected; add by tracking code). Every save sends
 * the version shown; a 409 reloads the latest.
 */
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { appealsApi } from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { usePeopleOptions } from '../org/useOrgData.ts';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type StatusOption } from './analysisApi.ts';
import { LinkedOrders, StatusTag, useCanWriteAnalysis } from './analysisShared.tsx';
import { formatTime } from './DueTag.tsx';
import { useAppealRefs } from './refs.ts';

const MOVE_FIELD: Record<string, { name: 'plan' | 'result' | 'note'; label: string } | undefined> =
  {
    rectifying: { name: 'plan', label: '整改措施' },
    rectified: { name: 'result', label: '整改结果' },
    closed: { name: 'note', label: '销号说明' },
  };

export function ProblemDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const people = usePeopleOptions();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const canWrite = useCanWriteAnalysis();
  const detail = useLoader(
    (signal) => (id ? analysisApi.problem(townId, id, signal) : Promise.resolve(undefined)),
    [townId, id],
  );
  const p = detail.data;
  const [form] = Form.useForm();
  const [moveForm] = Form.useForm();
  const [moving, setMoving] = useState<StatusOption | null>(null);
  // Orders ticked for removal, kept for the answer they were ticked in (a reload clears them).
  const [ticked, setTicked] = useState<{ of: typeof p; ids: string[] }>({ of: undefined, ids: [] });
  const selected = ticked.of === p ? ticked.ids : [];
  const setSelected = (ids: string[]) => setTicked({ of: p, ids });
  const [code, setCode] = useState('');

  useEffect(() => {
    if (p)
      form.setFieldsValue({
        title: p.title,
        ownerUnitId: p.ownerUnitId,
        ownerPersonId: p.ownerPersonId,
        plan: p.plan,
        dueOn: p.dueOn ? dayjs(p.dueOn) : null,
      });
  }, [p, form]);

  const after = (msg: string) => {
    void message.success(msg);
    detail.reload();
    onChanged();
  };
  const call = async (work: () => Promise<unknown>, msg: string, f?: typeof form) => {
    try {
      await work();
      after(msg);
      return true;
    } catch (err) {
      onError(err, { form: f, onConflict: detail.reload });
      return false;
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    await call(
      () =>
        analysisApi.updateProblem(townId, p!.id, {
          version: p!.version,
          title: v.title,
          ownerUnitId: v.ownerUnitId ?? null,
          ownerPersonId: v.ownerPersonId ?? null,
          plan: v.plan || null,
          dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
        }),
      '已保存',
      form,
    );
  };
  const move = async () => {
    const v = await moveForm.validateFields();
    if (
      await call(
        () =>
          analysisApi.moveProblem(townId, p!.id, {
            version: p!.version,
            status: moving!.status,
            ...v,
          }),
        `已改为「${moving!.label}」`,
        moveForm,
      )
    )
      setMoving(null);
  };
  const addByCode = async () => {
    const page = await appealsApi.list(townId, { q: code.trim() }, null, 5);
    const hit = page.items.find((a) => a.code === code.trim());
    if (!hit) return void message.warning(`没有找到编号为 ${code} 的工单`);
    if (
      await call(
        () => analysisApi.addOrders(townId, p!.id, p!.version, [hit.id]),
        `已添加工单 ${hit.code}`,
      )
    )
      setCode('');
  };
  const editable = canWrite && p && p.status !== 'closed';

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={p?.title ?? '问题'}
      destroyOnHidden
      data-testid="problem-drawer"
      extra={
        editable && (
          <Space>
            {p.nextStatuses.map((s) => (
              <Button
                key={s.status}
                onClick={() => {
                  moveForm.resetFields();
                  moveForm.setFieldsValue({ plan: p.plan });
                  setMoving(s);
                }}
              >
                {s.label}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <Spin spinning={detail.loading}>
        {p && (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={2}
              bordered
              items={[
                {
                  label: '状态',
                  children: (
                    <StatusTag status={p.status} label={p.statusLabel} overdue={p.overdue} />
                  ),
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
            {editable ? (
              <Form form={form} layout="vertical" onFinish={() => void save()}>
                <Form.Item
                  name="title"
                  label="问题名称"
                  rules={[{ required: true, message: '请填写问题名称' }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
                <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
                  <Form.Item name="ownerUnitId" label="责任单位">
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      options={refs.unitOptions}
                    />
                  </Form.Item>
                  <Form.Item name="ownerPersonId" label="责任人">
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      options={(people.data ?? []).map((x) => ({
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
            ) : (
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    label: '责任单位（人）',
                    children: p.ownerPersonName ?? refs.unitName(p.ownerUnitId),
                  },
                  { label: '整改时限', children: p.dueOn ?? '—' },
                  { label: '整改措施', children: p.plan ?? '—' },
                ]}
              />
            )}
            <Typography.Title level={5} style={{ margin: 0 }}>
              关联工单（{p.orders.length} 件）
            </Typography.Title>
            {editable && (
              <Space wrap>
                <Input
                  placeholder="输入工单编号，如 25-00012"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  onPressEnter={() => void addByCode()}
                  style={{ width: 220 }}
                />
                <Button onClick={() => void addByCode()} disabled={!code.trim()}>
                  添加工单
                </Button>
                <Button
                  danger
                  disabled={!selected.length}
                  onClick={() =>
                    void call(
                      () => analysisApi.removeOrders(townId, p.id, p.version, selected),
                      `已移出 ${selected.length} 件工单`,
                    )
                  }
                >
                  移出所选
                </Button>
              </Space>
            )}
            <LinkedOrders
              orders={p.orders}
              unitName={refs.unitName}
              selected={selected}
              onSelect={editable ? setSelected : undefined}
            />
          </Space>
        )}
      </Spin>
      <Modal
        open={!!moving}
        title={`改为「${moving?.label ?? ''}」`}
        okText="确定"
        onOk={() => void move()}
        onCancel={() => setMoving(null)}
        destroyOnHidden
      >
        <Form form={moveForm} layout="vertical">
          {moving && MOVE_FIELD[moving.status] && (
            <Form.Item
              name={MOVE_FIELD[moving.status]!.name}
              label={MOVE_FIELD[moving.status]!.label}
            >
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
