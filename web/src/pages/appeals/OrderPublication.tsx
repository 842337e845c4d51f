/**
 * 对群众公开的文字 on an order a resident filed through a public channel: what the tracking page
 * and Open311 show of the matter (nothing of the resident's words until a handler publishes), and
 * for those who answer the resident an editor — a description and a reply, drafted from the
 * order's text if wanted, with a live preview of what the public will read after the scrubber
 * (the same src/core/privacy code the server runs) has taken out numbers, house numbers and names.
 */
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { scrubText, SCRUB_MARKERS } from '../../../../src/core/privacy/scrub.ts';
import type { AppealDetail } from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { formatTime } from './DueTag.tsx';
import { publicationApi, type Publication } from './publication.api.ts';
import type { AppealRefs } from './refs.ts';

const MARKERS = Object.values(SCRUB_MARKERS);

/** The public text with each taken-out part highlighted, so the handler sees what was removed. */
function Marked({ text, testId }: { text: string; testId?: string }) {
  const parts = text.split(
    new RegExp(`(${MARKERS.map((m) => m.replace(/[()（）]/g, '\\$&')).join('|')})`),
  );
  return (
    <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }} data-testid={testId}>
      {parts.map((p, i) =>
        MARKERS.includes(p as never) ? (
          <Typography.Text key={i} mark>
            {p}
          </Typography.Text>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </div>
  );
}

function Preview(p: { description: string; reply: string; scrub: (t: string) => string }) {
  const description = p.description.trim();
  const reply = p.reply.trim();
  return (
    <Card size="small" title="群众将看到" data-testid="publication-preview">
      {description || reply ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {description && (
            <div>
              <Typography.Text type="secondary">情况说明：</Typography.Text>
              <Marked text={p.scrub(description)} />
            </div>
          )}
          {reply && (
            <div>
              <Typography.Text type="secondary">办理答复：</Typography.Text>
              <Marked text={p.scrub(reply)} />
            </div>
          )}
        </Space>
      ) : (
        <Typography.Text type="secondary">两项都为空时不公开任何文字。</Typography.Text>
      )}
    </Card>
  );
}

function PublishedView({ data }: { data: Publication }) {
  if (!data.publicDescription && !data.publicReply)
    return (
      <Typography.Text type="secondary">
        尚未公开文字：群众查询页和对外接口
        只显示类别、村（社区）、办理状态和时间，不显示群众写的原文。
      </Typography.Text>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {data.publicDescription && (
        <div>
          <Typography.Text type="secondary">情况说明：</Typography.Text>
          <Marked text={data.publicDescription} testId="publication-public-description" />
        </div>
      )}
      {data.publicReply && (
        <div>
          <Typography.Text type="secondary">办理答复：</Typography.Text>
          <Marked text={data.publicReply} testId="publication-public-reply" />
        </div>
      )}
      <Typography.Text type="secondary">
        {data.publishedByName} {formatTime(data.publishedAt)} 公开（群众查询页、对外接口可见）
      </Typography.Text>
    </Space>
  );
}

interface Values {
  description: string;
  reply: string;
}

/** A text to publish, with a button that fills it from the order's own (scrubbed) text. */
function DraftedText(p: {
  name: keyof Values;
  label: string;
  draftLabel: string;
  draft?: () => void;
}) {
  return (
    <Form.Item
      name={p.name}
      label={
        <Space>
          {p.label}
          {p.draft && (
            <Button size="small" type="link" onClick={p.draft}>
              {p.draftLabel}
            </Button>
          )}
        </Space>
      }
    >
      <Input.TextArea rows={4} maxLength={4000} showCount data-testid={`publication-${p.name}`} />
    </Form.Item>
  );
}

function EditModal({
  order,
  current,
  keep,
  onClose,
  onSaved,
}: {
  order: AppealDetail;
  current: Publication;
  keep: string[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const description = Form.useWatch('description', form) ?? '';
  const reply = Form.useWatch('reply', form) ?? '';
  const replyText = typeof order.fields.replyText === 'string' ? order.fields.replyText : '';
  const scrub = (t: string) => scrubText(t, { keep });

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await publicationApi.save(townId, order.id, {
        description: v.description?.trim() || null,
        reply: v.reply?.trim() || null,
        version: current.version,
      });
      void message.success('已公开：群众查询页和对外接口显示的是隐去个人信息后的文字');
      onSaved();
    } catch (err) {
      onError(err, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={760}
      title="公开给群众的文字"
      okText="公开"
      onOk={() => void save()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        群众查询页和对外接口会显示这里的文字。电话号码、身份证号、门牌号和姓名会被自动隐去（下方预览中标黄的部分），保存后还会隐去本单联系人的姓名。请只写可以公开的内容。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ description: current.description ?? '', reply: current.reply ?? '' }}
      >
        <DraftedText
          name="description"
          label="情况说明"
          draftLabel="用诉求内容作草稿"
          draft={() => form.setFieldValue('description', scrub(order.content))}
        />
        <DraftedText
          name="reply"
          label="办理答复"
          draftLabel="用答复群众的内容作草稿"
          draft={replyText ? () => form.setFieldValue('reply', scrub(replyText)) : undefined}
        />
      </Form>
      <Preview description={description} reply={reply} scrub={scrub} />
    </Modal>
  );
}

export function OrderPublication({ order, refs }: { order: AppealDetail; refs: AppealRefs }) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const { data, reload } = useLoader(
    (signal) => publicationApi.get(townId, order.id, signal),
    [townId, order.id, order.version],
  );
  const keep = useMemo(
    () =>
      refs.units.filter((u) => u.kind === 'village' || u.kind === 'government').map((u) => u.name),
    [refs.units],
  );
  if (!data) return null;
  const published = !!(data.publicDescription || data.publicReply);
  const withdraw = async () => {
    try {
      await publicationApi.save(townId, order.id, {
        description: null,
        reply: null,
        version: data.version,
      });
      void message.success('已撤回，群众查询页和对外接口不再显示这些文字');
    } catch (err) {
      onError(err);
    }
    reload();
  };
  return (
    <Card
      title="对群众公开的文字"
      data-testid="order-publication"
      extra={
        data.canPublish && (
          <Space>
            {published && (
              <Popconfirm
                title="撤回后群众不再看到这些文字，确定撤回？"
                onConfirm={() => void withdraw()}
              >
                <Button size="small" danger data-testid="publication-withdraw">
                  撤回公开
                </Button>
              </Popconfirm>
            )}
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="publication-edit"
            >
              {published ? '修改' : '公开文字'}
            </Button>
          </Space>
        )
      }
    >
      <PublishedView data={data} />
      {editing && (
        <EditModal
          order={order}
          current={data}
          keep={keep}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </Card>
  );
}
