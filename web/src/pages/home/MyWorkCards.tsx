/**
 * 我的工作 — the first row of the 工作台: what waits for the signed-in user today (orders they can
 * act on, unacknowledged reminders and 督办, overdue orders in their scope) and the state of their
 * own duty report. Each card opens the page behind its number; a card whose API the user may not
 * call (e.g. a dispatcher has no report) is not asked at all: the session says which route policies
 * the server lets the user through (Session.allows).
 */
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { AlertOutlined, BellOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { useMyWork, type MyWork } from './useMyWork.ts';

interface WorkCard {
  key: string;
  title: string;
  value: string | number;
  icon: ReactNode;
  to: string;
  warn?: boolean;
}

/** The cards of what was asked and answered, in a fixed order. */
function workCards(work: MyWork): WorkCard[] {
  const reportText =
    work.report === null
      ? '尚未起草'
      : work.report
        ? `${work.report.year} 年 · ${work.report.state === 'frozen' ? '已定稿' : '草稿'}`
        : undefined;
  const cards: (WorkCard | false | undefined)[] = [
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
  ];
  return cards.filter((c): c is WorkCard => Boolean(c));
}

export function MyWorkCards() {
  const navigate = useNavigate();
  const work = useMyWork();
  if (!work) return <Card loading style={{ marginBottom: 16 }} />;
  const cards = workCards(work);
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
              valueStyle={c.warn ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
