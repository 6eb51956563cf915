import { useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { getReceipt } from '../../api/endpoints.ts';
import { useSession, useSignedInUser } from '../../api/session.tsx';
import type { HistoryItem } from '../../api/types.ts';

/** One payment of the signed-in user (undefined while loading), or the error that stopped it. */
export function useReceipt(transactionId: string): { item: HistoryItem | undefined; error: unknown } {
  const user = useSignedInUser();
  const { refresh } = useSession();
  const [item, setItem] = useState<HistoryItem | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!user) {
      return;
    }
    let live = true;
    getReceipt(transactionId).then(
      (r) => {
        if (live) {
          setItem(r);
        }
      },
      (e: unknown) => {
        if (!live) {
          return;
        }
        if (errorCode(e) === 'sign_in_required') {
          // The session ended elsewhere: reloading it sends the browser to sign-in and back.
          void refresh();
          return;
        }
        setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [user, transactionId, refresh]);
  return { item, error };
}
