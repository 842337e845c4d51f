/**
 * 登记会议 / 会议详情: type, branch, date, topic, minutes and photos, and the roll call
 * (RollTable). Counts update as the marks change; the server derives 应到/实到 from the roll.
 */
import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  ACTIVITY_FORM_OPTIONS,
  MEETING_TYPE_OPTIONS,
  partyApi,
  type Meeting,
  type MeetingInput,
} from '../../api/party.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { useLoader } from '../../api/useLoader.ts';
import { townToday } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';
import { AttachmentInput } from '../ledgers/AttachmentInput.tsx';
import { rollRows, RollTable, type Marks, type RollRow } from './RollTable.tsx';

interface Values {
  branchId: string;
  meetingType: MeetingInput['meetingType'];
  heldOn: Dayjs;
  topic: string;
  activityForm?: MeetingInput['activityForm'];
  minutes?: string;
  photos?: string[];
}

interface Props {
  id: string | null;
  branches: { id: string; name: string }[];
  defaultBranchId: string | undefined;
  onClose: () => void;
  onSaved: () => void;
}

const initialValues = (m: Meeting | null, branchId: string | undefined) =>
  m
    ? {
        branchId: m.branchId,
        meetingType: m.meetingType,
        heldOn: dayjs(m.heldOn),
        topic: m.topic,
        activityForm: (m.activityForm ?? 'study') as Values['activityForm'],
        minutes: m.minutes ?? undefined,
        photos: m.photos,
      }
    : {
        branchId,
        meetingType: 'member_assembly' as const,
        heldOn: townToday(),
        activityForm: 'study' as const,
      };

/** The request body from the form and the roll; a problem with the roll as a Chinese sentence. */
function bodyOf(v: Values, rows: RollRow[]): MeetingInput | string {
  const expected = rows.filter((r) => r.status !== 'none');
  const missing = expected.find((r) => r.status === 'absent' && !r.reason.trim());
  if (missing) return `请填写${missing.name}的缺席原因`;
  if (expected.length === 0) return '请至少登记一名应到会的党员';
  return {
    branchId: v.branchId,
    meetingType: v.meetingType,
    heldOn: v.heldOn.format('YYYY-MM-DD'),
    topic: v.topic,
    ...(v.meetingType === 'theme_day' ? { activityForm: v.activityForm ?? 'study' } : {}),
    ...(v.minutes ? { minutes: v.minutes } : {}),
    photos: v.photos ?? [],
    attendance: expected.map((r) => ({
      memberId: r.memberId,
      present: r.status === 'present',
      ...(r.status === 'absent' ? { reason: r.reason.trim() } : {}),
    })),
  };
}

export function MeetingFormModal(props: Props) {
  const { townId } = useSession();
  const meeting = useLoader(
    async () => (props.id ? await partyApi.meeting(townId, props.id) : null),
    [townId, props.id],
  );
  if (props.id && !meeting.data)
    return <Modal open loading title="会议详情" footer={null} onCancel={props.onClose} />;
  return <MeetingForm {...props} meeting={meeting.data ?? null} />;
}

function MeetingForm(props: Props & { meeting: Meeting | null }) {
  const { townId, allows } = useSession();
  // Readers (a county supervisor, a leader without the organisation work) see it without saving.
  const canWrite = allows('party.write');
  const { message } = App.useApp();
  const m = props.meeting;
  const [form] = Form.useForm<Values>();
  const { busy, save } = useFormSave(form);
  const branchId: string | undefined =
    Form.useWatch('branchId', form) ?? m?.branchId ?? props.defaultBranchId;
  const meetingType: string =
    Form.useWatch('meetingType', form) ?? m?.meetingType ?? 'member_assembly';
  const roster = useLoader(
    async () => (branchId ? (await partyApi.roster(townId, branchId)).members : []),
    [townId, branchId],
  );
  const [marks, setMarks] = useState<{ branchId?: string; marks: Marks }>({ marks: {} });
  const own = marks.branchId === branchId ? marks.marks : {};
  const saved = m && m.branchId === branchId ? m.attendance : null;
  const rows = rollRows(roster.data ?? [], saved, meetingType, own);
  const expected = rows.filter((r) => r.status !== 'none');
  const present = expected.filter((r) => r.status === 'present').length;
  const [rollError, setRollError] = useState<string | null>(null);
  const onMark = (memberId: string, patch: Partial<RollRow>) =>
    setMarks({ branchId, marks: { ...own, [memberId]: { ...own[memberId], ...patch } } });
  const submit = () =>
    save(async (v) => {
      const body = bodyOf(v, rows);
      setRollError(typeof body === 'string' ? body : null);
      if (typeof body === 'string') return;
      if (m) await partyApi.update(townId, m.id, { ...body, version: m.version });
      else await partyApi.create(townId, body);
      void message.success(m ? '会议已保存' : '会议已登记');
      props.onSaved();
    });
  return (
    <Modal
      open
      width={820}
      title={m ? '会议详情' : '登记会议'}
      okText="保存"
      footer={canWrite ? undefined : null}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
    >
      <Form<Values>
        form={form}
        disabled={!canWrite}
        layout="vertical"
        initialValues={initialValues(m, props.defaultBranchId)}
      >
        <MeetingFields
          branches={props.branches}
          locked={!!m}
          themeDay={meetingType === 'theme_day'}
        />
        <Form.Item label={`出勤登记：应到${expected.length}人，实到${present}人`} required>
          <RollTable rows={rows} loading={roster.loading} onMark={onMark} />
          {rollError && <Typography.Text type="danger">{rollError}</Typography.Text>}
        </Form.Item>
        <Form.Item name="minutes" label="会议记录">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="photos" label="照片">
          <AttachmentInput maxCount={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MeetingFields(props: {
  branches: { id: string; name: string }[];
  locked: boolean;
  themeDay: boolean;
}) {
  return (
    <>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 12 }}>
        <Form.Item
          name="branchId"
          label="党支部"
          rules={[{ required: true, message: '请选择党支部' }]}
        >
          <Select
            options={props.branches.map((b) => ({ value: b.id, label: b.name }))}
            disabled={props.locked}
          />
        </Form.Item>
        <Form.Item
          name="meetingType"
          label="会议类型"
          rules={[{ required: true, message: '请选择会议类型' }]}
        >
          <Select options={[...MEETING_TYPE_OPTIONS]} />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label="召开日期"
          rules={[{ required: true, message: '请选择召开日期' }]}
        >
          <DatePicker style={{ width: '100%' }} placeholder="选择日期" />
        </Form.Item>
      </div>
      <Form.Item
        name="topic"
        label="会议主题"
        rules={[{ required: true, message: '请填写会议主题' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      {props.themeDay && (
        <Form.Item name="activityForm" label="活动形式">
          <Select options={[...ACTIVITY_FORM_OPTIONS]} />
        </Form.Item>
      )}
    </>
  );
}
