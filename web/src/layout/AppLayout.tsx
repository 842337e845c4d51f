/**
 * The signed-in shell: a collapsible module menu on the left (collapses to nothing on phones),
 * and a header with the town, a town switcher for users with grants in several towns, the
 * 我的提醒 bell (count of reminders waiting for me), and the user's menu (修改密码, 退出).
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import {
  Avatar,
  Button,
  Grid,
  Layout,
  Menu,
  Popover,
  Space,
  Tag,
  Typography,
  type MenuProps,
} from 'antd';
import {
  LogoutOutlined,
  KeyOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useSession } from '../session/session.tsx';
import { PageLoading } from './PageLoading.tsx';
import { menuSelection, visibleMenu, type MenuEntry } from './menu.tsx';
import { ReminderBell } from '../pages/appeals/ReminderBell.tsx';
import { PartyReminderSlot } from '../pages/party/PartyReminderSlot.tsx';

const { Sider, Header, Content } = Layout;
// Forms and pickers the shell shows only on demand load with them, not with every page.
const ChangePasswordModal = lazy(() =>
  import('./ChangePasswordModal.tsx').then((m) => ({ default: m.ChangePasswordModal })),
);
const TownSwitcher = lazy(() => import('./TownSwitcher.tsx'));

function toItems(entries: MenuEntry[]): MenuProps['items'] {
  return entries.map((e) => ({
    key: e.key,
    icon: e.icon,
    label: e.label,
    children: e.children ? toItems(e.children) : undefined,
  }));
}

export default function AppLayout() {
  const session = useSession();
  const { user, townId, townName, towns, allows, grantsInTown } = session;
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const siderCollapsed = collapsed ?? mobile;
  const [pwOpen, setPwOpen] = useState(false);
  const [pwDone, setPwDone] = useState(false);
  const mustChange = !!user?.mustChangePassword && !pwDone;

  const entries = useMemo(() => visibleMenu(allows), [allows]);
  const items = useMemo(() => toItems(entries), [entries]);
  // The item of the current route stays lit (detail pages light their list), its group open.
  const { selected, open } = menuSelection(entries, location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(['org']);
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if (openedFor !== location.pathname) {
    setOpenedFor(location.pathname);
    const missing = open.filter((k) => !openKeys.includes(k));
    if (missing.length) setOpenKeys([...openKeys, ...missing]);
  }

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出', danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') setPwOpen(true);
      if (key === 'logout') void session.logout().then(() => navigate('/login', { replace: true }));
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        theme="light"
        width={208}
        collapsible
        trigger={null}
        collapsed={siderCollapsed}
        collapsedWidth={mobile ? 0 : 64}
        style={{
          borderRight: '1px solid #f0f0f0',
          ...(mobile
            ? { position: 'fixed', height: '100vh', zIndex: 20 }
            : { position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }),
        }}
      >
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
          {!siderCollapsed && (
            <Typography.Text strong style={{ fontSize: 18 }}>
              履职
            </Typography.Text>
          )}
        </div>
        {/* A zero-width collapsed Sider on phones would still pop up sub-menus; render none. */}
        {!(mobile && siderCollapsed) && (
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected] : []}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            onClick={({ key }) => {
              navigate(key);
              if (mobile) setCollapsed(true);
            }}
            style={{ borderInlineEnd: 'none' }}
          />
        )}
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 16px',
            height: 56,
            lineHeight: '56px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Button
            type="text"
            aria-label={siderCollapsed ? '展开菜单' : '收起菜单'}
            icon={siderCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!siderCollapsed)}
          />
          {towns.length > 1 ? (
            <Suspense fallback={<Typography.Text strong>{townName}</Typography.Text>}>
              <TownSwitcher
                value={townId}
                towns={towns}
                onChange={(id) => {
                  session.setTown(id);
                  navigate('/');
                }}
              />
            </Suspense>
          ) : (
            <Typography.Text strong data-testid="town-name">
              {townName}
            </Typography.Text>
          )}
          <div style={{ flex: 1 }} />
          {!mobile && (
            <Space size={4}>
              {grantsInTown.map((g) => (
                <Tag key={`${g.role}-${g.unitId ?? ''}`} color="red" variant="filled">
                  {g.roleLabel}
                </Tag>
              ))}
            </Space>
          )}
          {allows('appeals.read') && <ReminderBell />}
          {(allows('party.write') || allows('member_development.read')) && (
            <PartyReminderSlot
              development={allows('member_development.read')}
              meetings={allows('party.write')}
            />
          )}
          {/* A popover over the sider's own Menu: antd's Dropdown would add 10 KB to every page. */}
          <Popover
            placement="bottomRight"
            arrow={false}
            styles={{ container: { padding: 4 } }}
            content={
              <Menu {...userMenu} mode="vertical" selectable={false} style={{ border: 0 }} />
            }
          >
            <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#c8102e' }} />
              {!mobile && <span>{user?.displayName}</span>}
            </Button>
          </Popover>
        </Header>
        <Content style={{ padding: mobile ? 12 : 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet key={townId} />
          </Suspense>
        </Content>
      </Layout>
      {(pwOpen || mustChange) && (
        <Suspense fallback={null}>
          <ChangePasswordModal
            open
            forced={mustChange}
            onClose={() => {
              setPwOpen(false);
              if (mustChange) setPwDone(true);
            }}
          />
        </Suspense>
      )}
    </Layout>
  );
}
