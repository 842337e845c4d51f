/**
 * 已签发通报: every bulletin the town issued (第N期, period, scope, who and when). Opening one shows
 * the stored document — the figures as issued, never recomputed — whose numbers still open the
 * orders behind their metric reference; Word comes from the stored figures too.
 */
import { Button, Card, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type IssuedSummary } from './analysisApi.ts';
import type { BulletinFigure } from './BulletinDrill.tsx';
import { formatTime } from './DueTag.tsx';

/** Makes the metric chips of a preview iframe open their drill-down. */
export function wireChips(frame: HTMLIFrameElement, onFigure: (f: BulletinFigure) => void) {
  frame.contentDocument?.querySelectorAll<HTMLElement>('.metric').forEach((el) => {
    el.style.cursor = 'pointer';
    el.style.borderBottom = '1px dashed #c8102e';
    el.title = '点击查看构成该数字的工单';
    el.onclick = () =>
      onFigure({
        metricId: el.dataset.metricId!,
        params: JSON.parse(el.dataset.params ?? '{}'),
        title: `${el.textContent}：工单明细`,
      });
  });
}

export function IssuedBulletins({
  version,
  onFigure,
}: {
  version: number;
  onFigure: (f: BulletinFigure) => void;
}) {
  const { townId } = useSession();
  const list = useLoader((signal) => analysisApi.issued(townId, signal), [townId, version]);
  const [openId, setOpenId] = useState<string | null>(null);
  const one = useLoader(
    (signal) =>
      openId ? analysisApi.issuedOne(townId, openId, signal) : Promise.resolve(undefined),
    [townId, openId],
  );
  return (
    <Card title="已签发通报" data-testid="issued-bulletins">
      <Table<IssuedSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '尚未签发通报' }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '期数', dataIndex: 'label', width: 130, render: (l: string) => <a>{l}</a> },
          { title: '通报', dataIndex: 'title' },
          { title: '期间', width: 200, render: (_, r) => `${r.from} 至 ${r.to}` },
          { title: '签发人', dataIndex: 'issuedByName', width: 100 },
          { title: '签发时间', dataIndex: 'issuedAt', width: 150, render: formatTime },
        ]}
      />
      <Drawer
        open={!!openId}
        onClose={() => setOpenId(null)}
        size="large"
        destroyOnHidden
        data-testid="issued-drawer"
        title={one.data ? `${one.data.title}（${one.data.label}）` : '通报'}
        extra={
          one.data && (
            <Button
              type="primary"
              href={analysisApi.issuedDocxUrl(townId, one.data.id)}
              download
              data-testid="issued-docx"
            >
              下载 Word
            </Button>
          )
        }
      >
        {one.data && (
          <>
            <Typography.Paragraph type="secondary" data-testid="issued-meta">
              {one.data.issuedByName} 于 {formatTime(one.data.issuedAt)}{' '}
              签发，数字按签发时的数据固定，之后工单变化不影响本期通报；点击数字查看该指标当前对应的工单。
            </Typography.Paragraph>
            <iframe
              title="已签发通报"
              data-testid="issued-preview"
              srcDoc={one.data.html}
              onLoad={(e) => wireChips(e.currentTarget, onFigure)}
              style={{ width: '100%', height: 800, border: 0, background: '#fff' }}
            />
          </>
        )}
      </Drawer>
    </Card>
  );
}
