import { decideRefund, newTransactionId, ok, type Result, readRefundBody } from '@jinliu/core';
import { insertRefund, type RefundRow } from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import { applyTransition } from './apply-transition.ts';
import { withCurrentPayment } from './authorization.ts';
import type { PaymentDeps } from './deps.ts';

/**
 * `POST /v3/payments/{transactionId}/refund`: full when no amount is given, else partial,
 * repeatable until the captured amount is used up. The payment row lock serialises
 * concurrent refunds, so their sum can never exceed what was captured.
 */
export async function refundPayment(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  transactionId: bigint,
  body: unknown,
): Promise<Result<RefundRow>> {
  return withCurrentPayment(deps, channel, transactionId, async (p, now, tx, system) => {
    const amount = readRefundBody(body, p.currency);
    if (!amount.ok) {
      return amount;
    }
    const refundId = newTransactionId(deps.clock, deps.random, 'refund');
    const decision = decideRefund(p, amount.value, refundId, now, system, deps.timings);
    if (!decision.ok) {
      return decision;
    }
    const refund: RefundRow = {
      refundId,
      transactionId: p.transactionId,
      channelId: p.channelId,
      merchantId: p.merchantId,
      amount: decision.value.amount,
      type: decision.value.type,
      createdAt: now,
    };
    await insertRefund(tx, refund);
    await applyTransition(tx, p, decision.value.transition, now);
    return ok(refund);
  });
}
