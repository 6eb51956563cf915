// Reserved orders (authorize only, "pay when picked up"): capture all or part of the held amount,
// or void the hold. The order is claimed first (authorized → capturing/voiding) so two admins
// clicking at once cause one call; any unclear answer is settled from payment details.
import { isLinePayError, type LinePayError } from '@jinliu/sdk';
import type { ShopContext } from './context.ts';
import { badRequest, conflict, notFound, paymentFailed } from './errors.ts';
import { describeError, isUnclear } from './linepay-codes.ts';
import { toWire } from './money.ts';
import { findOrder, type OrderRow, transition } from './orders-store.ts';
import { factsFromCapture, readPaymentFacts } from './payment-facts.ts';
import { closeOrder, settleOrder } from './settle.ts';

async function claim(ctx: ShopContext, orderId: string, to: 'capturing' | 'voiding', detail: string) {
  const order = await findOrder(ctx.db, orderId);
  if (!order) {
    throw notFound(`There is no order ${orderId}.`);
  }
  if (order.status !== 'authorized' || order.transactionId === null) {
    throw conflict(
      `Order ${orderId} is ${order.status}: only reserved (authorized) orders can be ${to === 'capturing' ? 'captured' : 'voided'}.`,
      'not_authorized',
    );
  }
  const now = await ctx.clock.now();
  const claimed = await transition(ctx.db, orderId, ['authorized'], to, {}, { kind: to, detail, at: now });
  if (!claimed) {
    throw conflict(`Order ${orderId} changed meanwhile; reload and try again.`, 'busy');
  }
  return { order: claimed, transactionId: order.transactionId };
}

/** After a failed capture/void: payment details decide the order's status; the error is reported. */
async function settleAfter(
  ctx: ShopContext,
  order: OrderRow,
  from: 'capturing' | 'voiding',
  e: LinePayError,
) {
  const facts = await readPaymentFacts(ctx, order).catch(() => undefined);
  if (facts) {
    await settleOrder(ctx, order.id, facts, [from], `payment details after ${from} ${e.returnCode}`);
  } else if (!isUnclear(e.returnCode)) {
    // Clearly refused and details unreadable: the hold is as it was.
    const now = await ctx.clock.now();
    await transition(
      ctx.db,
      order.id,
      [from],
      'authorized',
      {},
      { kind: `${from}-refused`, detail: describeError(e), at: now },
    );
  }
  // Unclear and unreadable: stays capturing/voiding; the reconciler settles it from details.
}

/** Captures `amount` (minor units; all of it when omitted) of a reserved order. */
export async function captureOrder(ctx: ShopContext, orderId: string, amount?: bigint): Promise<OrderRow> {
  const existing = await findOrder(ctx.db, orderId);
  if (existing && amount !== undefined && (amount <= 0n || amount > existing.amount)) {
    throw badRequest(
      `The capture amount must be from NT$1 to NT$${existing.amount.toLocaleString('en-US')}.`,
      'bad_amount',
    );
  }
  const { order, transactionId } = await claim(ctx, orderId, 'capturing', `capture ${amount ?? 'all'}`);
  const capture = amount ?? order.amount;
  try {
    const info = await ctx.linePay.capture(transactionId, {
      amount: toWire(capture, order.currency),
      currency: order.currency as 'TWD',
    });
    return await settleOrder(ctx, orderId, factsFromCapture(order, info), ['capturing'], 'capture');
  } catch (e) {
    if (!isLinePayError(e)) {
      throw e;
    }
    await settleAfter(ctx, order, 'capturing', e);
    throw paymentFailed(
      `LINE Pay did not capture: ${describeError(e)}.`,
      isUnclear(e.returnCode) ? 'capture_unclear' : 'capture_refused',
    );
  }
}

/** Releases the hold of a reserved order (the shopper never picked it up). */
export async function voidOrder(ctx: ShopContext, orderId: string): Promise<OrderRow> {
  const { order, transactionId } = await claim(ctx, orderId, 'voiding', 'void');
  try {
    await ctx.linePay.void(transactionId);
    return await closeOrder(
      ctx,
      orderId,
      'voided',
      ['voiding'],
      'The reservation was voided; the hold is released.',
    );
  } catch (e) {
    if (!isLinePayError(e)) {
      throw e;
    }
    await settleAfter(ctx, order, 'voiding', e);
    throw paymentFailed(
      `LINE Pay did not void: ${describeError(e)}.`,
      isUnclear(e.returnCode) ? 'void_unclear' : 'void_refused',
    );
  }
}
