/**
 * 时间线: every step of an order — transitions, 督办 and their sign-off/replies — who, when, what,
 * the note, the fields filled in and the photos attached to the step. A file field shows its files
 * by name, each a link that downloads through the order's audited attachment route.
 */
import { Timeline, Typography } from 'antd';
import type { AppealDetail, AppealKind } from '../../api/appeals.ts';
import { formatTime } from './DueTag.tsx';
import type { OrderAttachment } from './operations.api.ts';
import { AttachmentLink } from './OrderAttachments.tsx';
import type { AppealRefs } from './refs.ts';

type Names = Record<string, string>;

/** 1280.5 → 1,280.50 元 */
const formatYuan = (v: number) =>
  `${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** A recorded value as a person reads it: units and people by name, never by id. */
function show(value: unknown, type: string | undefined, refs: AppealRefs, people: Names): string {
  const person = (v: unknown) => people[String(v)] ?? '（人员已不在名录中）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (type === 'unit_id' || type === 'village_id') return refs.unitName(String(value));
  if (type === 'money' && typeof value === 'number') return formatYuan(value);
  if (type === 'unit_ids' && Array.isArray(value))
    return value.map((v) => refs.unitName(String(v))).join('、');
  if (type === 'person_id') return person(value);
  if (type === 'person_ids' && Array.isArray(value)) return value.map(person).join('、');
  if (Array.isArray(value)) return value.join('、');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** The files a `file` field cites, by name; a file no longer listed says so instead of its id. */
function FileLinks({
  appealId,
  ids,
  attachments,
}: {
  appealId: string;
  ids: unknown;
  attachments: OrderAttachment[];
}) {
  const list = Array.isArray(ids) ? ids.map(String) : [];
  return (
    <>
      {list.map((id) => {
        const a = attachments.find((x) => x.id === id);
        return (
          <span key={id} style={{ marginRight: 12 }}>
            {a ? <AttachmentLink appealId={appealId} a={a} /> : '（文件已不在附件中）'}
          </span>
        );
      })}
    </>
  );
}

type Field = AppealKind['actions'][number]['fields'][number];

/** The ids the step's `file` fields cite. */
function citedIds(fields: Field[], payload: Record<string, unknown>): Set<string> {
  return new Set(
    fields
      .filter((f) => f.type === 'file')
      .flatMap((f) => (Array.isArray(payload[f.name]) ? payload[f.name] : []) as string[]),
  );
}

/** One recorded value under its field's label: files as download links, the rest as text. */
function Detail(p: {
  name: string;
  value: unknown;
  field: Field | undefined;
  order: AppealDetail;
  refs: AppealRefs;
  attachments: OrderAttachment[];
}) {
  return (
    <>
      {p.field?.label ?? p.name}：
      {p.field?.type === 'file' ? (
        <FileLinks appealId={p.order.id} ids={p.value} attachments={p.attachments} />
      ) : (
        show(p.value, p.field?.type, p.refs, p.order.people)
      )}
    </>
  );
}

/** Payload keys of 督办 steps that are plumbing, not something to read. */
const HIDDEN = ['content', 'reminderId', 'unitId', 'message'];
const SUPERVISION_ACTIONS = [
  'supervise',
  'acknowledge_supervision',
  'reply_supervision',
  'acknowledge_reminder',
];

export function AppealTimeline({
  order,
  kind,
  refs,
  attachments = [],
}: {
  order: AppealDetail;
  kind?: AppealKind;
  refs: AppealRefs;
  attachments?: OrderAttachment[];
}) {
  const stateLabel = (id: string) => kind?.states.find((s) => s.id === id)?.label ?? id;
  const items = order.timeline.map((e) => {
    const fields = kind?.actions.find((a) => a.id === e.action)?.fields ?? [];
    const supervision = SUPERVISION_ACTIONS.includes(e.action);
    const details = Object.entries(e.payload).filter(([k]) =>
      supervision ? !HIDDEN.includes(k) : k !== 'content',
    );
    // Files a field cites show under that field; the rest tied to the step (photos) below.
    const cited = citedIds(fields, e.payload);
    const photos = attachments.filter((a) => a.eventSeq === e.seq && !cited.has(a.id));
    return {
      key: e.seq,
      color:
        e.action === 'return' || e.action === 'reopen' || e.action === 'supervise'
          ? 'red'
          : e.to === e.from
            ? 'gray'
            : 'blue',
      content: (
        <div data-testid="timeline-event">
          <div>
            <Typography.Text strong>{e.label}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {e.actorName} · {formatTime(e.at)}
            </Typography.Text>
            {e.from && e.from !== e.to && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {stateLabel(e.from)} → {stateLabel(e.to)}
              </Typography.Text>
            )}
          </div>
          {details.map(([k, v]) => (
            <div key={k} style={{ color: '#595959' }}>
              {k === 'replyBy' ? (
                `答复期限：${formatTime(String(v))}`
              ) : (
                <Detail
                  name={k}
                  value={v}
                  field={fields.find((x) => x.name === k)}
                  {...{ order, refs, attachments }}
                />
              )}
            </div>
          ))}
          {e.note && (
            <div style={{ color: '#595959' }}>
              {e.action === 'supervise'
                ? '督办意见'
                : e.action === 'reply_supervision'
                  ? '回复'
                  : '备注'}
              ：{e.note}
            </div>
          )}
          {photos.map((a) => (
            <div key={a.id}>
              <AttachmentLink appealId={order.id} a={a} />
            </div>
          ))}
        </div>
      ),
    };
  });
  return <Timeline items={items} />;
}
