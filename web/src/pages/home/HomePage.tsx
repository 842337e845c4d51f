/**
 * 工作台 — first what waits for the user (MyWorkCards), then the town at a glance: how many
 * villages, cadres and positions it has, and who holds each portfolio (分管领域). The ECharts bar
 * chart is loaded only when asked for, so the home page stays within its JavaScript budget
 * (DESIGN §11). A system operator (系统运维) holds no town role: their 工作台 is the national work
 * calendar they keep, nothing of a town's.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
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
import { todayKey } from '../../lib/time.ts';
import { allPeople, orgApi, type Portfolio, type Position } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { MyWorkCards } from './MyWorkCards.tsx';
import { PortfolioHolders } from './PortfolioHolders.tsx';

const PortfolioChart = lazy(() => import('./PortfolioChart.tsx'));

interface Counts {
  units: number;
  villages: number;
  people: number;
  positions: number;
}

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

function TownHome() {
  const { townId, townName, user } = useSession();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [positions, setPositions] = useState<Position[]>([]);
  const [portfolios, setPortfolios] = useState<Portfolio[]>([]);
  const [showChart, setShowChart] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    const today = todayKey();
    Promise.all([
      orgApi.units(townId),
      allPeople(townId, ctrl.signal),
      orgApi.positions(townId, { activeOn: today }),
      orgApi.portfolios(),
    ])
      .then(([units, people, pos, pf]) => {
        setCounts({
          units: units.length,
          villages: units.filter((u) => u.kind === 'village').length,
          people: people.length,
          positions: pos.length,
        });
        setPositions(pos);
        setPortfolios(pf);
      })
      .catch(onError);
    return () => ctrl.abort();
  }, [townId, onError]);

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
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {user?.displayName}，您好！这里是{townName}工作台
      </Typography.Title>
      <MyWorkCards />
      <Row gutter={[16, 16]}>
        {stats.map((s) => (
          <Col key={s.title} xs={12} md={6}>
            <Card hoverable onClick={() => navigate(s.to)} data-testid={s.testId}>
              <Statistic title={s.title} value={s.value ?? '—'} prefix={s.icon} loading={!counts} />
            </Card>
          </Col>
        ))}
      </Row>
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
    </>
  );
}
