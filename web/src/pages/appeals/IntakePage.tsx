/**
 * 受理登记: the dispatcher's intake form, built for the keyboard. The first field is focused,
 * Enter moves to the next field (and picks the highlighted option in a dropdown first),
 * Ctrl+Enter saves. Orders of the same village and category are shown as possible duplicates.
 */
import { Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ActionFields } from './ActionFields.tsx';
import {
  CreatedNotice,
  IntakeBodyFields,
  IntakeHeadFields,
  moveOnEnter,
  NoIntake,
  TOP_LEVEL,
  useIntakeSubmit,
  type IntakeValues,
} from './IntakeParts.tsx';
import { ChoiceNote, LinkedNote, useProblemLink } from './ProblemHints.tsx';
import { SimilarOrders } from './SimilarOrders.tsx';
import { useAppealRefs } from './refs.ts';

export default function IntakePage() {
  const refs = useAppealRefs();
  const [form] = Form.useForm<IntakeValues>();
  const firstRef = useRef<{ focus: () => void }>(null);
  const startable = refs.kinds.filter((k) => k.mayStart);
  const kind = Form.useWatch('kind', form) ?? startable[0]?.kind;
  const villageId = Form.useWatch('villageId', form);
  const categoryCode = Form.useWatch('categoryCode', form);
  const typedContent = Form.useWatch('content', form);
  const contactPhone = Form.useWatch('contactPhone', form);
  const problemLink = useProblemLink();
  const kindDef = refs.kinds.find((k) => k.kind === kind);
  const intakeFields = kindDef?.actions.find((a) => a.from.length === 0)?.fields ?? [];
  const contentLabel = intakeFields.find((f) => f.name === 'content')?.label ?? '诉求内容';
  const { saving, created, setCreated, submit } = useIntakeSubmit(
    form,
    intakeFields,
    problemLink,
    firstRef,
  );

  useEffect(() => firstRef.current?.focus(), [refs.loading]);
  // The first kind the caller may register, once the kinds are known (paidan: 12345, a village
  // cadre: 矛盾纠纷), so the form never opens on a kind the server would refuse.
  const firstKind = startable[0]?.kind;
  useEffect(() => {
    if (firstKind && !form.getFieldValue('kind'))
      form.setFieldsValue({ kind: firstKind as IntakeValues['kind'] });
  }, [firstKind, form]);

  const ctrlEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && e.ctrlKey) form.submit();
  };

  if (!refs.loading && refs.kinds.length > 0 && startable.length === 0) return <NoIntake />;

  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Card
          title="受理登记"
          extra={<Typography.Text type="secondary">回车跳到下一项，Ctrl+回车保存</Typography.Text>}
        >
          {created && <CreatedNotice created={created} onClose={() => setCreated(undefined)} />}
          <LinkedNote linked={created && problemLink.linked} />
          <div onKeyDown={moveOnEnter}>
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ channel: 'hotline_12345', urgency: 'general' }}
              onKeyDown={ctrlEnter}
            >
              <IntakeHeadFields startable={startable} refs={refs} firstRef={firstRef} />
              <IntakeBodyFields contentLabel={contentLabel} />
              <ActionFields fields={intakeFields} refs={refs} skip={TOP_LEVEL} />
              <Space>
                <Button type="primary" htmlType="submit" loading={saving}>
                  受理
                </Button>
                <ChoiceNote
                  choice={problemLink.choice}
                  onClear={() => problemLink.setChoice(undefined)}
                />
              </Space>
            </Form>
          </div>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <SimilarOrders
          villageId={villageId}
          categoryCode={categoryCode}
          text={typedContent}
          phone={contactPhone}
          refs={refs}
          choice={problemLink.choice}
          onChoose={problemLink.setChoice}
        />
      </Col>
    </Row>
  );
}
