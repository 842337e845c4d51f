/**
 * 分析通报: pick a period (month, quarter or custom) and a scope (the whole town as the user sees
 * it, one village or one handling unit); the server composes the bulletin from the KPI metrics.
 * Figures open the orders behind them (also from inside the preview), Word downloads in GB/T 9704
 * layout with tables. Leaders 签发 (issue) a bulletin, which freezes its figures; issued bulletins are
 * listed below. County supervisors and admins also see the ranking of their towns and click a
 * town's figure to see that town's orders behind it.
 */
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type BulletinQuery } from './analysisApi.ts';
import { BulletinDrill, type BulletinFigure } from './BulletinDrill.tsx';
import {
  BulletinFigures,
  BulletinToolbar,
  rangeOf,
  useIssueBulletin,
  type Mode,
} from './BulletinParts.tsx';
import { IssueBulletinButton } from './IssueBulletinButton.tsx';
import { IssuedBulletins, wireChips } from './IssuedBulletins.tsx';
import { RankingCard } from './RankingCard.tsx';
import { useAppealRefs } from './refs.ts';
import { townToday } from '../../lib/time.ts';

export default function BulletinPage() {
  const { townId, townName, user, grantsInTown } = useSession();
  const refs = useAppealRefs();
  const [params, setParams] = useSearchParams();
  const lastQuarter = rangeOf('quarter', townToday().subtract(3, 'month'));
  const from = params.get('from') ?? lastQuarter[0];
  const to = params.get('to') ?? lastQuarter[1];
  const scope = params.get('scope') ?? '';
  const [mode, setMode] = useState<Mode>((params.get('mode') as Mode) ?? 'quarter');
  const [figure, setFigure] = useState<BulletinFigure | null>(null);
  const set = (next: Record<string, string>) => setParams({ from, to, scope, mode, ...next });
  const focus = refs.units.find((u) => u.id === scope);
  const query: BulletinQuery = {
    from,
    to,
    ...(focus ? (focus.kind === 'village' ? { villageId: scope } : { unitId: scope }) : {}),
  };
  const bulletin = useLoader(
    (signal) =>
      refs.loading ? Promise.resolve(undefined) : analysisApi.bulletin(townId, query, signal),
    [townId, from, to, scope, refs.loading],
  );
  const canRank = (user?.grants ?? []).some(
    (g) => g.role === 'county_supervisor' || g.role === 'admin',
  );
  // 签发 is for the town's leaders and admins (appeal_analysis.issue).
  const canIssue = grantsInTown.some((g) => g.role === 'leader' || g.role === 'admin');
  const { issuedVersion, issue } = useIssueBulletin(query);
  const period = { mode, setMode, from, to, scope, set, refs };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="bulletin-page">
      <Card
        title="分析通报"
        extra={
          bulletin.data && (
            <Space>
              <Button
                href={analysisApi.bulletinDocxUrl(townId, query)}
                download
                data-testid="bulletin-docx"
              >
                下载 Word
              </Button>
              {canIssue && <IssueBulletinButton townName={townName} onIssue={issue} />}
            </Space>
          )
        }
      >
        <BulletinToolbar {...period} />
        <BulletinFigures
          totals={bulletin.data?.data.totals ?? {}}
          loading={bulletin.loading}
          onFigure={setFigure}
        />
      </Card>
      {canRank && <RankingCard from={from} to={to} onFigure={setFigure} />}
      <Card
        title="通报预览（点击文中数字可查看工单）"
        styles={{ body: { padding: 0, background: '#f5f5f5' } }}
      >
        {bulletin.data && (
          <iframe
            title="通报预览"
            data-testid="bulletin-preview"
            srcDoc={bulletin.data.html}
            onLoad={(e) => wireChips(e.currentTarget, setFigure)}
            style={{ width: '100%', height: 900, border: 0, background: '#fff' }}
          />
        )}
      </Card>
      <IssuedBulletins version={issuedVersion} onFigure={setFigure} />
      <BulletinDrill figure={figure} onClose={() => setFigure(null)} />
    </Space>
  );
}
