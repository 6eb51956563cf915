import { getReceipt } from '../../api/endpoints.ts';
import { useSignedInUser } from '../../api/session.tsx';
import type { HistoryItem } from '../../api/types.ts';
import { useLoaded } from '../../lib/use-loaded.ts';

/** One payment of the signed-in user (undefined while loading), or the error that stopped it. */
export function useReceipt(transactionId: string): { item: HistoryItem | undefined; error: unknown } {
  // The page's one sign-in guard; useLoaded waits for the session it establishes.
  useSignedInUser();
  const { value, error } = useLoaded(transactionId, () => getReceipt(transactionId));
  return { item: value, error };
}
