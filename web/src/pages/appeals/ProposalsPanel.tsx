/**
 * 重复诉求识别: clusters the orders of a period on the server (village and category blocks,
 * near-duplicate text) and lists the proposals — a new problem, or new orders for an existing
 * one. Confirming creates the problem with exactly the listed orders; nothing is stored before.
 * 忽略 remembers the group (with a reason) so it is not proposed again; orders that join it later
 * come back as their own proposal, marked with the earlier dismissal.
 */
import {
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { analysisApi, type Proposal, type ProposalKind } from './analysisApi.ts';
import { useCanWriteAnalysis } from './analysisShared.tsx';
import { useAppealRefs } from './refs.ts';
import { formatDate, townToday } from '../../lib/time.ts';

const KINDS = [
  { value: 'hotline', label: '12345热线工单' },
  { value: 'all', label: '全部类型' },
];

export function ProposalsPanel({ onConfirmed }: { onConfirmed: (problemId: string) => void }) {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const canWrite = useCanWriteAnalysis();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    townToday().subtract(1, 'year').startOf('year'),
    townToday(),
  ]);
  const [kind, setKind] = useState<ProposalKind>('hotline');
  const [villageId, setVillageId] = useState<string>();
  const [minSize, setMinSize] = useState(3);
  const [result, setResult] = useState<{ items: Proposal[]; scanned: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState<Proposal | null>(null);
  const [dismissing, setDismissing] = useState<Proposal | null>(null);
  const [form] = Form.useForm();
  const [dismissForm] = Form.useForm();

  const run = async () => {
    setLoading(true);
    try {
      setResult(
        await analysisApi.proposals(townId, {
          from: range[0].format('YYYY-MM-DD'),
          to: range[1].format('YYYY-MM-DD'),
          kind,
          villageId,
          minSize,
        }),
      );
    } catch (err) {
      onError(err);
    } finally {
      setLoading(false);
    }
  };
  const drop = (p: Proposal) =>
    setResult((r) => (r ? { ...r, items: r.items.filter((x) => x.key !== p.key) } : r));

  const extend = async (p: Proposal) => {
    try {
      const current = await analysisApi.problem(townId, p.problemId!);
      const next = await analysisApi.addOrders(
        townId,
        p.problemId!,
        current.version,
        p.orders.map((o) => o.id),
      );
      void message.success(
        `已将 ${p.orders.length} 件工单并入「${next.title}」，现关联 ${next.orderCount} 件`,
      );
      drop(p);
      onConfirmed(next.id);
    } catch (err) {
      onError(err);
    }
  };
  const confirm = async () => {
    const p = confirming!;
    const v = await form.validateFields();
    try {
      const created = await analysisApi.confirm(townId, {
        title: v.title,
        appealIds: p.orders.map((o) => o.id),
        source: 'detect',
        ownerUnitId: v.ownerUnitId,
        dueOn: v.dueOn?.format('YYYY-MM-DD'),
      });
      void message.success(`已建立问题「${created.title}」，关联工单 ${created.orderCount} 件`);
      setConfirming(null);
      drop(p);
      onConfirmed(created.id);
    } catch (err) {
      onError(err, { form });
    }
  };

  const dismiss = async () => {
    const p = dismissing!;
    const v = await dismissForm.validateFields();
    try {
      await analysisApi.dismiss(townId, {
        appealIds: p.orders.map((o) => o.id),
        problemId: p.problemId ?? undefined,
        title: p.suggestedTitle,
        reason: v.reason,
      });
      void message.success(
        `已忽略「${p.suggestedTitle}」，这 ${p.orders.length} 件工单不会再作为一组被建议`,
      );
      setDismissing(null);
      drop(p);
    } catch (err) {
      onError(err, { form: dismissForm });
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="proposals">
      <Space wrap>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Select
          style={{ width: 140 }}
          value={kind}
          onChange={setKind}
          options={KINDS}
          aria-label="工单类型"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部村（社区）"
          style={{ width: 160 }}
          value={villageId}
          onChange={setVillageId}
          options={refs.villageOptions}
          data-testid="proposal-village"
        />
        <Space size={4}>
          <span>至少</span>
          <InputNumber
            min={2}
            max={50}
            value={minSize}
            onChange={(n) => setMinSize(n ?? 3)}
            style={{ width: 64 }}
          />
          <span>件</span>
        </Space>
        <Button type="primary" loading={loading} onClick={() => void run()}>
          开始识别
        </Button>
      </Space>
      {result && (
        <Typography.Text type="secondary" data-testid="proposal-summary">
          共分析 {result.scanned} 件工单，发现 {result.items.length}{' '}
          组相似诉求（同村、同类别，文本相似度达到阈值）。已归入问题清单或被移出的工单不会再次出现。
        </Typography.Text>
      )}
      {result && !result.items.length && <Empty description="没有新的重复诉求" />}
      {result && result.items.length > 0 && (
        <Table<Proposal>
          rowKey="key"
          size="small"
          dataSource={result.items}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          expandable={{
            expandedRowRender: (p) => (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.orders}
                columns={[
                  {
                    title: '编号',
                    dataIndex: 'code',
                    width: 100,
                    render: (c: string, o) => <Link to={`/appeals/orders/${o.id}`}>{c}</Link>,
                  },
                  { title: '标题', dataIndex: 'title' },
                  { title: '受理日期', dataIndex: 'receivedOn', width: 110 },
                ]}
              />
            ),
          }}
          columns={[
            {
              title: '相似诉求',
              render: (_, p) => (
                <Space direction="vertical" size={0}>
                  <span>
                    {p.kind === 'extend' ? (
                      <Tag color="purple">并入「{p.problemTitle}」</Tag>
                    ) : (
                      <Tag color="blue">新问题</Tag>
                    )}
                    {p.suggestedTitle}
                  </span>
                  <span>
                    {p.commonWords.map((w) => (
                      <Tag key={w} bordered={false}>
                        {w}
                      </Tag>
                    ))}
                  </span>
                  {p.dismissed && (
                    <Typography.Text type="warning" data-testid="proposal-dismissed">
                      同组 {p.dismissed.orderCount} 件曾于 {formatDate(p.dismissed.dismissedAt)} 被
                      {p.dismissed.dismissedByName}忽略（{p.dismissed.reason}
                      ），以下为此后新增的工单
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: '村（社区）',
              dataIndex: 'villageId',
              width: 110,
              render: (v: string | null) => refs.unitName(v),
            },
            {
              title: '类别',
              dataIndex: 'categoryCode',
              width: 150,
              render: (c: string | null) => refs.categoryName(c),
            },
            { title: '工单', width: 70, align: 'right', render: (_, p) => `${p.orders.length} 件` },
            {
              title: '相似度',
              dataIndex: 'similarity',
              width: 80,
              align: 'right',
              render: (s: number) => `${Math.round(s * 100)}%`,
            },
            {
              title: '操作',
              width: 170,
              render: (_, p) =>
                canWrite && (
                  <Space size={4}>
                    {p.kind === 'extend' ? (
                      <Button size="small" onClick={() => void extend(p)}>
                        并入问题
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => {
                          setConfirming(p);
                          form.setFieldsValue({
                            title: p.suggestedTitle.replace(/（重复诉求）$/, ''),
                            ownerUnitId: undefined,
                            dueOn: undefined,
                          });
                        }}
                      >
                        确认为问题
                      </Button>
                    )}
                    <Button
                      size="small"
                      onClick={() => {
                        setDismissing(p);
                        dismissForm.resetFields();
                      }}
                    >
                      忽略
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={!!confirming}
        title="确认为问题清单"
        okText="确认"
        onOk={() => void confirm()}
        onCancel={() => setConfirming(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="title"
            label="问题名称"
            rules={[{ required: true, message: '请填写问题名称' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="ownerUnitId" label="责任单位（可稍后指定）">
            <Select allowClear showSearch optionFilterProp="label" options={refs.unitOptions} />
          </Form.Item>
          <Form.Item name="dueOn" label="整改时限">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Typography.Text type="secondary">
            将关联 {confirming?.orders.length ?? 0} 件工单。
          </Typography.Text>
        </Form>
      </Modal>
      <Modal
        open={!!dismissing}
        title="忽略这条建议"
        okText="忽略"
        onOk={() => void dismiss()}
        onCancel={() => setDismissing(null)}
        destroyOnHidden
      >
        <Form form={dismissForm} layout="vertical">
          <Typography.Paragraph>
            「{dismissing?.suggestedTitle}」的 {dismissing?.orders.length ?? 0}{' '}
            件工单此后不会再作为一组被建议；以后有新的相似工单时，只建议新增的工单。可在“已忽略”中撤销。
          </Typography.Paragraph>
          <Form.Item
            name="reason"
            label="忽略理由"
            rules={[{ required: true, whitespace: true, message: '请填写忽略理由' }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
