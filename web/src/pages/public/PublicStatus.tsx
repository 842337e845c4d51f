/**
 * 查询进度: status of one appeal by its tracking code, its public steps and photos; with the
 * phone's last four digits, the published reply and the resident's rating (the 回访 answer).
 */
import { Button, Card, Empty, Image, Input, Space, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/time.ts';
import { useState } from 'react';
import type { PublicAppealStatus } from '../../api/appeals.ts';
import { PublicPrivacyNote } from './PublicPrivacy.tsx';
import { ProofBox, RateBox } from './PublicRating.tsx';
import type { StatusWithPhotos } from './publicPhotos.ts';
import { usePublicLookup } from './usePublicLookup.ts';

const fmt = (at: string | null | undefined) => formatDateTime(at, '');

/** Tracking code, state, category, place and dates. */
function StatusHead({ status }: { status: StatusWithPhotos }) {
  return (
    <>
      <div className="public-status-head" data-testid="public-status-head">
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
    </>
  );
}

/** The published 情况说明 and 办理答复, or the privacy note when nothing is published. */
function PublishedTexts({ status }: { status: StatusWithPhotos }) {
  return (
    <>
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
    </>
  );
}

function StatusPhotos({ photos }: { photos: NonNullable<StatusWithPhotos['photos']> }) {
  return (
    <Image.PreviewGroup>
      <Space wrap style={{ marginTop: 16 }} data-testid="public-photos-shown">
        {photos.map((p) => (
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
  );
}

/** The public steps, newest first. */
function StatusSteps({ timeline }: { timeline: StatusWithPhotos['timeline'] }) {
  return (
    <Timeline
      style={{ marginTop: 20 }}
      items={[...timeline].reverse().map((e, i) => ({
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
  );
}

/** One order as the public sees it: status, place, dates, published text, photos, steps, rating. */
function StatusDetails({
  status,
  phoneLast4,
  onProven,
  onRated,
}: {
  status: StatusWithPhotos;
  phoneLast4: string | undefined;
  onProven: (s: PublicAppealStatus, phoneLast4: string) => void;
  onRated: (s: PublicAppealStatus) => void;
}) {
  return (
    <div className="public-status" data-testid="public-status">
      <StatusHead status={status} />
      <PublishedTexts status={status} />
      {(status.photos ?? []).length > 0 && <StatusPhotos photos={status.photos!} />}
      {status.timeline.length > 0 && <StatusSteps timeline={status.timeline} />}
      {status.proven ? (
        <RateBox status={status} phoneLast4={phoneLast4} onRated={onRated} />
      ) : (
        <ProofBox code={status.trackingCode} onProven={onProven} />
      )}
    </div>
  );
}

export function PublicStatus({ initialCode }: { initialCode: string }) {
  const [code, setCode] = useState(initialCode);
  const { status, phoneLast4, loading, lookup, proven, rated } = usePublicLookup(initialCode);

  return (
    <Card className="public-card">
      <Space.Compact style={{ width: '100%' }} size="large">
        <Input
          placeholder="请输入查询码"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => lookup(code)}
          data-testid="public-lookup-input"
        />
        <Button type="primary" loading={loading} onClick={() => lookup(code)}>
          查询
        </Button>
      </Space.Compact>
      {status === null && (
        <Empty style={{ marginTop: 24 }} description="没有找到这个查询码，请核对后重试" />
      )}
      {status && (
        <StatusDetails status={status} phoneLast4={phoneLast4} onProven={proven} onRated={rated} />
      )}
    </Card>
  );
}
