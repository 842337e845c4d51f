/**
 * Who is signed in and which town they are working in. Permissions shown in the UI (write buttons,
 * the 用户 menu) are derived from the grants held in the current town; the server enforces them
 * anyway, the UI only avoids offering what would be refused.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { authApi, type CurrentUser, type Grant, type Role } from '../api/auth.ts';
import { setUnauthorizedHandler } from '../api/client.ts';

const TOWN_KEY = 'lvzhi.townId';

export interface TownChoice {
  id: string;
  name: string;
}

export interface Session {
  /** undefined while the first /auth/me is in flight, null when signed out. */
  user: CurrentUser | null | undefined;
  townId: string;
  townName: string;
  towns: TownChoice[];
  grantsInTown: Grant[];
  /** Town admins and leaders change the organisation (DESIGN §2). */
  canWriteOrg: boolean;
  isAdmin: boolean;
  /**
   * Whether the server lets the user through the route policy `name` in the current town (the
   * session's `allowedPolicies`): the UI offers a page or action only when this holds.
   */
  allows: (name: string) => boolean;
  setTown: (townId: string) => void;
  signedIn: (user: CurrentUser) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

function townsOf(user: CurrentUser | null | undefined): TownChoice[] {
  const seen = new Map<string, string>();
  for (const g of user?.grants ?? []) if (!seen.has(g.townId)) seen.set(g.townId, g.townName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

function pickTown(user: CurrentUser, preferred: string | null): string {
  const towns = townsOf(user);
  if (preferred && towns.some((t) => t.id === preferred)) return preferred;
  if (towns.some((t) => t.id === user.homeTownId)) return user.homeTownId;
  return towns[0]?.id ?? user.homeTownId;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const [townId, setTownId] = useState<string>('');

  const signedIn = useCallback((u: CurrentUser) => {
    setUser(u);
    setTownId(pickTown(u, localStorage.getItem(TOWN_KEY)));
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setUser(null));
    authApi.session().then(
      (u) => (u ? signedIn(u) : setUser(null)),
      () => setUser(null),
    );
  }, [signedIn]);

  const setTown = useCallback((id: string) => {
    localStorage.setItem(TOWN_KEY, id);
    setTownId(id);
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo<Session>(() => {
    const towns = townsOf(user);
    const grantsInTown = (user?.grants ?? []).filter((g) => g.townId === townId);
    const has = (...roles: Role[]) => grantsInTown.some((g) => roles.includes(g.role));
    const allowed = new Set(user?.allowedPolicies[townId] ?? []);
    return {
      user,
      townId,
      townName: towns.find((t) => t.id === townId)?.name ?? '',
      towns,
      grantsInTown,
      canWriteOrg: has('admin', 'leader'),
      isAdmin: has('admin'),
      allows: (name: string) => name === 'signed_in' || allowed.has(name),
      setTown,
      signedIn,
      logout,
    };
  }, [user, townId, setTown, signedIn, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
