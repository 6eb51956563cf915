import { useCallback, useEffect, useState } from 'react';
import { errorCode } from '../api/client.ts';
import { useSession } from '../api/session.tsx';

/** What a page loaded: the value (undefined while loading), the error that stopped it, and a reload. */
export interface Loaded<T> {
  readonly value: T | undefined;
  readonly error: unknown;
  readonly reload: () => void;
}

/**
 * Loads `load()` once the shopper is signed in and again whenever `key` changes; answers from
 * an older key are dropped. A session that ended elsewhere is reloaded (the page's one
 * `useSignedInUser` then sends the browser to sign-in: one per page, or the second would
 * record the sign-in page itself as the place to come back to).
 */
export function useLoaded<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const { session, refresh } = useSession();
  const userId = session?.user?.userId;
  const [value, setValue] = useState<T | undefined>();
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);
  // `load` is a new function on every render; `key` says when it asks for something else.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by `key` and `round` on purpose
  useEffect(() => {
    if (!userId) {
      return;
    }
    let live = true;
    setError(undefined);
    load().then(
      (v) => {
        if (live) {
          setValue(v);
        }
      },
      (e: unknown) => {
        if (!live) {
          return;
        }
        if (errorCode(e) === 'sign_in_required') {
          void refresh();
          return;
        }
        setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [userId, key, round, refresh]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { value, error, reload };
}
