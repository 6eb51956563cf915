import { useEffect, useState } from 'react';
import { getHistory } from '../../api/endpoints.ts';
import { useSignedInUser } from '../../api/session.tsx';
import type { HistoryItem } from '../../api/types.ts';

/** The signed-in user's history (undefined while loading), or the error that stopped it. */
export function useHistory(): { items: readonly HistoryItem[] | undefined; error: unknown } {
  const user = useSignedInUser();
  const [items, setItems] = useState<readonly HistoryItem[] | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (user) {
      getHistory().then(setItems, setError);
    }
  }, [user]);
  return { items, error };
}
