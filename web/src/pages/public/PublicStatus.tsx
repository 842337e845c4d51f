/** 查询进度: status of one appeal by its tracking code, its public steps and photos, and the resident's rating. */
import {
  App,
  Button,
  Card,
  Empty,
  Image,
  Input,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { formatDateTime } from '../../lib/time.ts';
import { useCallback, useEffect, useState } from 'react';
import {
  publicApi,
  SATISFACTION,
  type PublicAppealStatus,
  type Satisfaction,
} from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { PublicPrivacyNote } from './PublicPrivacy.tsx';
import type { StatusWithPhotos } from './publicPhotos.ts';

const fmt = (at: string | null | undefined) => formatDateTime(at, '');

function RateBox({
  status,
  onRated,
}: {
  status: PublicAppealStatus;
  onRated: (s: PublicAppealStatus) => void;
}) {
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [satisfaction, setSatisfaction] = useState<Satisfaction>();
  const [solved, setSolved] = useState<boolean>();
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  if (status.rating) {
    return (
      <div className="public-rated">
        您的评价：{status.rating.satisfaction}，{status.rating.solved ? '问题已解决' : '问题未解决'}
        （{fmt(status.rating.ratedAt)}）
      </div>
    );
  }
  if (!status.canRate) return null;
  const send = async () => {
    if (!satisfaction || solved === undefined) return;
    setSaving(true);
    try {
      onRated(
        await publicApi.rate(status.trackingCode, {
          satisfaction,
          solved,
          comment: comment.trim() || undefined,
        }),
      );
      void message.success('感谢您的评价');
    } catch (err) {
      onError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="public-rate" data-testid="public-rate">
      <Typography.Title level={5}>对办理结果满意吗？</Typography.Title>
      <Radio.Group
        block
        optionType="button"
        buttonStyle="solid"
        size="large"
        value={satisfaction}
        onChange={(e) => setSatisfaction(e.target.value as Satisfaction)}
        options={SATISFACTION.map((x) => ({ value: x, label: x }))}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        问题解决了吗？
      </Typography.Title>
      <Radio.Group
        block
        optionType="button"
        size="large"
        value={solved}
        onChange={(e) => setSolved(e.target.value as boolean)}
        options={[
          { value: true, label: '已解决' },
          { value: false, label: '没有解决' },
        ]}
      />
      <Input.TextArea
        rows={2}
        maxLength={500}
        placeholder="还想说点什么（可不填）"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        style={{ marginTop: 16 }}
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

/** One order as the public sees it: status, place, dates, published text, photos, steps, rating. */
function StatusDetails({
  status,
  onRated,
}: {
  status: StatusWithPhotos;
  onRated: (s: PublicAppealStatus) => void;
}) {
  return (
    <div className="public-status" data-testid="public-status">
      <div className="public-status-head">
        <span className="public-status-code">{status.trackingCode}</span>
        <Tag
          color={status.status === 'closed' ? 'green' : 'processing'}
          style={{ fontSize: 15, padding: '2px 10px' }}
        >
          {status.stateLabel}
        </Tag>
      </div>
      <div className="public-status-title">{status.categoryName ?? '群众诉求'}</div>
      <div className="public-status-meta">
        {[status.townName, status.villageName].filter(Boolean).join(' · ')}
      </div>
      <div className="public-status-meta">提交时间 {fmt(status.receivedAt)}</div>
      {status.expectedAt && (
        <div className="public-status-meta">承诺办结 {fmt(status.expectedAt)} 前</div>
      )}
      {status.closedAt && <div className="public-status-meta">办结时间 {fmt(status.closedAt)}</div>}
      {status.description && (
        <div className="public-text" data-testid="public-description">
          <div className="public-text-label">情况说明</div>
          {status.description}
        </div>
      )}
      {status.reply && (
        <div className="public-text" data-testid="public-reply">
          <div className="public-text-label">办理答复</div>
          {status.reply}
        </div>
      )}
      {!status.description && !status.reply && <PublicPrivacyNote compact />}
      {(status.photos ?? []).length > 0 && (
        <Image.PreviewGroup>
          <Space wrap style={{ marginTop: 16 }} data-testid="public-photos-shown">
            {status.photos!.map((p) => (
              <Image
                key={p.url}
                src={p.url}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                alt={p.fromResident ? '我上传的照片' : '办理现场照片'}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {status.timeline.length > 0 && (
        <Timeline
          style={{ marginTop: 20 }}
          items={[...status.timeline].reverse().map((e, i) => ({
            key: i,
            color: i === 0 ? 'red' : 'gray',
            content: (
              <span>
                {e.label}（{e.stateLabel}）<br />
                <Typography.Text type="secondary">{fmt(e.at)}</Typography.Text>
              </span>
            ),
          }))}
        />
      )}
      <RateBox status={status} onRated={onRated} />
    </div>
  );
}

export function PublicStatus({ initialCode }: { initialCode: string }) {
  const onError = useApiErrorHandler();
  const [code, setCode] = useState(initialCode);
  const [status, setStatus] = useState<StatusWithPhotos | null>();
  const [loading, setLoading] = useState(false);

  const lookup = useCallback(
    async (c: string) => {
      if (!c.trim()) return;
      setLoading(true);
      try {
        setStatus(await publicApi.status(c.trim()));
      } catch (err) {
        setStatus(null);
        onError(err);
      } finally {
        setLoading(false);
      }
    },
    [onError],
  );

  useEffect(() => {
    if (initialCode) void lookup(initialCode);
  }, [initialCode, lookup]);

  return (
    <Card className="public-card">
      <Space.Compact style={{ width: '100%' }} size="large">
        <Input
          placeholder="请输入查询码"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => void lookup(code)}
          data-testid="public-lookup-input"
        />
        <Button type="primary" loading={loading} onClick={() => void lookup(code)}>
          查询
        </Button>
      </Space.Compact>
      {status === null && (
        <Empty style={{ marginTop: 24 }} description="没有找到这个查询码，请核对后重试" />
      )}
      {status && <StatusDetails status={status} onRated={setStatus} />}
    </Card>
  );
}
