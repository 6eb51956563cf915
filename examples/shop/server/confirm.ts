// Confirming a payment the shopper approved, from whichever side gets there first: the browser
// coming back to the shop, or the reconciler. Only the holder of the order's claim calls
// confirm; everyone else re-reads the order and reports what they find.
import { isLinePayError, type LinePayError } from '@jinliu/sdk';
import type { ShopContext } from './context.ts';
import { badRequest, notFound } from './errors.ts';
import { describeError, isAlreadyConfirmed, isUnclear } from './linepay-codes.ts';
import { toWire } from './money.ts';
import { claimForConfirm, findOrder, type OrderRow, releaseClaim, transition } from './orders-store.ts';
import { factsFromConfirm, readPaymentFacts } from './payment-facts.ts';
import { closeOrder, settleOrder } from './settle.ts';

const open = ['pending', 'confirming'] as const;

/** Who is asking for a confirm (kept in the order trail). */
export type Confirmer = 'shopper' | 'reconciler';

/**
 * Confirms an order's payment once. `transactionId` is what LINE Pay put on the shopper's
 * return URL; it must be this order's. Returns the order afterwards: paid/authorized, still
 * `confirming` ("we're checking your payment") when the answer was lost, or closed with a reason.
 */
export async function confirmOrder(
  ctx: ShopContext,
  orderId: string,
  by: Confirmer,
  transactionId?: bigint,
): Promise<OrderRow> {
  const order = await findOrder(ctx.db, orderId);
  if (!order) {
    throw notFound(`There is no order ${orderId}.`);
  }
  if (transactionId !== undefined && order.transactionId !== transactionId) {
    throw badRequest('This payment does not belong to this order.', 'transaction_mismatch');
  }
  if (!(open as readonly string[]).includes(order.status)) {
    return order;
  }
  const now = await ctx.clock.now();
  const token = ctx.newId('claim');
  const claimed = await claimForConfirm(
    ctx.db,
    orderId,
    token,
    now,
    new Date(now.getTime() - ctx.confirmLeaseMs),
  );
  if (!claimed) {
    // Someone else is confirming it, or already did: report the order as it is now.
    return (await findOrder(ctx.db, orderId)) ?? order;
  }
  return confirmClaimed(ctx, claimed, token, by);
}

async function confirmClaimed(
  ctx: ShopContext,
  order: OrderRow,
  token: string,
  by: Confirmer,
): Promise<OrderRow> {
  const transactionId = order.transactionId;
  if (transactionId === null) {
    throw new Error(`order ${order.id} has no transaction to confirm`);
  }
  try {
    const info = await ctx.linePay.confirm(transactionId, {
      amount: toWire(order.amount, order.currency),
      currency: order.currency as 'TWD',
    });
    const how = info.recovered
      ? `confirm by ${by} (answer recovered from payment details)`
      : `confirm by ${by}`;
    return await settleOrder(ctx, order.id, factsFromConfirm(order, info), ['confirming'], how);
  } catch (e) {
    if (!isLinePayError(e)) {
      await releaseClaim(
        ctx.db,
        order.id,
        token,
        'The shop hit an error while confirming.',
        await ctx.clock.now(),
      );
      throw e;
    }
    return afterConfirmError(ctx, order, token, by, e);
  }
}

async function afterConfirmError(
  ctx: ShopContext,
  order: OrderRow,
  token: string,
  by: Confirmer,
  e: LinePayError,
): Promise<OrderRow> {
  const code = e.returnCode;
  const now = await ctx.clock.now();
  ctx.log.warn({ orderId: order.id, by, returnCode: code }, 'confirm did not succeed');
  if (isAlreadyConfirmed(code) || isUnclear(code)) {
    // Confirmed elsewhere, or we cannot tell: payment details say what really happened.
    const facts = await readPaymentFacts(ctx, order).catch(() => undefined);
    if (facts && (facts.state === 'captured' || facts.state === 'authorized')) {
      return settleOrder(ctx, order.id, facts, ['confirming'], `payment details after confirm ${code}`);
    }
    await releaseClaim(
      ctx.db,
      order.id,
      token,
      `LINE Pay gave no clear answer to the confirm (${describeError(e)}); the shop checks again shortly.`,
      now,
    );
    return (await findOrder(ctx.db, order.id)) ?? order;
  }
  if (code === '1169') {
    // The shopper has not approved yet: back to waiting.
    const back = await transition(
      ctx.db,
      order.id,
      ['confirming'],
      'pending',
      { claimToken: null, claimedAt: null },
      { kind: 'confirm-too-early', detail: describeError(e), at: now },
    );
    return back ?? (await findOrder(ctx.db, order.id)) ?? order;
  }
  if (code === '1180') {
    return closeOrder(
      ctx,
      order.id,
      'expired',
      ['confirming'],
      `The payment request expired (${describeError(e)}).`,
    );
  }
  return closeOrder(
    ctx,
    order.id,
    'failed',
    ['confirming'],
    `LINE Pay refused the payment: ${describeError(e)}.`,
  );
}

/**
 * The shopper came back through the cancel URL. Only a `pending` order is cancelled; LINE Pay
 * is asked first, so a payment that did go through is confirmed instead of lost.
 */
export async function cancelOrder(ctx: ShopContext, orderId: string): Promise<OrderRow> {
  const order = await findOrder(ctx.db, orderId);
  if (!order) {
    throw notFound(`There is no order ${orderId}.`);
  }
  if (order.status !== 'pending') {
    return order;
  }
  if (order.transactionId !== null) {
    const status = await ctx.linePay.checkPaymentStatus(order.transactionId).catch(() => undefined);
    if (status?.returnCode === '0110') {
      return confirmOrder(ctx, orderId, 'shopper');
    }
    if (status?.returnCode === '0123') {
      const facts = await readPaymentFacts(ctx, order);
      if (facts) {
        return settleOrder(ctx, orderId, facts, open, 'payment details on cancel');
      }
    }
    if (status?.returnCode === '0122') {
      return closeOrder(ctx, orderId, 'failed', ['pending'], 'LINE Pay reports the payment failed.');
    }
  }
  return closeOrder(ctx, orderId, 'cancelled', ['pending'], 'The shopper cancelled on the payment page.');
}
