import type { FundingPart, Transition } from '@jinliu/core';
import {
  commitPaymentTransition,
  type PaymentChange,
  type PaymentRow,
  type PostResult,
  type Sql,
} from '@jinliu/db';

/** The user accounts among a payment's funding: the only accounts whose balance is locked. */
export function trackedAccounts(funding: readonly FundingPart[] | null): Set<bigint> {
  return new Set(
    (funding ?? []).flatMap((p) => (p.method !== 'CREDIT_CARD' && p.accountId !== null ? [p.accountId] : [])),
  );
}

/**
 * Writes a transition: its journal entry (if it moves money), the payment's new state and
 * its outbox event, all inside the caller's transaction.
 */
export async function applyTransition(
  tx: Sql,
  p: PaymentRow,
  t: Transition,
  at: Date,
  extra: Partial<PaymentChange> = {},
): Promise<PostResult> {
  const committed = await commitPaymentTransition(tx, {
    paymentId: p.transactionId,
    currency: p.currency,
    entry: t.entry,
    tracked: trackedAccounts(t.funding ?? p.funding),
    change: { ...changeOf(t), ...(t.failureCode ? { failureCode: t.failureCode } : {}), ...extra },
    event: {
      merchantId: p.merchantId,
      type: t.event,
      payload: {
        transactionId: p.transactionId.toString(),
        orderId: p.orderId,
        status: t.status,
        currency: p.currency,
        amount: p.amount.toString(),
        capturedAmount: t.capturedAmount.toString(),
        refundedAmount: t.refundedAmount.toString(),
      },
    },
    at,
  });
  // A refused balance guard: nothing after it was written; the caller rolls back.
  return committed ? { ok: true } : { ok: false, accountId: 0n };
}

/** The columns a transition sets (undefined timestamps leave a column as it is). */
function changeOf(t: Transition) {
  return {
    status: t.status,
    funding: t.funding,
    capturedAmount: t.capturedAmount,
    refundedAmount: t.refundedAmount,
    ...(t.authExpiresAt !== undefined ? { authExpiresAt: t.authExpiresAt } : {}),
    ...(t.confirmedAt ? { confirmedAt: t.confirmedAt } : {}),
    ...(t.capturedAt ? { capturedAt: t.capturedAt } : {}),
    ...(t.closedAt ? { closedAt: t.closedAt } : {}),
  };
}

/** The payment row as it is after a transition (for rendering the answer without re-reading). */
export function afterTransition(p: PaymentRow, t: Transition, extra: Partial<PaymentRow> = {}): PaymentRow {
  return { ...p, ...changeOf(t), ...extra };
}

/** Thrown to roll back a transaction whose debit found a user's balance too low. */
export class InsufficientFunds extends Error {
  override readonly name = 'InsufficientFunds';
}
