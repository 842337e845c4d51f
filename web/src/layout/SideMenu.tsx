/**
 * The module menu on the left: the entries the session's policies allow, the current route's item
 * lit (detail pages light their list) and its group open. Collapses to icons, or to nothing on phones.
 */
import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Layout, Menu, Typography, type MenuProps } from 'antd';
import { useSession } from '../session/session.tsx';
import { menuSelection, visibleMenu, type MenuEntry } from './menu.tsx';

function toItems(entries: MenuEntry[]): MenuProps['items'] {
  return entries.map((e) => ({
    key: e.key,
    icon: e.icon,
    label: e.label,
    children: e.children ? toItems(e.children) : undefined,
  }));
}

/** The open groups: the current route's group opens on navigation; groups the user opened stay open. */
function useOpenKeys(open: string[], pathname: string) {
  const [openKeys, setOpenKeys] = useState<string[]>(['org']);
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if (openedFor !== pathname) {
    setOpenedFor(pathname);
    const missing = open.filter((k) => !openKeys.includes(k));
    if (missing.length) setOpenKeys([...openKeys, ...missing]);
  }
  return [openKeys, setOpenKeys] as const;
}

function Logo({ collapsed }: { collapsed: boolean }) {
  return (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        padding: '0 18px',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!collapsed && (
        <Typography.Text strong style={{ fontSize: 18 }}>
          履职
        </Typography.Text>
      )}
    </div>
  );
}

export function SideMenu({
  mobile,
  collapsed,
  onNavigated,
}: {
  mobile: boolean;
  collapsed: boolean;
  /** After a menu click: phones close the menu. */
  onNavigated: () => void;
}) {
  const { allows } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const entries = useMemo(() => visibleMenu(allows), [allows]);
  const items = useMemo(() => toItems(entries), [entries]);
  const { selected, open } = menuSelection(entries, location.pathname);
  const [openKeys, setOpenKeys] = useOpenKeys(open, location.pathname);
  return (
    <Layout.Sider
      theme="light"
      width={208}
      collapsible
      trigger={null}
      collapsed={collapsed}
      collapsedWidth={mobile ? 0 : 64}
      style={{
        borderRight: '1px solid #f0f0f0',
        ...(mobile
          ? { position: 'fixed', height: '100vh', zIndex: 20 }
          : { position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }),
      }}
    >
      <Logo collapsed={collapsed} />
      {/* A zero-width collapsed Sider on phones would still pop up sub-menus; render none. */}
      {!(mobile && collapsed) && (
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          openKeys={openKeys}
          onOpenChange={setOpenKeys}
          onClick={({ key }) => {
            navigate(key);
            onNavigated();
          }}
          style={{ borderInlineEnd: 'none' }}
        />
      )}
    </Layout.Sider>
  );
}
