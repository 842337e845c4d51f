/**
 * 与本年度草稿对照 — the past report and a draft of the same person side by side, one row per 一、
 * lined up by what the headings say (server-side alignment) with the （一） under it listed, last
 * year's numbers next to this year's chips (grouped by the subsection they sit in), and last
 * year's unfilled placeholders.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Empty, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { SwapRightOutlined } from '@ant-design/icons';
import { reportsApi, type ReportSummary } from '../../api/reports.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import {
  reportAdminApi,
  type AlignedRow,
  type Comparison,
  type ImportedReport,
} from './reportAdminApi.ts';

/** Number pairs of one row, under a small heading per subsection they were stated in. */
function NumbersCell({ row }: { row: AlignedRow }) {
  if (row.numbers.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const sectionOf = (i: number) => {
    const n = row.numbers[i];
    return n?.past?.section ?? n?.current?.section ?? '';
  };
  return (
    <div className="compare-numbers">
      {row.numbers.map((n, i) => {
        const here = sectionOf(i);
        const header =
          here !== '' && here !== (i === 0 ? '' : sectionOf(i - 1)) ? (
            <div className="compare-number-section">{here}</div>
          ) : null;
        return (
          <div key={i}>
            {header}
            <div className="compare-number-pair">
              <span className="past">
                {n.past ? <Tag>{n.past.raw}</Tag> : <Tag className="none">无</Tag>}
                <small>{n.past?.subject}</small>
              </span>
              <SwapRightOutlined className="arrow" />
              <span className="current">
                {n.current ? (
                  <Tag color="blue">{n.current.display}</Tag>
                ) : (
                  <Tag className="none">无</Tag>
                )}
                <small>{n.current?.subject}</small>
              </span>
            </div>
          </div>
        );
      })}
    </div>
  );
}

function HeadingCell({
  side,
}: {
  side: {
    marker: string;
    heading: string;
    level: number;
    placeholders?: unknown[];
    subsections: { marker: string; heading: string; level: number; placeholders?: unknown[] }[];
  };
}) {
  const missing = (x: { placeholders?: unknown[] }) =>
    x.placeholders?.length ? (
      <Tag color="red" style={{ marginLeft: 4 }}>
        {x.placeholders.length} 处未填写
      </Tag>
    ) : null;
  return (
    <Space orientation="vertical" size={2}>
      <span className={`compare-heading level-${side.level}`}>
        {side.marker}
        {side.heading}
        {missing(side)}
      </span>
      {side.subsections.map((x, i) => (
        <span
          key={i}
          className={`compare-heading level-${Math.max(2, x.level)}`}
          data-testid="compare-subsection"
        >
          {x.marker}
          {x.heading}
          {missing(x)}
        </span>
      ))}
    </Space>
  );
}

/** The draft of the year after the past report's, else the newest. */
function defaultDraft(drafts: ReportSummary[], year: number | null) {
  return (
    drafts.find((x) => year !== null && x.year === year + 1) ??
    [...drafts].sort((a, b) => b.year - a.year)[0]
  );
}

/** One row per 一、: last year's heading, this year's, and their numbers side by side. */
function CompareTable({
  year,
  rows,
  loading,
}: {
  year: number | null;
  rows: AlignedRow[];
  loading: boolean;
}) {
  return (
    <Table<AlignedRow>
      data-testid="compare-table"
      className="compare-table"
      size="small"
      bordered
      loading={loading}
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={rows}
      rowClassName={(r) => (!r.imported || !r.draft ? 'compare-unmatched' : '')}
      columns={[
        {
          title: `往年报告${year ? `（${year}）` : ''}`,
          key: 'past',
          width: '30%',
          render: (_, r) =>
            r.imported ? (
              <HeadingCell side={r.imported} />
            ) : (
              <Typography.Text type="secondary">（往年无对应部分）</Typography.Text>
            ),
        },
        {
          title: '本年度草稿',
          key: 'draft',
          width: '30%',
          render: (_, r) =>
            r.draft ? (
              <HeadingCell side={r.draft} />
            ) : (
              <Typography.Text type="secondary">（本年度无对应部分）</Typography.Text>
            ),
        },
        {
          title: '数字对照（往年 → 本年）',
          key: 'numbers',
          render: (_, r) => <NumbersCell row={r} />,
        },
      ]}
    />
  );
}

/**
 * The person's reports and the comparison with the one picked; the draft for the year after the
 * past report is compared first.
 */
function useComparison(imported: ImportedReport) {
  const { townId } = useSession();
  const personId = imported.personId;
  const reports = useLoader(
    async (): Promise<ReportSummary[]> =>
      personId ? (await reportsApi.list(townId, { personId, limit: 50 })).items : [],
    [townId, personId],
  ).data;
  const [picked, setReportId] = useState<string>();
  const reportId = picked ?? defaultDraft(reports ?? [], imported.year)?.id;
  const compared = useLoader(
    async (): Promise<Comparison | null> =>
      reportId ? await reportAdminApi.compare(townId, imported.id, reportId) : null,
    [townId, imported.id, reportId],
  );
  return {
    reports,
    reportId,
    setReportId,
    comparison: compared.data ?? null,
    loading: compared.loading,
  };
}

export function ImportComparePanel({ imported }: { imported: ImportedReport }) {
  const { reports, reportId, setReportId, comparison, loading } = useComparison(imported);

  if (!imported.personId) return <Empty description="导入时未指定人员，无法与其草稿对照" />;
  if (!reports) return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  if (reports.length === 0)
    return (
      <Empty
        description={
          <>
            该人员还没有述职报告，请先在<Link to="/reports">述职报告</Link>中生成初稿
          </>
        }
      />
    );

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>对照的报告：</Typography.Text>
        <Select
          style={{ width: 240 }}
          value={reportId}
          onChange={setReportId}
          data-testid="compare-report"
          options={reports.map((r) => ({
            value: r.id,
            label: `${r.year} 年度 · ${r.state === 'frozen' ? '已定稿' : '草稿'}`,
          }))}
        />
        {reportId && <Link to={`/reports/${reportId}`}>打开该报告</Link>}
      </Space>
      <CompareTable year={imported.year} rows={comparison?.aligned ?? []} loading={loading} />
    </>
  );
}
