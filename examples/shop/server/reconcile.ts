// The reconciler: every so often (and on demand) it asks LINE Pay about orders the shopper left
// unfinished — closed the tab, lost the connection, never came back — and about admin calls
// whose answer was lost, and brings the shop's orders in line with what LINE Pay says.
import { confirmOrder } from './confirm.ts';
import type { ShopContext } from './context.ts';
import type { OrderRow } from './orders-store.ts';
import { findOrder, staleOrders } from './orders-store.ts';
import { readPaymentFacts } from './payment-facts.ts';
import { dropStalePendingRefunds, ordersWithStaleRefunds } from './refunds-store.ts';
import { closeOrder, settleOrder } from './settle.ts';

/** A refund call is over (answered or timed out, recovery included) well within this. */
const refundSettleMs = 2 * 60_000;

/** LINE Pay keeps a payment request open this long (reference §4.3). */
export const requestWindowMs = 20 * 60_000;
// A little longer than the window, so the shop never expires an order LINE Pay still accepts.
const expireAfterMs = requestWindowMs + 60_000;

/** What one run did: order id → status afterwards, for orders it changed or checked. */
export interface ReconcileReport {
  readonly checked: number;
  readonly changed: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

async function reconcileOpen(ctx: ShopContext, order: OrderRow, now: Date): Promise<OrderRow> {
  const age = now.getTime() - order.createdAt.getTime();
  if (order.transactionId === null) {
    // Stored but LINE Pay never gave a payment page (the process stopped in between).
    return closeOrder(ctx, order.id, 'failed', ['pending'], 'The payment request was never completed.');
  }
  const status = await ctx.linePay.checkPaymentStatus(order.transactionId);
  switch (status.returnCode) {
    case '0000':
      return age > expireAfterMs
        ? closeOrder(ctx, order.id, 'expired', ['pending'], 'The shopper did not pay within 20 minutes.')
        : order;
    case '0110':
      // Approved but the shopper never came back: confirm it from here.
      return confirmOrder(ctx, order.id, 'reconciler');
    case '0121':
      return age >= requestWindowMs
        ? closeOrder(
            ctx,
            order.id,
            'expired',
            ['pending', 'confirming'],
            'The payment request expired on LINE Pay.',
          )
        : closeOrder(
            ctx,
            order.id,
            'cancelled',
            ['pending', 'confirming'],
            'The shopper cancelled on the payment page.',
          );
    case '0122':
      return closeOrder(
        ctx,
        order.id,
        'failed',
        ['pending', 'confirming'],
        'LINE Pay reports the payment failed.',
      );
    case '0123': {
      const facts = await readPaymentFacts(ctx, order);
      return facts
        ? settleOrder(ctx, order.id, facts, ['pending', 'confirming'], 'reconciler: payment details')
        : order;
    }
    default:
      return order;
  }
}

/** Admin calls whose answer was lost, and holds that may have expired: details decide. */
async function reconcileFromDetails(ctx: ShopContext, order: OrderRow): Promise<OrderRow> {
  const facts = await readPaymentFacts(ctx, order);
  if (!facts) {
    return order;
  }
  if (order.status === 'authorized' && facts.state === 'authorized') {
    return order;
  }
  return settleOrder(ctx, order.id, facts, [order.status], 'reconciler: payment details');
}

/** Runs one reconciliation pass over orders not touched for `olderThanMs`. */
export async function reconcileOnce(ctx: ShopContext, olderThanMs: number): Promise<ReconcileReport> {
  const now = await ctx.clock.now();
  const before = new Date(now.getTime() - olderThanMs);
  const changed: Record<string, string> = {};
  const errors: Record<string, string> = {};
  let checked = 0;
  const visit = async (order: OrderRow, work: () => Promise<OrderRow>) => {
    checked += 1;
    try {
      const after = await work();
      if (after.status !== order.status) {
        changed[order.id] = after.status;
      }
    } catch (e) {
      errors[order.id] = e instanceof Error ? e.message : String(e);
      ctx.log.warn({ orderId: order.id, err: errors[order.id] }, 'reconcile failed for an order');
    }
  };

  for (const order of await staleOrders(ctx.db, ['pending', 'confirming'], before)) {
    await visit(order, () => reconcileOpen(ctx, order, now));
  }
  for (const order of await staleOrders(ctx.db, ['capturing', 'voiding'], before)) {
    await visit(order, () => reconcileFromDetails(ctx, order));
  }
  const lapsed = (await staleOrders(ctx.db, ['authorized'], now)).filter(
    (o) => o.authorizationExpiresAt !== null && o.authorizationExpiresAt <= now,
  );
  for (const order of lapsed) {
    await visit(order, () => reconcileFromDetails(ctx, order));
  }
  // Refunds still reserved long after their call ended (an unclear answer, or a process that
  // stopped mid-call): what payment details show is recorded, then the reservation goes. Never
  // younger than refundSettleMs, so a refund call still in flight is left alone.
  const refundsBefore = new Date(now.getTime() - Math.max(olderThanMs, refundSettleMs));
  for (const orderId of await ordersWithStaleRefunds(ctx.db, refundsBefore)) {
    const order = await findOrder(ctx.db, orderId);
    if (order) {
      await visit(order, async () => {
        const facts = await readPaymentFacts(ctx, order);
        if (!facts) {
          return order;
        }
        const after = await settleOrder(
          ctx,
          orderId,
          facts,
          [order.status],
          'reconciler: refunds from payment details',
        );
        await dropStalePendingRefunds(ctx.db, orderId, refundsBefore);
        return after;
      });
    }
  }
  return { checked, changed, errors };
}
