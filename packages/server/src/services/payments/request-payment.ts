import {
  fail,
  newPaymentAccessToken,
  newReserveId,
  newTransactionId,
  ok,
  type Result,
  validatePaymentRequest,
} from '@jinliu/core';
import { insertPayment, isUniqueViolation, type PaymentRow, violatedConstraint } from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import type { PaymentDeps } from './deps.ts';
import { encodeRequest } from './request-codec.ts';

/** A created payment request. */
export interface RequestedPayment {
  readonly transactionId: bigint;
  readonly paymentAccessToken: string;
  readonly reserveId: string;
}

/**
 * `POST /v3/payments/request`: validates and stores a payment waiting for the user.
 * One INSERT; a reused orderId is refused by the unique index (1172), so two concurrent
 * requests with one orderId cannot both win.
 */
export async function requestPayment(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  body: unknown,
): Promise<Result<RequestedPayment>> {
  const request = validatePaymentRequest(body, channel);
  if (!request.ok) {
    return request;
  }
  const r = request.value;
  const now = deps.clock.now();
  // Random ids can collide (rarely); a collision on an id is retried, on the orderId it is the merchant's.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const transactionId = newTransactionId(deps.clock, deps.random, 'payment');
    const paymentAccessToken = newPaymentAccessToken(deps.random);
    const reserveId = newReserveId(deps.random);
    try {
      await insertPayment(deps.db, {
        transactionId,
        channelId: channel.channelId,
        merchantId: channel.merchantId,
        orderId: r.orderId,
        currency: r.currency,
        amount: r.amount,
        status: 'REQUESTED',
        payType: r.payType,
        capture: r.capture,
        source: 'ONLINE',
        productName: r.productName,
        request: encodeRequest(r),
        accessToken: paymentAccessToken,
        reserveId,
        userId: null,
        funding: null,
        capturedAmount: 0n,
        regKey: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + deps.timings.requestExpiryMs),
        confirmedAt: null,
        authExpiresAt: null,
        capturedAt: null,
      });
      return ok({ transactionId, paymentAccessToken, reserveId });
    } catch (error) {
      if (isUniqueViolation(error) && violatedConstraint(error) === 'payments_order_unique') {
        return fail('1172', `orderId ${r.orderId} has already been used`);
      }
      if (!isUniqueViolation(error)) {
        throw error;
      }
    }
  }
  return fail('9000');
}

/** A payment as the merchant may see it (PaymentRow scoped to a channel). */
export type ChannelPayment = PaymentRow;
