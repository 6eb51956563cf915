import { effectiveStatus, fail, ok, payStatusOf, type Result } from '@jinliu/core';
import {
  findPaymentById,
  listPayments,
  type PaymentRow,
  type RefundRow,
  refundsById,
  refundsOf,
} from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import { type Membership, membershipsByUser } from '../mycard/index.ts';
import type { PaymentDeps } from './deps.ts';

/** One element of the details answer: a confirmed payment with its refunds, or a refund. */
export type DetailsItem =
  | {
      kind: 'payment';
      payment: PaymentRow;
      refunds: RefundRow[];
      memberships: readonly Membership[];
      now: Date;
    }
  | { kind: 'refund'; refund: RefundRow; payment: PaymentRow; now: Date };

/** The most results one details call returns (reference §3.6). */
export const maxDetailsResults = 100;

/**
 * `GET /v3/payments`: confirmed payments (and refunds, when refund ids are asked for) of this
 * channel only. Read-only: statuses the clock has moved are shown as they are now.
 */
export async function paymentDetails(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  transactionIds: readonly bigint[],
  orderIds: readonly string[],
): Promise<Result<DetailsItem[]>> {
  if (transactionIds.length + orderIds.length > maxDetailsResults) {
    return fail('1177');
  }
  const now = deps.clock.now();
  const [payments, refunds] = await Promise.all([
    listPayments(deps.db, channel.channelId, transactionIds, orderIds, maxDetailsResults + 1),
    refundsById(deps.db, channel.channelId, transactionIds),
  ]);
  const shown = payments.filter((p) => payStatusOf(effectiveStatus(p, now)) !== undefined);
  if (shown.length + refunds.length > maxDetailsResults) {
    return fail('1177');
  }
  const refundsByPayment = new Map<bigint, RefundRow[]>();
  for (const r of await refundsOf(
    deps.db,
    shown.map((p) => p.transactionId),
  )) {
    refundsByPayment.set(r.transactionId, [...(refundsByPayment.get(r.transactionId) ?? []), r]);
  }
  // The payers' current memberships at this merchant, read once for every payment shown.
  const memberships = await membershipsByUser(
    deps.db,
    deps.keyring,
    shown.map((p) => p.userId),
    channel.merchantId,
  );
  const items: DetailsItem[] = shown.map((payment) => ({
    kind: 'payment',
    payment,
    refunds: refundsByPayment.get(payment.transactionId) ?? [],
    memberships: (payment.userId && memberships.get(payment.userId)) || [],
    now,
  }));
  for (const refund of refunds) {
    const payment = await findPaymentById(deps.db, refund.transactionId);
    if (payment) {
      items.push({ kind: 'refund', refund, payment, now });
    }
  }
  return items.length === 0 ? fail('1150') : ok(items);
}
