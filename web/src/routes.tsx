/**
 * Route table. Every page is its own lazily loaded chunk so the login page ships only the login
 * form, and the home page only the shell and the counts (DESIGN §11: ≤ 400 KB gzipped JS).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { PageLoading } from './layout/PageLoading.tsx';
import { useSession } from './session/session.tsx';
import { MODULES } from './modules/modules.ts';

const LoginPage = lazy(() => import('./pages/auth/LoginPage.tsx'));
const AppLayout = lazy(() => import('./layout/AppLayout.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const PublicAppealPage = lazy(() => import('./pages/public/PublicAppealPage.tsx'));
const VotePage = lazy(() => import('./pages/appraisal/VotePage.tsx'));

function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function RequireAdmin({ children }: { children: ReactNode }) {
  const { isAdmin } = useSession();
  return isAdmin ? <>{children}</> : <Navigate to="/" replace />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/public/*" element={<PublicAppealPage />} />
        <Route path="/vote" element={<VotePage />} />
        <Route
          element={
            <RequireUser>
              <AppLayout />
            </RequireUser>
          }
        >
          <Route index element={<HomePage />} />
          {MODULES.flatMap((m) => m.routes).map((r) => (
            <Route
              key={r.path}
              path={r.path}
              element={r.adminOnly ? <RequireAdmin>{r.element}</RequireAdmin> : r.element}
            />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
