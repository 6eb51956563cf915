// Writes what LINE Pay said into the shop's order, once: the order's status, amounts and pay
// methods, refunds LINE Pay made, and the subscription the order starts — in one transaction.
import type { ShopContext } from './context.ts';
import type { Sql } from './db.ts';
import { ownMembershipCode } from './member-rules.ts';
import { recordOrderMembership } from './membership-credit.ts';
import {
  addEvent,
  findOrder,
  type OrderChanges,
  type OrderRow,
  type OrderStatus,
  toOrder,
  transition,
} from './orders-store.ts';
import type { PaymentFacts } from './payment-facts.ts';
import { insertPlatformRefund, refundTotal } from './refunds-store.ts';
import { endSubscription, startSubscription, subscriptionOfOrder } from './subscriptions-store.ts';

/** Statuses an order is paid or captured out of: only then does a payment's membership count. */
const paying: readonly OrderStatus[] = ['pending', 'confirming', 'authorized', 'capturing'];

/** Statuses after which an order never changes again (refunds aside). */
export const finalStatuses: readonly OrderStatus[] = ['voided', 'cancelled', 'expired', 'failed'];

function statusFor(facts: PaymentFacts, refunded: bigint): OrderStatus {
  switch (facts.state) {
    case 'captured':
      return refunded === 0n ? 'paid' : refunded >= facts.paidAmount ? 'refunded' : 'partially_refunded';
    case 'authorized':
      return 'authorized';
    case 'voided':
      return 'voided';
    case 'expired':
      return 'expired';
    default: {
      const never: never = facts.state;
      throw new Error(`unknown payment state ${String(never)}`);
    }
  }
}

async function lockedRead(tx: Sql, id: string): Promise<OrderRow> {
  const [row] = await tx.query('SELECT * FROM orders WHERE id = $1 FOR UPDATE', [id]);
  if (!row) {
    throw new Error(`order ${id} vanished`);
  }
  return toOrder(row);
}

/**
 * Moves the order (when it is in one of `from`) to the status the facts mean. Returns the order
 * as it is afterwards — also when someone else settled it first, which is then not an error.
 */
export async function settleOrder(
  ctx: ShopContext,
  orderId: string,
  facts: PaymentFacts,
  from: readonly OrderStatus[],
  how: string,
): Promise<OrderRow> {
  const now = await ctx.clock.now();
  const settled = await ctx.db.transaction(async (tx) => {
    const current = await lockedRead(tx, orderId);
    if (!from.includes(current.status)) {
      return undefined;
    }
    const known = await refundTotal(tx, orderId, ['succeeded']);
    const fresh: Array<NonNullable<PaymentFacts['refunds']>[number]> = [];
    for (const r of facts.refunds ?? []) {
      if (await insertPlatformRefund(tx, orderId, r)) {
        fresh.push(r);
      }
    }
    const refunded = known + fresh.reduce((t, r) => t + r.amount, 0n);
    const status = statusFor(facts, refunded);
    const changes: OrderChanges = {
      payInfo: facts.payInfo,
      capturedAmount: facts.state === 'captured' ? facts.paidAmount : 0n,
      refundedAmount: facts.state === 'captured' ? refunded : 0n,
      authorizationExpiresAt: facts.state === 'authorized' ? facts.authorizationExpiresAt : null,
      claimToken: null,
      claimedAt: null,
      statusReason: facts.recovered
        ? 'Confirmed; LINE Pay’s answer was read back from payment details.'
        : null,
      ...(facts.state === 'captured' && current.paidAt === null ? { paidAt: now } : {}),
    };
    const detail = `${how}: ${status}, ${facts.paidAmount} ${current.currency}${fresh.length > 0 ? `, ${fresh.length} refund(s) found` : ''}`;
    const row = await transition(tx, orderId, from, status, changes, { kind: 'settled', detail, at: now });
    if (
      row &&
      row.kind === 'subscription' &&
      (current.status === 'pending' || current.status === 'confirming')
    ) {
      if (facts.state === 'captured' && current.transactionId !== null) {
        await startSubscription(tx, orderId, {
          regKey: facts.regKey,
          transactionId: current.transactionId,
          amount: facts.paidAmount,
          now,
        });
      }
    }
    // Payment details name the payer's cards as they are now, so only the settle that pays or
    // captures the order reads them (a card bound later does not earn points for old orders).
    const code = ownMembershipCode(facts.memberships, ctx.membership?.programId) ?? current.membershipCode;
    if (
      row &&
      code &&
      paying.includes(current.status) &&
      facts.state !== 'voided' &&
      facts.state !== 'expired'
    ) {
      const m = await recordOrderMembership(tx, {
        orderId,
        code,
        captured: facts.state === 'captured',
        amount: facts.paidAmount,
        currency: current.currency,
        at: now,
      });
      if (m.points !== undefined) {
        await addEvent(tx, orderId, 'member-points', `member ${m.code}: +${m.points} points`, now);
      }
    }
    return row;
  });
  if (settled) {
    ctx.log.info({ orderId, status: settled.status, how }, 'order settled');
    return settled;
  }
  return (await findOrder(ctx.db, orderId)) ?? Promise.reject(new Error(`order ${orderId} vanished`));
}

/**
 * Closes an order without payment (cancelled, expired, failed) when it is in one of `from`; a
 * subscription it would have started ends with the same reason. Returns the order afterwards.
 */
export async function closeOrder(
  ctx: ShopContext,
  orderId: string,
  to: 'cancelled' | 'expired' | 'failed' | 'voided',
  from: readonly OrderStatus[],
  reason: string,
): Promise<OrderRow> {
  const now = await ctx.clock.now();
  const closed = await ctx.db.transaction(async (tx) => {
    const row = await transition(
      tx,
      orderId,
      from,
      to,
      { statusReason: reason, claimToken: null, claimedAt: null },
      { kind: to, detail: reason, at: now },
    );
    if (row?.kind === 'subscription') {
      const s = await subscriptionOfOrder(tx, orderId);
      if (s) {
        await endSubscription(
          tx,
          s.id,
          ['pending'],
          'ended',
          `The first payment was not completed: ${reason}`,
          now,
        );
      }
    }
    return row;
  });
  if (closed) {
    ctx.log.info({ orderId, status: to, reason }, 'order closed');
    return closed;
  }
  return (await findOrder(ctx.db, orderId)) ?? Promise.reject(new Error(`order ${orderId} vanished`));
}
