import { expireDueBindings } from '@jinliu/db';
import type { MyCardDeps } from './deps.ts';

/**
 * Expires binding reservations whose time is up, so a membership code applied but never
 * completed does not stay stored (sealed) until someone happens to touch the binding.
 * Returns how many were expired; runs in batches until none are due.
 */
export async function sweepExpiredBindings(deps: MyCardDeps): Promise<number> {
  const now = deps.clock.now();
  let total = 0;
  for (;;) {
    const n = await expireDueBindings(deps.db, now);
    total += n;
    if (n < 500) {
      return total;
    }
  }
}
