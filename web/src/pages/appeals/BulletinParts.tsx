/**
 * Parts of 分析通报: the period and scope toolbar (month, quarter or custom; town, village or
 * unit), the six headline figures (each opens its orders) and the 签发 write.
 */
import {
  App,
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
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { analysisApi, type Bulletin, type BulletinQuery } from './analysisApi.ts';
import type { BulletinFigure } from './BulletinDrill.tsx';
import type { IssueAs } from './IssueBulletinButton.tsx';
import type { AppealRefs } from './refs.ts';

export type Mode = 'month' | 'quarter' | 'custom';
const FIGURES: [string, string][] = [
  ['appeals.received', '受理量'],
  ['appeals.response_rate', '响应率'],
  ['appeals.resolution_rate', '解决率'],
  ['appeals.satisfaction_rate', '满意率'],
  ['appeals.on_time_closure_rate', '按时办结率'],
  ['appeals.overdue_open', '逾期未办结'],
];

export function rangeOf(mode: Mode, d: Dayjs): [string, string] {
  const unit = mode === 'month' ? 'month' : 'quarter';
  const start =
    unit === 'month' ? d.startOf('month') : d.month(Math.floor(d.month() / 3) * 3).startOf('month');
  const end = unit === 'month' ? d.endOf('month') : start.add(2, 'month').endOf('month');
  return [start.format('YYYY-MM-DD'), end.format('YYYY-MM-DD')];
}

/** 签发 freezes the bulletin's figures; `issuedVersion` counts issues so the list reloads. */
export function useIssueBulletin(query: BulletinQuery) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [issuedVersion, setIssuedVersion] = useState(0);
  const issue = async (as: IssueAs) => {
    try {
      const issued = await analysisApi.issue(townId, { ...query, ...as });
      void message.success(`已签发${issued.label}通报，数字已固定`);
      setIssuedVersion((v) => v + 1);
    } catch (err) {
      onError(err);
    }
  };
  return { issuedVersion, issue };
}

function PeriodPicker({
  mode,
  from,
  to,
  set,
}: {
  mode: Mode;
  from: string;
  to: string;
  set: (next: Record<string, string>) => void;
}) {
  if (mode === 'custom')
    return (
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
    );
  return (
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
  );
}

export function BulletinToolbar({
  mode,
  setMode,
  from,
  to,
  scope,
  set,
  refs,
}: {
  mode: Mode;
  setMode: (m: Mode) => void;
  from: string;
  to: string;
  scope: string;
  set: (next: Record<string, string>) => void;
  refs: AppealRefs;
}) {
  return (
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
      <PeriodPicker mode={mode} from={from} to={to} set={set} />
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
  );
}

export function BulletinFigures({
  totals,
  loading,
  onFigure,
}: {
  totals: Bulletin['data']['totals'];
  loading: boolean;
  onFigure: (f: BulletinFigure) => void;
}) {
  return (
    <Spin spinning={loading}>
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
                  f && onFigure({ metricId: id, params: f.params, title: `${label}：工单明细` })
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
  );
}
