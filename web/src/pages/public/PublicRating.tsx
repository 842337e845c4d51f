/**
 * The resident's side of the 回访 on the tracking page: proving the order is theirs (the phone's
 * last four digits) and rating the published reply — the rating is the order's 回访 answer.
 */
import { App, Button, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  publicApi,
  SATISFACTION,
  type PublicAppealStatus,
  type Satisfaction,
} from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { formatDateTime } from '../../lib/time.ts';

const fmt = (at: string) => formatDateTime(at, '');

function RateChoices(p: {
  satisfaction: Satisfaction | undefined;
  solved: boolean | undefined;
  onSatisfaction: (s: Satisfaction) => void;
  onSolved: (s: boolean) => void;
}) {
  return (
    <>
      <Typography.Title level={5}>对办理答复满意吗？</Typography.Title>
      <Radio.Group
        block
        optionType="button"
        buttonStyle="solid"
        size="large"
        value={p.satisfaction}
        onChange={(e) => p.onSatisfaction(e.target.value as Satisfaction)}
        options={SATISFACTION.map((x) => ({ value: x, label: x }))}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        问题解决了吗？
      </Typography.Title>
      <Radio.Group
        block
        optionType="button"
        size="large"
        value={p.solved}
        onChange={(e) => p.onSolved(e.target.value as boolean)}
        options={[
          { value: true, label: '已解决' },
          { value: false, label: '没有解决' },
        ]}
      />
      {p.satisfaction === '不满意' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          选择不满意后，工单将转回承办单位重新办理（重办次数有上限）。
        </Typography.Paragraph>
      )}
    </>
  );
}

const ratingText = (r: NonNullable<PublicAppealStatus['rating']>) =>
  `${r.satisfaction}，${r.solved ? '问题已解决' : '问题未解决'}${r.comment ? `，“${r.comment}”` : ''}（${fmt(r.ratedAt)}）`;

/** 验证: the phone's last four digits unlock the published reply and the rating. */
export function ProofBox({
  code,
  onProven,
}: {
  code: string;
  onProven: (s: PublicAppealStatus, phoneLast4: string) => void;
}) {
  const onError = useApiErrorHandler();
  const [digits, setDigits] = useState('');
  const [saving, setSaving] = useState(false);
  const send = async () => {
    if (!/^\d{4}$/.test(digits)) return;
    setSaving(true);
    try {
      onProven(await publicApi.prove(code, digits), digits);
    } catch (err) {
      onError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="public-rate" data-testid="public-proof">
      <Typography.Title level={5}>查看办理答复并评价</Typography.Title>
      <Typography.Paragraph type="secondary">
        为保护您的信息，请输入提交时所留电话的后四位。
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }} size="large">
        <Input
          inputMode="numeric"
          maxLength={4}
          placeholder="电话后四位"
          value={digits}
          onChange={(e) => setDigits(e.target.value.replace(/\D/g, ''))}
          onPressEnter={() => void send()}
          data-testid="public-proof-input"
        />
        <Button
          type="primary"
          loading={saving}
          disabled={digits.length !== 4}
          onClick={() => void send()}
        >
          查看答复
        </Button>
      </Space.Compact>
    </div>
  );
}

/** 评价 = 回访: the resident's answer closes the follow-up; 不满意 sends the order back. */
export function RateBox({
  status,
  phoneLast4,
  onRated,
}: {
  status: PublicAppealStatus;
  phoneLast4: string | undefined;
  onRated: (s: PublicAppealStatus) => void;
}) {
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [satisfaction, setSatisfaction] = useState<Satisfaction>();
  const [solved, setSolved] = useState<boolean>();
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  if (!status.canRate) {
    return status.rating ? (
      <div className="public-rated" data-testid="public-rated">
        您的评价：{ratingText(status.rating)}
      </div>
    ) : null;
  }
  const send = async () => {
    if (!satisfaction || solved === undefined) return;
    setSaving(true);
    try {
      const after = await publicApi.rate(status.trackingCode, {
        ...(phoneLast4 ? { phoneLast4 } : {}),
        satisfaction,
        solved,
        comment: comment.trim() || undefined,
      });
      onRated(after);
      void message.success(
        after.timeline.at(-1)?.label === '重办'
          ? '感谢您的评价，已转回承办单位重新办理'
          : '感谢您的评价',
      );
    } catch (err) {
      onError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="public-rate" data-testid="public-rate">
      {status.rating && (
        <div className="public-rated">您对上一次答复的评价：{ratingText(status.rating)}</div>
      )}
      <RateChoices
        satisfaction={satisfaction}
        solved={solved}
        onSatisfaction={setSatisfaction}
        onSolved={setSolved}
      />
      <Input.TextArea
        rows={2}
        maxLength={500}
        placeholder={
          satisfaction === '不满意' ? '哪里不满意？承办单位会看到' : '还想说点什么（可不填）'
        }
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        style={{ marginTop: 16 }}
        data-testid="public-rate-comment"
      />
      <Button
        type="primary"
        block
        size="large"
        disabled={!satisfaction || solved === undefined}
        loading={saving}
        onClick={() => void send()}
        style={{ marginTop: 12 }}
      >
        提交评价
      </Button>
    </div>
  );
}
