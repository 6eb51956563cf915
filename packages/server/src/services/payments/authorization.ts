import {
  decideCapture,
  decideExpiry,
  decideVoid,
  fail,
  ok,
  type Result,
  readAmountBody,
  type SystemAccounts,
} from '@jinliu/core';
import { lockPayment, type PaymentRow, type Sql } from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import { afterTransition, applyTransition } from './apply-transition.ts';
import type { PaymentDeps } from './deps.ts';
import { type PaidPayment, withMemberships } from './paid-payment.ts';

/** Locks the payment, persists any expiry the clock has decided, and hands the current row on. */
async function withCurrentPayment<T>(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  transactionId: bigint,
  fn: (p: PaymentRow, now: Date, tx: Sql, system: SystemAccounts) => Promise<Result<T>>,
): Promise<Result<T>> {
  // Resolved before the transaction: the embedded database has one connection.
  const system = await deps.accounts.forMerchant(channel.merchantId, channel.currency);
  return deps.db.transaction(async (tx) => {
    const stored = await lockPayment(tx, transactionId, channel.channelId);
    if (!stored) {
      return fail('1150');
    }
    const now = deps.clock.now();
    const expiry = decideExpiry(stored, now, system);
    if (expiry) {
      await applyTransition(tx, stored, expiry, now);
    }
    return fn(expiry ? afterTransition(stored, expiry) : stored, now, tx, system);
  });
}

/** `POST /v3/payments/authorizations/{transactionId}/capture`: full or partial, never more than authorized. */
export async function capturePayment(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  transactionId: bigint,
  body: unknown,
): Promise<Result<PaidPayment>> {
  return withCurrentPayment(deps, channel, transactionId, async (p, now, tx, system) => {
    const input = readAmountBody(body, p.currency);
    if (!input.ok) {
      return input;
    }
    const decision = decideCapture(p, input.value, now, system);
    if (!decision.ok) {
      return decision;
    }
    await applyTransition(tx, p, decision.value, now);
    const after = afterTransition(p, decision.value);
    return ok(await withMemberships(tx, deps, after, after.capturedAmount, now));
  });
}

/** `POST /v3/payments/authorizations/{transactionId}/void`: releases the whole hold. */
export async function voidPayment(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  transactionId: bigint,
): Promise<Result<PaymentRow>> {
  return withCurrentPayment(deps, channel, transactionId, async (p, now, tx, system) => {
    const decision = decideVoid(p, now, system);
    if (!decision.ok) {
      return decision;
    }
    await applyTransition(tx, p, decision.value, now);
    return ok(afterTransition(p, decision.value));
  });
}

export { withCurrentPayment };
