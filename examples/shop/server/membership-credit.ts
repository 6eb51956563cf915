// What a payment's membership code does in the shop: it is written on the order (or the
// subscription month) and the member earns points for what was captured — once per payment.
import type { Sql } from './db.ts';
import { creditPayment } from './members-store.ts';

/** What recording a membership did. */
export interface MembershipRecord {
  readonly code: string;
  /** Points credited now; undefined when none were (not captured yet, credited before, unknown member). */
  readonly points: bigint | undefined;
}

/**
 * Notes `code` on the order (the first code reported stays) and, when the payment is captured,
 * credits the member for `amount`. Runs inside the transaction that settles the order.
 */
export async function recordOrderMembership(
  tx: Sql,
  r: { orderId: string; code: string; captured: boolean; amount: bigint; currency: string; at: Date },
): Promise<MembershipRecord> {
  await tx.query('UPDATE orders SET membership_code = $2 WHERE id = $1 AND membership_code IS NULL', [
    r.orderId,
    r.code,
  ]);
  // A subscription's first month is its first order.
  await tx.query(
    'UPDATE subscription_charges SET membership_code = $2 WHERE order_id = $1 AND membership_code IS NULL',
    [r.orderId, r.code],
  );
  const points = r.captured
    ? await creditPayment(tx, {
        paymentKey: r.orderId,
        memberNumber: r.code,
        amount: r.amount,
        currency: r.currency,
        at: r.at,
      })
    : undefined;
  return { code: r.code, points };
}

/** The same for one month of a subscription, keyed by that month's LINE Pay orderId. */
export async function recordChargeMembership(
  tx: Sql,
  r: {
    subscriptionId: string;
    period: number;
    orderId: string;
    code: string;
    amount: bigint;
    currency: string;
    at: Date;
  },
): Promise<MembershipRecord> {
  await tx.query(
    `UPDATE subscription_charges SET membership_code = $3
     WHERE subscription_id = $1 AND period = $2 AND membership_code IS NULL`,
    [r.subscriptionId, r.period, r.code],
  );
  const points = await creditPayment(tx, {
    paymentKey: r.orderId,
    memberNumber: r.code,
    amount: r.amount,
    currency: r.currency,
    at: r.at,
  });
  return { code: r.code, points };
}
