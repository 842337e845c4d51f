/** The metrics module (指标): pick a metric, period and scope; see its value, breakdown and records. */
import { lazy } from 'react';
import { FundOutlined } from '@ant-design/icons';
import type { AppModule } from '../../modules/types.ts';

const MetricsPage = lazy(() => import('./MetricsPage.tsx'));

export const metricsModule: AppModule = {
  menu: { key: '/metrics', label: '指标', icon: <FundOutlined />, needs: 'metrics.read' },
  routes: [{ path: 'metrics', element: <MetricsPage /> }],
};
