import {
  type CardErrorCode,
  cardNetworkOutcome,
  decideConfirm,
  decideExpiry,
  type FundingPart,
  fail,
  failed,
  newRegKey,
  ok,
  open,
  type Result,
  readAmountBody,
} from '@jinliu/core';
import { findCard, insertRegKey, lockPayment, type Sql } from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import { afterTransition, applyTransition, InsufficientFunds } from './apply-transition.ts';
import type { PaymentDeps } from './deps.ts';
import { type PaidPayment, withMemberships } from './paid-payment.ts';

/** What the simulated card network says for the card behind a funding part. */
export async function cardDeclineFor(
  sql: Sql,
  deps: PaymentDeps,
  parts: readonly FundingPart[] | null,
): Promise<CardErrorCode | undefined> {
  const cardPart = (parts ?? []).find((p) => p.method === 'CREDIT_CARD');
  if (!cardPart || cardPart.cardId === null) {
    return undefined;
  }
  const card = await findCard(sql, cardPart.cardId);
  if (!card) {
    return '1285';
  }
  const pan = open(deps.keyring, { keyId: card.panKeyId, data: card.panEnc }, `card:${card.userId}`);
  const outcome = cardNetworkOutcome(pan);
  return outcome === 'approved' ? undefined : outcome;
}

/**
 * `POST /v3/payments/{transactionId}/confirm`. The payment row is locked, so of any number
 * of concurrent confirms exactly one moves money; the others see it confirmed (1172).
 */
export async function confirmPayment(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  transactionId: bigint,
  body: unknown,
): Promise<Result<PaidPayment>> {
  // Resolved before the transaction: the embedded database has one connection.
  const system = await deps.accounts.forMerchant(channel.merchantId, channel.currency);
  try {
    return await deps.db.transaction(async (tx): Promise<Result<PaidPayment>> => {
      const stored = await lockPayment(tx, transactionId, channel.channelId);
      if (!stored) {
        return fail('1150');
      }
      const input = readAmountBody(body, stored.currency);
      if (!input.ok) {
        return input;
      }
      const now = deps.clock.now();
      let p = stored;
      const expiry = decideExpiry(p, now, system);
      if (expiry) {
        await applyTransition(tx, p, expiry, now);
        p = afterTransition(p, expiry);
      }
      const decline = p.status === 'AUTHENTICATED' ? await cardDeclineFor(tx, deps, p.funding) : undefined;
      const decision = decideConfirm(p, input.value, now, system, deps.timings, decline);
      if (!decision.ok) {
        return decision;
      }
      const t = decision.value;
      let regKey: string | undefined;
      if (p.payType === 'PREAPPROVED' && t.status !== 'FAILED') {
        regKey = newRegKey(deps.random);
        await insertRegKey(tx, {
          regKey,
          channelId: p.channelId,
          merchantId: p.merchantId,
          userId: p.userId ?? '',
          funding: regKeyFunding(p.funding ?? []),
          status: 'ACTIVE',
          originTransactionId: p.transactionId,
          createdAt: now,
          expiredAt: null,
        });
      }
      const posted = await applyTransition(tx, p, t, now, regKey ? { regKey } : {});
      if (!posted.ok) {
        throw new InsufficientFunds();
      }
      if (t.answer) {
        return t.answer;
      }
      const after = afterTransition(p, t, regKey ? { regKey } : {});
      return ok(await withMemberships(tx, deps, after, after.capturedAmount, now));
    });
  } catch (error) {
    if (error instanceof InsufficientFunds) {
      return markFailed(deps, channel, transactionId, '1142');
    }
    throw error;
  }
}

/** The source a regKey charges later: the registration's money method (points are not reused). */
function regKeyFunding(parts: readonly FundingPart[]): FundingPart {
  const money = parts.find((p) => p.method !== 'POINT') ?? parts[0];
  if (!money) {
    throw new Error('preapproved registration without funding');
  }
  return { ...money, amount: 0n, captured: 0n, refunded: 0n };
}

/** Closes an approved payment as FAILED after its debit was refused (in a fresh transaction). */
async function markFailed(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  transactionId: bigint,
  code: '1142',
): Promise<Result<PaidPayment>> {
  return deps.db.transaction(async (tx) => {
    const p = await lockPayment(tx, transactionId, channel.channelId);
    if (p?.status === 'AUTHENTICATED') {
      const now = deps.clock.now();
      await applyTransition(tx, p, failed(p, now, code), now);
    }
    return fail(code, "the user's balance is not enough for this payment");
  });
}
