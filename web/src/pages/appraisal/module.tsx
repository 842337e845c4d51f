/** The 民主测评 module: rounds and their results for the organisation work (voting is /vote). */
import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { AppModule } from '../../modules/types.ts';

const RoundsPage = lazy(() => import('./RoundsPage.tsx'));
const RoundPage = lazy(() => import('./RoundPage.tsx'));

export const appraisalModule: AppModule = {
  menu: {
    key: '/appraisal',
    label: '民主测评',
    icon: <AuditOutlined />,
    needs: 'appraisal.access',
  },
  routes: [
    { path: 'appraisal', element: <RoundsPage /> },
    { path: 'appraisal/:id', element: <RoundPage /> },
  ],
};
