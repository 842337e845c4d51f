/**
 * Parts of 受理登记: the keyboard helpers (Enter moves on), the form's fixed fields, the notice of
 * the order just registered, and the save (title from the content when left empty, declared
 * fields into the payload, the chosen problem linked).
 */
import {
  Alert,
  App,
  Col,
  Form,
  Input,
  Result,
  Row,
  Select,
  TreeSelect,
  type FormInstance,
} from 'antd';
import { useState, type KeyboardEvent, type RefObject } from 'react';
import { Link } from 'react-router-dom';
import {
  appealsApi,
  CHANNELS,
  URGENCIES,
  type ActionField,
  type AppealCreate,
  type AppealDetail,
  type AppealKind,
} from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { toPayload } from './ActionFields.tsx';
import type { useProblemLink } from './ProblemHints.tsx';
import type { AppealRefs } from './refs.ts';

export interface IntakeValues {
  kind: AppealCreate['kind'];
  channel: AppealCreate['channel'];
  categoryCode: string;
  villageId?: string;
  urgency?: string;
  contactName?: string;
  contactPhone?: string;
  title?: string;
  content: string;
  address?: string;
  payload?: Record<string, unknown>;
}

type Focusable = RefObject<{ focus: () => void } | null>;

/**
 * Declared intake fields the form already asks for at the top (诉求内容, 联系人). Everything else the
 * kind declares (信访形式, 信访人, 纠纷类型 …) is rendered from the declaration below them.
 */
export const TOP_LEVEL = ['content', 'contactName'];
const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]):not([type=radio]), textarea, button[type=submit]';

/** Enter on a field moves focus on; in an open dropdown it first lets antd pick the option. */
export function moveOnEnter(e: KeyboardEvent<HTMLDivElement>) {
  const target = e.target as HTMLElement;
  if (e.key !== 'Enter' || e.shiftKey) return;
  // Textareas keep Enter for new lines; Ctrl+Enter is handled by the form (save).
  if (e.ctrlKey || target.tagName !== 'INPUT') return;
  const open = target.getAttribute('aria-expanded') === 'true';
  if (!open) e.preventDefault();
  const all = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  const next = all[all.indexOf(target) + 1];
  if (next) setTimeout(() => next.focus(), open ? 60 : 0);
}

/** Saves the order; the form keeps kind and channel for the next call and focuses its first field. */
export function useIntakeSubmit(
  form: FormInstance<IntakeValues>,
  intakeFields: ActionField[],
  problemLink: ReturnType<typeof useProblemLink>,
  firstRef: Focusable,
) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<AppealDetail>();
  const submit = async (v: IntakeValues) => {
    setSaving(true);
    try {
      const content = v.content.trim();
      const detail = await appealsApi.create(townId, {
        kind: v.kind,
        channel: v.channel,
        categoryCode: v.categoryCode,
        urgency: v.urgency,
        villageId: v.villageId,
        title: v.title?.trim() || content.slice(0, 30),
        content,
        contactName: v.contactName?.trim() || undefined,
        contactPhone: v.contactPhone?.trim() || undefined,
        address: v.address?.trim() || undefined,
        payload: toPayload(
          intakeFields.filter((f) => !TOP_LEVEL.includes(f.name)),
          v.payload,
        ),
        problem: problemLink.problem,
      });
      setCreated(detail);
      problemLink.saved(detail.problem);
      void message.success(`已受理，工单编号 ${detail.code}`);
      form.resetFields();
      form.setFieldsValue({ kind: v.kind, channel: v.channel });
      firstRef.current?.focus();
    } catch (err) {
      onError(err, { form });
    } finally {
      setSaving(false);
    }
  };
  return { saving, created, setCreated, submit };
}

/** Shown to a role that registers no kind of order. */
export function NoIntake() {
  return (
    <Result
      status="info"
      title="您的账号不办理受理登记"
      subTitle="受理登记由派单员、经办人员和村（社区）干部办理；您可以在“我的工单”中查看和办理工单。"
    />
  );
}

export function CreatedNotice({
  created,
  onClose,
}: {
  created: AppealDetail;
  onClose: () => void;
}) {
  return (
    <Alert
      type="success"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 16 }}
      message={
        <span>
          已受理工单{' '}
          <Link to={`/appeals/orders/${created.id}`} data-testid="created-code">
            {created.code}
          </Link>
          （{created.stateLabel}）
          {created.warnings.length > 0 && `：${created.warnings.join('；')}`}
        </span>
      }
    />
  );
}

/** Kind, channel and urgency; then category (focused first) and village. */
export function IntakeHeadFields({
  startable,
  refs,
  firstRef,
}: {
  startable: AppealKind[];
  refs: AppealRefs;
  firstRef: Focusable;
}) {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label="工单类型" rules={[{ required: true }]}>
            <Select options={startable.map((k) => ({ value: k.kind, label: k.label }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="channel" label="来源渠道" rules={[{ required: true }]}>
            <Select
              options={Object.entries(CHANNELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="urgency" label="紧急程度">
            <Select options={URGENCIES} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="categoryCode"
            label="诉求类别"
            rules={[{ required: true, message: '请选择诉求类别' }]}
          >
            <TreeSelect
              ref={firstRef as never}
              autoFocus
              showSearch
              treeNodeFilterProp="title"
              treeData={refs.categoryTree}
              placeholder="输入名称搜索，如“供水”"
              data-testid="intake-category"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="villageId" label="所在村（社区）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={refs.villageOptions}
              placeholder="镇区或不涉及村可不选"
              data-testid="intake-village"
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Contact, phone and address; the title; the content under the kind's own label. */
export function IntakeBodyFields({ contentLabel }: { contentLabel: string }) {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <div data-field="contactName" data-field-type="string">
            <Form.Item name="contactName" label="联系人">
              <Input maxLength={50} />
            </Form.Item>
          </div>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactPhone" label="联系电话">
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="address" label="地址">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label="标题" extra="不填则取诉求内容前 30 字">
        <Input maxLength={200} />
      </Form.Item>
      <div data-field="content" data-field-type="text">
        <Form.Item
          name="content"
          label={contentLabel}
          rules={[{ required: true, whitespace: true, message: `请填写${contentLabel}` }]}
        >
          <Input.TextArea
            rows={5}
            maxLength={20000}
            showCount
            placeholder="群众反映的具体事项、时间、地点、诉求"
          />
        </Form.Item>
      </div>
    </>
  );
}
