import { decideExpiry } from '@jinliu/core';
import { dueExpiries, lockPaymentById } from '@jinliu/db';
import { applyTransition } from './apply-transition.ts';
import type { PaymentDeps } from './deps.ts';

/**
 * Persists every expiry the clock has reached: requests become EXPIRED, authorizations
 * EXPIRED_AUTHORIZATION with their hold released. Each payment is handled in its own
 * transaction under its row lock, so a sweep racing a capture resolves the hold once.
 */
export async function sweepExpired(deps: PaymentDeps, batch = 200): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await dueExpiries(deps.db, deps.clock.now(), batch);
    if (ids.length === 0) {
      return done;
    }
    for (const { transactionId: id, merchantId, currency } of ids) {
      const system = await deps.accounts.forMerchant(merchantId, currency);
      const moved = await deps.db.transaction(async (tx) => {
        const p = await lockPaymentById(tx, id);
        if (!p) {
          return false;
        }
        const now = deps.clock.now();
        const t = decideExpiry(p, now, system);
        if (!t) {
          return false;
        }
        await applyTransition(tx, p, t, now);
        return true;
      });
      if (moved) {
        done += 1;
      }
    }
    if (ids.length < batch) {
      return done;
    }
  }
}
