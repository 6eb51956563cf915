// Refunds from the admin page, full or partial. The amount is reserved in a transaction before
// LINE Pay is called, so two refunds at once can never together exceed what was captured; a
// refusal removes the reservation, so nothing is left half-written.
import { isLinePayError } from '@jinliu/sdk';
import type { ShopContext } from './context.ts';
import { badRequest, conflict, notFound, paymentFailed } from './errors.ts';
import { describeError, isUnclear } from './linepay-codes.ts';
import { toWire } from './money.ts';
import { findOrder, type OrderRow, type OrderStatus, toOrder, transition } from './orders-store.ts';
import { readPaymentFacts } from './payment-facts.ts';
import { completeRefund, dropPendingRefund, refundTotal, reserveRefund } from './refunds-store.ts';
import { settleOrder } from './settle.ts';

const refundable: readonly OrderStatus[] = ['paid', 'partially_refunded'];

function formatNt(amount: bigint): string {
  return `NT$${amount.toLocaleString('en-US')}`;
}

/**
 * Refunds `amount` (minor units) of a paid order, or everything still refundable when omitted.
 * Returns the order afterwards.
 */
export async function refundOrder(ctx: ShopContext, orderId: string, amount?: bigint): Promise<OrderRow> {
  if (amount !== undefined && amount <= 0n) {
    throw badRequest('The refund amount must be more than zero.', 'bad_amount');
  }
  const now = await ctx.clock.now();
  const reserved = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query('SELECT * FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
    if (!row) {
      throw notFound(`There is no order ${orderId}.`);
    }
    const order = toOrder(row);
    if (!refundable.includes(order.status) || order.transactionId === null) {
      throw conflict(
        `Order ${orderId} is ${order.status}: only paid orders can be refunded.`,
        'not_refundable',
      );
    }
    const taken = await refundTotal(tx, orderId, ['pending', 'succeeded']);
    const left = order.capturedAmount - taken;
    const refund = amount ?? left;
    if (left <= 0n) {
      throw conflict(`Order ${orderId} has nothing left to refund.`, 'nothing_to_refund');
    }
    if (refund > left) {
      throw badRequest(
        `At most ${formatNt(left)} of order ${orderId} can still be refunded (asked ${formatNt(refund)}).`,
        'refund_too_large',
      );
    }
    return { order, refund, id: await reserveRefund(tx, orderId, refund, now) };
  });

  const { order, refund, id } = reserved;
  const transactionId = order.transactionId as bigint;
  try {
    const info = await ctx.linePay.refund(transactionId, { refundAmount: toWire(refund, order.currency) });
    const done = await ctx.clock.now();
    const after = await ctx.db.transaction(async (tx) => {
      await completeRefund(tx, id, info.refundTransactionId, done);
      const total = await refundTotal(tx, orderId, ['succeeded']);
      const [row] = await tx.query('SELECT * FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
      const current = row ? toOrder(row) : order;
      return transition(
        tx,
        orderId,
        refundable,
        total >= current.capturedAmount ? 'refunded' : 'partially_refunded',
        { refundedAmount: total },
        {
          kind: 'refund',
          detail: `${formatNt(refund)} refunded (LINE Pay ${info.refundTransactionId})`,
          at: done,
        },
      );
    });
    ctx.log.info({ orderId, amount: refund.toString() }, 'refunded');
    return after ?? (await findOrder(ctx.db, orderId)) ?? order;
  } catch (e) {
    if (isLinePayError(e) && !isUnclear(e.returnCode)) {
      // LINE Pay clearly refused: the reservation goes, nothing is left half-written.
      await dropPendingRefund(ctx.db, id);
      throw paymentFailed(`LINE Pay refused the refund: ${describeError(e)}.`, 'refund_refused');
    }
    // No clear answer: LINE Pay may have refunded. Payment details decide; until they can be
    // read, the reservation stays (so nothing more is refunded) and the reconciler settles it.
    const facts = await readPaymentFacts(ctx, order).catch(() => undefined);
    if (facts) {
      await settleOrder(ctx, orderId, facts, refundable, 'payment details after an unclear refund');
      await dropPendingRefund(ctx.db, id);
    }
    const why = isLinePayError(e) ? describeError(e) : e instanceof Error ? e.message : String(e);
    throw paymentFailed(
      facts
        ? `LINE Pay gave no clear answer to the refund (${why}). The order now shows what LINE Pay reports; check it before trying again.`
        : `LINE Pay gave no clear answer to the refund (${why}). The amount stays reserved until the shop can read what LINE Pay did.`,
      'refund_unclear',
    );
  }
}
