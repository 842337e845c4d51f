/**
 * The signed-in shell: a collapsible module menu on the left (collapses to nothing on phones),
 * and a header with the town, a town switcher for users with grants in several towns, the
 * 我的提醒 bell (count of reminders waiting for me), and the user's menu (修改密码, 退出).
 */
import { lazy, Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { Grid, Layout } from 'antd';
import { useSession } from '../session/session.tsx';
import { AppHeader } from './AppHeader.tsx';
import { PageLoading } from './PageLoading.tsx';
import { SideMenu } from './SideMenu.tsx';

// The password form loads with its dialog, not with every page.
const ChangePasswordModal = lazy(() =>
  import('./ChangePasswordModal.tsx').then((m) => ({ default: m.ChangePasswordModal })),
);

export default function AppLayout() {
  const { user, townId } = useSession();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const siderCollapsed = collapsed ?? mobile;
  const [pwOpen, setPwOpen] = useState(false);
  const [pwDone, setPwDone] = useState(false);
  const mustChange = !!user?.mustChangePassword && !pwDone;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SideMenu
        mobile={mobile}
        collapsed={siderCollapsed}
        onNavigated={() => {
          if (mobile) setCollapsed(true);
        }}
      />
      <Layout>
        <AppHeader
          mobile={mobile}
          menuCollapsed={siderCollapsed}
          onToggleMenu={() => setCollapsed(!siderCollapsed)}
          onChangePassword={() => setPwOpen(true)}
        />
        <Layout.Content style={{ padding: mobile ? 12 : 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet key={townId} />
          </Suspense>
        </Layout.Content>
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
