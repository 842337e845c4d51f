/** 系统设置 pages of a town admin (and the system operator): the work calendar and the public entry. */
import { lazy } from 'react';
import { CalendarOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { MenuEntry, ModuleRoute } from '../../modules/types.ts';

const WorkCalendarPage = lazy(() => import('./WorkCalendarPage.tsx'));
const PublicEntryPage = lazy(() => import('./PublicEntryPage.tsx'));

/**
 * Menu entries placed in the 组织机构 group. The calendar is read by everyone signed in (only a
 * system operator, who may hold no town role, writes it); the public entry is the town admin's.
 */
export const settingsMenu: MenuEntry[] = [
  {
    key: '/settings/work-calendar',
    label: '工作日历',
    icon: <CalendarOutlined />,
  },
  {
    key: '/settings/public-entry',
    label: '群众诉求入口',
    icon: <QrcodeOutlined />,
    needs: 'town.admin',
  },
];

export const settingsRoutes: ModuleRoute[] = [
  { path: 'settings/work-calendar', element: <WorkCalendarPage /> },
  { path: 'settings/public-entry', element: <PublicEntryPage />, adminOnly: true },
];
