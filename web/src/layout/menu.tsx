/**
 * The module menu. Only modules that exist are listed; a module appears here when its pages do.
 * `adminOnly` entries are shown to users holding the admin role in the current town.
 */
import type { ReactNode } from 'react';
import { ApartmentOutlined, DashboardOutlined, EnvironmentOutlined, KeyOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';

export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  adminOnly?: boolean;
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  { key: '/', label: '工作台', icon: <DashboardOutlined /> },
  {
    key: 'org',
    label: '组织机构',
    icon: <ApartmentOutlined />,
    children: [
      { key: '/org/units', label: '单位', icon: <ApartmentOutlined /> },
      { key: '/org/people', label: '人员', icon: <TeamOutlined /> },
      { key: '/org/positions', label: '任职', icon: <SolutionOutlined /> },
      { key: '/org/liaisons', label: '包联村', icon: <EnvironmentOutlined /> },
      { key: '/org/users', label: '用户', icon: <KeyOutlined />, adminOnly: true },
    ],
  },
];

export function visibleMenu(isAdmin: boolean): MenuEntry[] {
  const keep = (e: MenuEntry): MenuEntry | null => {
    if (e.adminOnly && !isAdmin) return null;
    if (!e.children) return e;
    return { ...e, children: e.children.map(keep).filter((c): c is MenuEntry => c !== null) };
  };
  return MENU.map(keep).filter((e): e is MenuEntry => e !== null);
}
