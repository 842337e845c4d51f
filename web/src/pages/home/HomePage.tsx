/**
 * 工作台 — first what waits for the user (MyWorkCards), then the town at a glance: how many
 * villages, cadres and positions it has, and who holds each portfolio (分管领域). The ECharts bar
 * chart is loaded only when asked for, so the home page stays within its JavaScript budget
 * (DESIGN §11). A system operator (系统运维) holds no town role: their 工作台 is the national work
 * calendar they keep, nothing of a town's.
 */
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import {
  ApartmentOutlined,
  BarChartOutlined,
  EnvironmentOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useSession } from '../../session/session.tsx';
import { MyWorkCards } from './MyWorkCards.tsx';
import { PortfolioHolders } from './PortfolioHolders.tsx';
import { useTownOverview, type TownCounts, type TownOverview } from './useTownOverview.ts';

const PortfolioChart = lazy(() => import('./PortfolioChart.tsx'));

export default function HomePage() {
  const { allows } = useSession();
  return allows('org.read') ? <TownHome /> : <SystemHome />;
}

function SystemHome() {
  const { user } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {user?.displayName}，您好！
      </Typography.Title>
      <Card title="系统运维" data-testid="system-home">
        <Typography.Paragraph>
          您负责全国统一的工作日历：国务院办公厅发布放假通知后，录入当年的放假和调休上班日期，各乡镇工单的办理期限随之重算。系统运维不能查看乡镇的工单和台账。
        </Typography.Paragraph>
        <Button type="primary" onClick={() => navigate('/settings/work-calendar')}>
          打开工作日历
        </Button>
      </Card>
    </>
  );
}

/** The four counts, each opening its org page. */
function CountCards({ counts }: { counts: TownCounts | null }) {
  const navigate = useNavigate();
  const stats = [
    {
      title: '村（社区）',
      value: counts?.villages,
      icon: <EnvironmentOutlined />,
      to: '/org/liaisons',
      testId: 'count-villages',
    },
    {
      title: '单位',
      value: counts?.units,
      icon: <ApartmentOutlined />,
      to: '/org/units',
      testId: 'count-units',
    },
    {
      title: '人员',
      value: counts?.people,
      icon: <TeamOutlined />,
      to: '/org/people',
      testId: 'count-people',
    },
    {
      title: '在任职务',
      value: counts?.positions,
      icon: <SolutionOutlined />,
      to: '/org/positions',
      testId: 'count-positions',
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {stats.map((s) => (
        <Col key={s.title} xs={12} md={6}>
          <Card hoverable onClick={() => navigate(s.to)} data-testid={s.testId}>
            <Statistic title={s.title} value={s.value ?? '—'} prefix={s.icon} loading={!counts} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 班子成员分管领域 as a list, or as a bar chart loaded on demand. */
function PortfolioCard({ overview }: { overview: TownOverview }) {
  const { counts, positions, portfolios } = overview;
  const [showChart, setShowChart] = useState(false);
  return (
    <Card
      title="班子成员分管领域"
      style={{ marginTop: 16 }}
      extra={
        <Button
          type="text"
          icon={showChart ? <UnorderedListOutlined /> : <BarChartOutlined />}
          onClick={() => setShowChart(!showChart)}
        >
          {showChart ? '列表' : '统计图'}
        </Button>
      }
    >
      {!counts ? (
        <Skeleton active />
      ) : showChart ? (
        <Suspense fallback={<Skeleton active />}>
          <PortfolioChart positions={positions} portfolios={portfolios} />
        </Suspense>
      ) : (
        <PortfolioHolders positions={positions} portfolios={portfolios} />
      )}
    </Card>
  );
}

function TownHome() {
  const { townId, townName, user } = useSession();
  const overview = useTownOverview(townId);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {user?.displayName}，您好！这里是{townName}工作台
      </Typography.Title>
      <MyWorkCards />
      <CountCards counts={overview.counts} />
      <PortfolioCard overview={overview} />
    </>
  );
}
