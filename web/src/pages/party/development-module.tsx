/** The 发展党员 module: the pipeline, reminders and funnel, and one person's page (lazy-loaded). */
import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import type { AppModule } from '../../modules/types.ts';

const DevelopmentPage = lazy(() => import('./DevelopmentPage.tsx'));
const DevelopmentCandidatePage = lazy(() => import('./DevelopmentCandidatePage.tsx'));

export const developmentModule: AppModule = {
  menu: {
    key: '/party/development',
    label: '发展党员',
    icon: <TeamOutlined />,
    needs: 'member_development.read',
  },
  routes: [
    { path: 'party/development', element: <DevelopmentPage /> },
    { path: 'party/development/:id', element: <DevelopmentCandidatePage /> },
  ],
};
