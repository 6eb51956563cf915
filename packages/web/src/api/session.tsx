import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { navigate } from '../lib/router.tsx';
import { errorCode } from './client.ts';
import { getSession } from './endpoints.ts';
import type { SessionInfo, SessionUser } from './types.ts';

interface SessionState {
  /** The session once loaded; undefined while loading. */
  readonly session: SessionInfo | undefined;
  /** Error code when the session could not be loaded. */
  readonly error: string | undefined;
  readonly refresh: () => Promise<void>;
  readonly setUser: (user: SessionUser | null) => void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Loads the wallet session (cookie + CSRF token) once for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | undefined>();
  const [error, setError] = useState<string | undefined>();
  const refresh = useCallback(async () => {
    try {
      setSession(await getSession());
      setError(undefined);
    } catch (e) {
      setError(errorCode(e));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const setUser = useCallback((user: SessionUser | null) => {
    setSession((s) => (s ? { ...s, user } : s));
  }, []);
  const value = useMemo(() => ({ session, error, refresh, setUser }), [session, error, refresh, setUser]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The wallet session. */
export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) {
    throw new Error('useSession outside SessionProvider');
  }
  return ctx;
}

/**
 * The signed-in user, sending the browser to sign-in first (and back here after) when nobody
 * is; undefined while the session loads or the redirect happens.
 */
export function useSignedInUser(): SessionUser | undefined {
  const { session } = useSession();
  const user = session?.user ?? undefined;
  useEffect(() => {
    if (session && !session.user) {
      const here = window.location.pathname + window.location.search;
      navigate(`/wallet/signin?returnTo=${encodeURIComponent(here)}`, { replace: true });
    }
  }, [session]);
  return user;
}
