/**
 * The module menu: 工作台 plus each module's entry (web/src/modules/modules.ts). Only modules that
 * exist are listed. `adminOnly` entries are shown to users holding the admin role in the current town.
 */
import { DashboardOutlined } from '@ant-design/icons';
import { MODULES } from '../modules/modules.ts';
import type { MenuEntry } from '../modules/types.ts';

export type { MenuEntry };

export const MENU: MenuEntry[] = [
  { key: '/', label: '工作台', icon: <DashboardOutlined /> },
  ...MODULES.flatMap((m) => (m.menu ? [m.menu] : [])),
];

export function visibleMenu(isAdmin: boolean): MenuEntry[] {
  const keep = (e: MenuEntry): MenuEntry | null => {
    if (e.adminOnly && !isAdmin) return null;
    if (!e.children) return e;
    return { ...e, children: e.children.map(keep).filter((c): c is MenuEntry => c !== null) };
  };
  return MENU.map(keep).filter((e): e is MenuEntry => e !== null);
}
