/**
 * Deciding a proposal of 重复诉求识别: 并入问题 (adds its orders to the existing problem),
 * 确认为问题 (a form: name, owner, due date; creates the problem with exactly the listed orders)
 * and 忽略 (a form: the reason; the group is not proposed again).
 */
import { App, DatePicker, Form, Input, Modal, Select, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { analysisApi, type Proposal } from './analysisApi.ts';
import type { ProposalDecisions } from './ProposalTable.tsx';
import type { AppealRefs } from './refs.ts';

/** 确认为问题: the form, opened with the suggested name; confirming creates the problem. */
function useConfirmProposal(drop: (p: Proposal) => void, onConfirmed: (id: string) => void) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [confirming, setConfirming] = useState<Proposal | null>(null);
  const [form] = Form.useForm();
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
  const start = (p: Proposal) => {
    setConfirming(p);
    form.setFieldsValue({
      title: p.suggestedTitle.replace(/（重复诉求）$/, ''),
      ownerUnitId: undefined,
      dueOn: undefined,
    });
  };
  const modal: DecisionModalProps = {
    proposal: confirming,
    form,
    onOk: () => void confirm(),
    onCancel: () => setConfirming(null),
  };
  return { start, modal };
}

/** 忽略: the reason form; the group is remembered and not proposed again. */
function useDismissProposal(drop: (p: Proposal) => void) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [dismissing, setDismissing] = useState<Proposal | null>(null);
  const [dismissForm] = Form.useForm();
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
  const start = (p: Proposal) => {
    setDismissing(p);
    dismissForm.resetFields();
  };
  const modal: DecisionModalProps = {
    proposal: dismissing,
    form: dismissForm,
    onOk: () => void dismiss(),
    onCancel: () => setDismissing(null),
  };
  return { start, modal };
}

export function useProposalDecisions(
  drop: (p: Proposal) => void,
  onConfirmed: (problemId: string) => void,
) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const confirming = useConfirmProposal(drop, onConfirmed);
  const dismissing = useDismissProposal(drop);

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
  const decide: ProposalDecisions = {
    extend: (p) => void extend(p),
    startConfirm: confirming.start,
    startDismiss: dismissing.start,
  };
  return { decide, confirmModal: confirming.modal, dismissModal: dismissing.modal };
}

interface DecisionModalProps {
  proposal: Proposal | null;
  form: FormInstance;
  onOk: () => void;
  onCancel: () => void;
}

export function ConfirmProblemModal({
  proposal,
  form,
  onOk,
  onCancel,
  refs,
}: DecisionModalProps & { refs: AppealRefs }) {
  return (
    <Modal
      open={!!proposal}
      title="确认为问题清单"
      okText="确认"
      onOk={onOk}
      onCancel={onCancel}
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
          将关联 {proposal?.orders.length ?? 0} 件工单。
        </Typography.Text>
      </Form>
    </Modal>
  );
}

export function DismissProposalModal({ proposal, form, onOk, onCancel }: DecisionModalProps) {
  return (
    <Modal
      open={!!proposal}
      title="忽略这条建议"
      okText="忽略"
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Typography.Paragraph>
          「{proposal?.suggestedTitle}」的 {proposal?.orders.length ?? 0}{' '}
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
  );
}
