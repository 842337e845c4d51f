/**
 * The 接诉即办 module: intake, my orders, overdue/supervision board, KPI dashboard, order detail,
 * problem list, commitments, bulletins.
 */
import { lazy } from 'react';
import {
  AlertOutlined,
  BellOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  FileTextOutlined,
  FormOutlined,
  PhoneOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { AppModule } from '../../modules/types.ts';

const IntakePage = lazy(() => import('./IntakePage.tsx'));
const QueuePage = lazy(() => import('./QueuePage.tsx'));
const AppealDetailPage = lazy(() => import('./AppealDetailPage.tsx'));
const OverduePage = lazy(() => import('./OverduePage.tsx'));
const MyRemindersPage = lazy(() => import('./MyRemindersPage.tsx'));
const DashboardPage = lazy(() => import('./DashboardPage.tsx'));
const ProblemsPage = lazy(() => import('./ProblemsPage.tsx'));
const CommitmentsPage = lazy(() => import('./CommitmentsPage.tsx'));
const BulletinPage = lazy(() => import('./BulletinPage.tsx'));

const READ_ANALYSIS = 'appeal_analysis.read';

/** Each entry `needs` the route policy of the page's own API (menu.tsx). */
export const appealsModule: AppModule = {
  menu: {
    key: 'appeals',
    label: '接诉即办',
    icon: <PhoneOutlined />,
    children: [
      {
        key: '/appeals/intake',
        label: '受理登记',
        icon: <FormOutlined />,
        needs: 'appeals.intake',
      },
      {
        key: '/appeals/orders',
        label: '我的工单',
        icon: <UnorderedListOutlined />,
        needs: 'appeals.read',
      },
      {
        key: '/appeals/reminders',
        label: '我的提醒',
        icon: <BellOutlined />,
        needs: 'appeals.read',
      },
      {
        key: '/appeals/overdue',
        label: '超期督办',
        icon: <AlertOutlined />,
        needs: 'appeals.read',
      },
      {
        key: '/appeals/dashboard',
        label: '诉求分析',
        icon: <BarChartOutlined />,
        needs: 'appeals.read',
      },
      {
        key: '/appeals/problems',
        label: '问题清单',
        icon: <ClusterOutlined />,
        needs: READ_ANALYSIS,
      },
      {
        key: '/appeals/commitments',
        label: '承诺事项',
        icon: <AuditOutlined />,
        needs: READ_ANALYSIS,
      },
      {
        key: '/appeals/bulletin',
        label: '分析通报',
        icon: <FileTextOutlined />,
        needs: READ_ANALYSIS,
      },
    ],
  },
  routes: [
    { path: 'appeals/intake', element: <IntakePage /> },
    { path: 'appeals/orders', element: <QueuePage /> },
    { path: 'appeals/orders/:id', element: <AppealDetailPage /> },
    { path: 'appeals/reminders', element: <MyRemindersPage /> },
    { path: 'appeals/overdue', element: <OverduePage /> },
    { path: 'appeals/dashboard', element: <DashboardPage /> },
    { path: 'appeals/problems', element: <ProblemsPage /> },
    { path: 'appeals/commitments', element: <CommitmentsPage /> },
    { path: 'appeals/bulletin', element: <BulletinPage /> },
  ],
};
