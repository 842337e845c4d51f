/** Sign-in, the current user and their own password (`/api/v1/auth`). */
import { api, type Schemas } from './client.ts';

export type CurrentUser = Schemas['CurrentUser'];
/** One role held in one town, optionally narrowed to a unit subtree. */
export type Grant = CurrentUser['grants'][number];
export type Role = Grant['role'];

/** Login and the session probe answer 401 themselves: no redirect to the login page. */
const noRedirect = { skipAuthRedirect: true };

export const authApi = {
  me: () => api.GET('/api/v1/auth/me', noRedirect),
  /** The session probe of a page load: 200 with `user: null` when signed out (no 401 logged). */
  session: () => api.GET('/api/v1/auth/session', noRedirect).then((s) => s.user),
  login: (username: string, password: string) =>
    api.POST('/api/v1/auth/login', { body: { username, password }, ...noRedirect }),
  logout: () => api.POST('/api/v1/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }),
};
