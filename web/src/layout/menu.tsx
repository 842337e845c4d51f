/**
 * The module menu: 工作台 plus each module's entry (web/src/modules/modules.ts). Only modules that
 * exist are listed. An entry with `needs` is shown only to users whose session says the server lets
 * them through that route policy in the current town, so no entry leads to a 403; a group left
 * without entries is not shown.
 */
import { DashboardOutlined } from '@ant-design/icons';
import { MODULES } from '../modules/modules.ts';
import type { MenuEntry } from '../modules/types.ts';

export type { MenuEntry };

export const MENU: MenuEntry[] = [
  { key: '/', label: '工作台', icon: <DashboardOutlined /> },
  ...MODULES.flatMap((m) => (m.menu ? [m.menu] : [])),
];

export function visibleMenu(allows: (policy: string) => boolean): MenuEntry[] {
  const keep = (e: MenuEntry): MenuEntry | null => {
    if (e.needs && !allows(e.needs)) return null;
    if (!e.children) return e;
    const children = e.children.map(keep).filter((c): c is MenuEntry => c !== null);
    return children.length ? { ...e, children } : null;
  };
  return MENU.map(keep).filter((e): e is MenuEntry => e !== null);
}

/**
 * The menu item of a route: the entry whose key is the longest path prefix of `pathname` (so
 * /appeals/orders/123 lights 我的工单 and /ledgers/safety 台账), and the groups to open around it.
 */
export function menuSelection(
  entries: MenuEntry[],
  pathname: string,
): { selected: string | null; open: string[] } {
  const path = pathname === '/' ? '/' : pathname.replace(/\/+$/, '');
  let best: { key: string; parents: string[] } | null = null;
  const visit = (list: MenuEntry[], parents: string[]) => {
    for (const e of list) {
      if (e.children) visit(e.children, [...parents, e.key]);
      else if (e.key === path || (e.key !== '/' && path.startsWith(`${e.key}/`))) {
        if (!best || e.key.length > best.key.length) best = { key: e.key, parents };
      }
    }
  };
  visit(entries, []);
  const found = best as { key: string; parents: string[] } | null;
  return { selected: found?.key ?? null, open: found?.parents ?? [] };
}
