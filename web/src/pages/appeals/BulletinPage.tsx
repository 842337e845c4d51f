/**
 * 分析通报: pick a period (month, quarter or custom) and a scope (the whole town as the user sees
 * it, one village or one handling unit); the server composes the bulletin from the KPI metrics.
 * Figures open the orders behind them (also from inside the preview), Word downloads in GB/T 9704
 * layout with tables. Leaders 签发 (issue) a bulletin, which freezes its figures; issued bulletins are
 * listed below. County supervisors and admins also see the ranking of their towns and click a
 * town's figure to see that town's orders behind it.
 */
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type BulletinQuery } from './analysisApi.ts';
import { BulletinDrill, type BulletinFigure } from './BulletinDrill.tsx';
import { IssueBulletinButton, type IssueAs } from './IssueBulletinButton.tsx';
import { IssuedBulletins, wireChips } from './IssuedBulletins.tsx';
import { RankingCard } from './RankingCard.tsx';
import { useAppealRefs } from './refs.ts';
import { townToday } from '../../lib/time.ts';

type Mode = 'month' | 'quarter' | 'custom';
const FIGURES: [string, string][] = [
  ['appeals.received', '受理量'],
  ['appeals.response_rate', '响应率'],
  ['appeals.resolution_rate', '解决率'],
  ['appeals.satisfaction_rate', '满意率'],
  ['appeals.on_time_closure_rate', '按时办结率'],
  ['appeals.overdue_open', '逾期未办结'],
];

function rangeOf(mode: Mode, d: Dayjs): [string, string] {
  const unit = mode === 'month' ? 'month' : 'quarter';
  const start =
    unit === 'month' ? d.startOf('month') : d.month(Math.floor(d.month() / 3) * 3).startOf('month');
  const end = unit === 'month' ? d.endOf('month') : start.add(2, 'month').endOf('month');
  return [start.format('YYYY-MM-DD'), end.format('YYYY-MM-DD')];
}

export default function BulletinPage() {
  const { townId, townName, user, grantsInTown } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [issuedVersion, setIssuedVersion] = useState(0);
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
  const issue = async (as: IssueAs) => {
    try {
      const issued = await analysisApi.issue(townId, { ...query, ...as });
      void message.success(`已签发${issued.label}通报，数字已固定`);
      setIssuedVersion((v) => v + 1);
    } catch (err) {
      onError(err);
    }
  };
  const totals = bulletin.data?.data.totals ?? {};

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
        <Space wrap>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            optionType="button"
            options={[
              { value: 'month', label: '月度' },
              { value: 'quarter', label: '季度' },
              { value: 'custom', label: '自定义' },
            ]}
          />
          {mode === 'custom' ? (
            <DatePicker.RangePicker
              value={[dayjs(from), dayjs(to)]}
              allowClear={false}
              onChange={(v) =>
                v &&
                v[0] &&
                v[1] &&
                set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
              }
            />
          ) : (
            <DatePicker
              picker={mode}
              value={dayjs(from)}
              allowClear={false}
              onChange={(d) => {
                if (d) {
                  const [f, t] = rangeOf(mode, d);
                  set({ from: f, to: t });
                }
              }}
              data-testid="bulletin-period"
            />
          )}
          <Select
            style={{ width: 220 }}
            value={scope}
            onChange={(v) => set({ scope: v })}
            showSearch
            optionFilterProp="label"
            aria-label="通报范围"
            options={[
              { value: '', label: '全镇（本人可见范围）' },
              { label: '村（社区）', options: refs.villageOptions },
              {
                label: '承办单位',
                options: refs.unitOptions.filter(
                  (u) => !refs.villageOptions.some((v) => v.value === u.value),
                ),
              },
            ]}
          />
          <Typography.Text type="secondary">
            {from} 至 {to}
          </Typography.Text>
        </Space>
        <Spin spinning={bulletin.loading}>
          <Row gutter={[12, 12]} style={{ marginTop: 16 }}>
            {FIGURES.map(([id, label]) => {
              const f = totals[id];
              return (
                <Col key={id} xs={12} md={8} xl={4}>
                  <Card
                    size="small"
                    hoverable
                    data-testid={`bulletin-${id}`}
                    onClick={() =>
                      f &&
                      setFigure({ metricId: id, params: f.params, title: `${label}：工单明细` })
                    }
                  >
                    <Statistic
                      title={label}
                      value={f?.value ?? '—'}
                      suffix={f && f.value !== null ? f.unit : undefined}
                      precision={f?.unit === '%' ? 2 : 0}
                    />
                  </Card>
                </Col>
              );
            })}
          </Row>
        </Spin>
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
