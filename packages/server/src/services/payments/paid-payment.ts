import type { PaymentRow, Sql } from '@jinliu/db';
import { accumulateAndList, type Membership, paymentMemberships } from '../mycard/index.ts';
import type { PaymentDeps } from './deps.ts';

/** A payment as confirm, capture and pay-preapproved answer it: with the payer's memberships at this merchant. */
export type PaidPayment = PaymentRow & { readonly memberships: readonly Membership[] };

/**
 * Inside the payment's transaction: the memberships the paying user holds at the merchant.
 * When money is captured now (`captured` > 0), the `mycard.accumulate` outbox events for them
 * are written in the same statement, so a merchant hears of every captured payment once.
 */
export async function withMemberships(
  tx: Sql,
  deps: PaymentDeps,
  p: PaymentRow,
  captured: bigint,
  at: Date,
): Promise<PaidPayment> {
  if (p.userId === null) {
    return { ...p, memberships: [] };
  }
  const memberships =
    captured > 0n
      ? await accumulateAndList(
          tx,
          deps.keyring,
          {
            userId: p.userId,
            merchantId: p.merchantId,
            transactionId: p.transactionId,
            orderId: p.orderId,
            amount: captured,
            currency: p.currency,
          },
          at,
        )
      : await paymentMemberships(tx, deps.keyring, p.userId, p.merchantId);
  return { ...p, memberships };
}
