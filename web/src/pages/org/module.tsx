/** The organisation module: units, people, positions, village liaisons and (admins) users and 乡镇信息. */
import { lazy } from 'react';
import {
  ApartmentOutlined,
  BankOutlined,
  EnvironmentOutlined,
  KeyOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { AppModule } from '../../modules/types.ts';
import { settingsMenu, settingsRoutes } from '../settings/module.tsx';

const UnitsPage = lazy(() => import('./UnitsPage.tsx'));
const PeoplePage = lazy(() => import('./PeoplePage.tsx'));
const PositionsPage = lazy(() => import('./PositionsPage.tsx'));
const LiaisonsPage = lazy(() => import('./LiaisonsPage.tsx'));
const UsersPage = lazy(() => import('./UsersPage.tsx'));
const TownPage = lazy(() => import('./TownPage.tsx'));

export const orgModule: AppModule = {
  menu: {
    key: 'org',
    label: '组织机构',
    icon: <ApartmentOutlined />,
    children: [
      { key: '/org/units', label: '单位', icon: <ApartmentOutlined />, needs: 'org.read' },
      { key: '/org/people', label: '人员', icon: <TeamOutlined />, needs: 'org.read' },
      { key: '/org/positions', label: '任职', icon: <SolutionOutlined />, needs: 'org.read' },
      { key: '/org/liaisons', label: '包联村', icon: <EnvironmentOutlined />, needs: 'org.read' },
      { key: '/org/users', label: '用户', icon: <KeyOutlined />, needs: 'users.manage' },
      { key: '/org/town', label: '乡镇信息', icon: <BankOutlined />, needs: 'town.admin' },
      ...settingsMenu,
    ],
  },
  routes: [
    { path: 'org/units', element: <UnitsPage /> },
    { path: 'org/people', element: <PeoplePage /> },
    { path: 'org/positions', element: <PositionsPage /> },
    { path: 'org/liaisons', element: <LiaisonsPage /> },
    { path: 'org/users', element: <UsersPage />, adminOnly: true },
    { path: 'org/town', element: <TownPage />, adminOnly: true },
    ...settingsRoutes,
  ],
};
