/** Types and calls for sign-in, the current user and their own password (`/api/v1/auth`). */
import { api, request } from './client.ts';

export type Role =
  | 'admin'
  | 'leader'
  | 'portfolio_leader'
  | 'staff'
  | 'village_cadre'
  | 'dispatcher'
  | 'county_supervisor';

/** One role held in one town, optionally narrowed to a unit subtree. */
export interface Grant {
  role: Role;
  roleLabel: string;
  townId: string;
  townName: string;
  unitId: string | null;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  homeTownId: string;
  mustChangePassword: boolean;
  grants: Grant[];
}

export const authApi = {
  me: () => request<CurrentUser>('GET', '/api/v1/auth/me', { skipAuthRedirect: true }),
  login: (username: string, password: string) =>
    request<CurrentUser>('POST', '/api/v1/auth/login', {
      body: { username, password },
      skipAuthRedirect: true,
    }),
  logout: () => api.post<void>('/api/v1/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/v1/auth/password', { currentPassword, newPassword }),
};
