/**
 * 我的工作 — the first row of the 工作台: what waits for the signed-in user today (orders they can
 * act on, unacknowledged reminders and 督办, overdue orders in their scope) and the state of their
 * own duty report. Each card opens the page behind its number; a card whose API the user may not
 * call (e.g. a dispatcher has no report) is not asked at all: the session says which route policies
 * the server lets the user through (Session.allows).
 */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { AlertOutlined, BellOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { appealsApi } from '../../api/appeals.ts';
import { reportsApi, type ReportSummary } from '../../api/reports.ts';
import { useSession } from '../../session/session.tsx';
import { operationsApi } from '../appeals/operations.api.ts';

interface MyWork {
  queue?: { count: number; truncated: boolean };
  reminders?: number;
  overdue?: { count: number; truncated: boolean };
  report?: ReportSummary | null;
}

/** Resolves to `undefined` when the caller may not use that API (403/404), so the card is hidden. */
const optional = <T,>(p: Promise<T>): Promise<T | undefined> => p.catch(() => undefined);

export function MyWorkCards() {
  const { townId, user, allows } = useSession();
  const readsReports = allows('reports.read');
  const readsAppeals = allows('appeals.read');
  const navigate = useNavigate();
  const [work, setWork] = useState<MyWork | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    const personId = user?.personId ?? null;
    const none = Promise.resolve(undefined);
    Promise.all([
      readsAppeals ? optional(operationsApi.queue(townId, ctrl.signal)) : none,
      readsAppeals ? optional(operationsApi.reminderCount(townId, ctrl.signal)) : none,
      readsAppeals ? optional(appealsApi.overduePage(townId, ctrl.signal)) : none,
      personId && readsReports
        ? optional(reportsApi.list(townId, { personId, limit: 5 }, ctrl.signal))
        : none,
    ]).then(([queue, reminders, overdue, reports]) => {
      if (ctrl.signal.aborted) return;
      const newest = reports
        ? ([...reports.items].sort((a, b) => b.year - a.year)[0] ?? null)
        : undefined;
      setWork({
        queue: queue && { count: queue.items.length, truncated: queue.truncated },
        reminders,
        overdue: overdue && { count: overdue.items.length, truncated: overdue.truncated },
        report: newest,
      });
    });
    return () => ctrl.abort();
  }, [townId, user?.personId, readsReports, readsAppeals]);

  if (!work) return <Card loading style={{ marginBottom: 16 }} />;
  const reportText =
    work.report === null
      ? '尚未起草'
      : work.report
        ? `${work.report.year} 年 · ${work.report.state === 'frozen' ? '已定稿' : '草稿'}`
        : undefined;
  const cards = [
    work.queue && {
      key: 'queue',
      title: '待我处理的工单',
      value: work.queue.truncated ? `${work.queue.count}+` : work.queue.count,
      icon: <InboxOutlined />,
      to: '/appeals/orders',
    },
    work.reminders !== undefined && {
      key: 'reminders',
      title: '未签收的提醒/督办',
      value: work.reminders,
      icon: <BellOutlined />,
      to: '/appeals/reminders',
      warn: work.reminders > 0,
    },
    work.overdue && {
      key: 'overdue',
      title: '超期工单（我的范围）',
      value: work.overdue.truncated ? `${work.overdue.count}+` : work.overdue.count,
      icon: <AlertOutlined />,
      to: '/appeals/overdue',
      warn: work.overdue.count > 0,
    },
    reportText !== undefined && {
      key: 'report',
      title: '我的述职报告',
      value: reportText,
      icon: <FileTextOutlined />,
      to: work.report ? `/reports/${work.report.id}` : '/reports',
    },
  ].filter((c): c is Exclude<typeof c, false | undefined> => Boolean(c));
  if (!cards.length) return null;

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="my-work">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={6}>
          <Card hoverable onClick={() => navigate(c.to)} data-testid={`my-work-${c.key}`}>
            <Statistic
              title={c.title}
              value={c.value}
              prefix={c.icon}
              valueStyle={'warn' in c && c.warn ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
