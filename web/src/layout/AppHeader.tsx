/**
 * The shell's header: the menu toggle, the town (a switcher for users with grants in several
 * towns), the user's roles, the reminder bells and the user's menu (修改密码, 退出).
 */
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Avatar,
  Button,
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
import { ReminderBell } from '../pages/appeals/ReminderBell.tsx';
import { PartyReminderSlot } from '../pages/party/PartyReminderSlot.tsx';

// The town picker loads only for users with several towns, not with every page.
const TownSwitcher = lazy(() => import('./TownSwitcher.tsx'));

function TownName() {
  const session = useSession();
  const navigate = useNavigate();
  const { townId, townName, towns } = session;
  if (towns.length <= 1)
    return (
      <Typography.Text strong data-testid="town-name">
        {townName}
      </Typography.Text>
    );
  return (
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
  );
}

function Reminders() {
  const { allows } = useSession();
  return (
    <>
      {allows('appeals.read') && <ReminderBell />}
      {(allows('party.write') || allows('member_development.read')) && (
        <PartyReminderSlot
          development={allows('member_development.read')}
          meetings={allows('party.write')}
        />
      )}
    </>
  );
}

function UserMenu({ mobile, onChangePassword }: { mobile: boolean; onChangePassword: () => void }) {
  const session = useSession();
  const navigate = useNavigate();
  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出', danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') onChangePassword();
      if (key === 'logout') void session.logout().then(() => navigate('/login', { replace: true }));
    },
  };
  // A popover over the sider's own Menu: antd's Dropdown would add 10 KB to every page.
  return (
    <Popover
      placement="bottomRight"
      arrow={false}
      styles={{ container: { padding: 4 } }}
      content={<Menu {...userMenu} mode="vertical" selectable={false} style={{ border: 0 }} />}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#c8102e' }} />
        {!mobile && <span>{session.user?.displayName}</span>}
      </Button>
    </Popover>
  );
}

export function AppHeader({
  mobile,
  menuCollapsed,
  onToggleMenu,
  onChangePassword,
}: {
  mobile: boolean;
  menuCollapsed: boolean;
  onToggleMenu: () => void;
  onChangePassword: () => void;
}) {
  const { grantsInTown } = useSession();
  return (
    <Layout.Header
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
        aria-label={menuCollapsed ? '展开菜单' : '收起菜单'}
        icon={menuCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        onClick={onToggleMenu}
      />
      <TownName />
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
      <Reminders />
      <UserMenu mobile={mobile} onChangePassword={onChangePassword} />
    </Layout.Header>
  );
}
