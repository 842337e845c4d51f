/** Parts of the commitment drawer: the facts, the progress notes, the note input and the status move form. */
import {
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Timeline,
  Typography,
  type FormInstance,
} from 'antd';
import type { CommitmentDetail, StatusOption } from './analysisApi.ts';
import { StatusTag } from './analysisShared.tsx';
import { formatTime } from './DueTag.tsx';
import type { AppealRefs } from './refs.ts';

export function CommitmentFacts({ c, refs }: { c: CommitmentDetail; refs: AppealRefs }) {
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      items={[
        {
          label: '状态',
          children: <StatusTag status={c.status} label={c.statusLabel} overdue={c.overdue} />,
        },
        { label: '承诺对象', children: c.promisedTo },
        { label: '承诺日期', children: c.promisedOn },
        { label: '承诺兑现日期', children: c.dueOn },
        {
          label: '责任单位（人）',
          children: c.ownerPersonName ?? refs.unitName(c.ownerUnitId),
        },
        { label: '关联问题', children: c.problemTitle ?? '—' },
        { label: '承诺内容', children: c.content, span: 2 },
        { label: '兑现佐证', children: c.evidence ?? '—', span: 2 },
      ]}
    />
  );
}

export function ProgressNotes({ notes }: { notes: CommitmentDetail['notes'] }) {
  if (!notes.length) return <Typography.Text type="secondary">暂无进展记录</Typography.Text>;
  return (
    <Timeline
      items={notes.map((n) => ({
        children: (
          <>
            <div>{n.note}</div>
            <Typography.Text type="secondary">
              {n.authorName} · {formatTime(n.at)}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}

export function NoteInput({
  note,
  setNote,
  onAdd,
}: {
  note: string;
  setNote: (note: string) => void;
  onAdd: () => void;
}) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        placeholder="填写最新进展"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
      />
      <Button type="primary" disabled={!note.trim()} onClick={onAdd}>
        添加
      </Button>
    </Space.Compact>
  );
}

/** 兑现 needs evidence; 撤销 needs a reason. */
export function CommitmentMoveModal({
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
        {moving?.status === 'fulfilled' && (
          <Form.Item
            name="evidence"
            label="兑现佐证"
            rules={[{ required: true, message: '请填写兑现佐证（如验收单、照片存档位置）' }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={moving?.status === 'cancelled' ? '撤销理由' : '说明'}
          rules={
            moving?.status === 'cancelled' ? [{ required: true, message: '请说明撤销理由' }] : []
          }
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
