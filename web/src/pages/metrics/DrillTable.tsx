/**
 * The records behind a metric value (drill-down), paged with the server's cursor: date, group,
 * the measured value for sums / distinct counts / rates, and the ledger's leading fields.
 * The parent remounts it (key) when metric, period or scope change, so paging restarts.
 */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Table } from 'antd';
import type { LedgerType } from '../../api/ledgers.ts';
import {
  metricsApi,
  type DrillItem,
  type MetricInfo,
  type MetricQuery,
} from '../../api/metrics.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { PrevNextPager } from '../../layout/PrevNextPager.tsx';
import { useSession } from '../../session/session.tsx';
import type { RefData } from '../ledgers/fieldFormat.ts';
import { drillColumns } from './drillColumns.tsx';

const PAGE_SIZE = 50;

interface Props {
  metric: MetricInfo;
  query: MetricQuery;
  type: LedgerType | undefined;
  refData: RefData;
}

export function DrillTable({ metric, query, type, refData }: Props) {
  const { townId } = useSession();
  const list = usePagedList(
    (cursor, signal) =>
      metricsApi.records(townId, metric.id, { ...query, cursor, limit: PAGE_SIZE }, signal),
    [townId, metric.id, query],
  );
  const groupBy = query.groupBy;
  const columns = useMemo(
    () => drillColumns({ metric, groupBy, type, refData, townId }),
    [metric, groupBy, type, refData, townId],
  );

  return (
    <>
      <Table<DrillItem>
        rowKey="id"
        data-testid="drill-table"
        size="small"
        columns={columns}
        dataSource={list.rows}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '该期间和范围内没有记录' }}
      />
      <PrevNextPager
        page={list.number}
        pageSize={PAGE_SIZE}
        hasNext={list.hasNext}
        onPrev={list.prev}
        onNext={list.next}
        start={
          metric.derived ? (
            <span>由党建工作记录自动生成</span>
          ) : (
            <Link to={`/ledgers/${metric.typeCode}`}>打开“{metric.typeName}”台账</Link>
          )
        }
      />
    </>
  );
}
