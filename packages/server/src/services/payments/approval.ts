import {
  brandOf,
  type Currency,
  effectiveStatus,
  type Failure,
  type FundingPart,
  fail,
  luhnValid,
  normaliseCardNumber,
  ok,
  type PayMethod,
  parseWireAmount,
  type Result,
  seal,
} from '@jinliu/core';
import {
  type CardRow,
  cardsOf,
  enqueueJob,
  ensureAccount,
  findCard,
  findUser,
  lockPaymentById,
  type PaymentRow,
  type Sql,
  updatePayment,
  upsertCard,
} from '@jinliu/db';
import { cardFingerprint } from '../channels.ts';
import type { PaymentDeps } from './deps.ts';
import type { StoredRequest } from './request-codec.ts';

/** What the user chose on the payment page. */
export interface ApprovalInput {
  readonly userId: string;
  readonly method: PayMethod;
  /** A new test card number (goes into the vault) or a saved card id. */
  readonly cardNumber?: string;
  readonly cardId?: bigint;
  /** Points to spend (major units) together with `method`. */
  readonly points?: number;
}

/** Where the browser goes next. */
export interface Redirect {
  readonly payment: PaymentRow;
  readonly redirectUrl: string | null;
}

/** The durable job kind that calls a merchant's confirmUrl for confirmUrlType SERVER. */
export const confirmCallbackKind = 'confirm-callback';

/** Attempts before a confirm callback is given up (about two days with the retry schedule). */
export const confirmCallbackAttempts = 10;

/** The browser's next stop after approval: the confirmUrl for CLIENT, nothing for SERVER and NONE. */
export function confirmRedirect(p: PaymentRow): string | null {
  const urls = (p.request as StoredRequest).redirectUrls;
  return urls?.confirmUrlType === 'CLIENT' ? confirmUrlWithIds(p) : null;
}

/** Appends transactionId and orderId to the confirmUrl, keeping any the merchant put there (reference §4.1). */
export function confirmUrlWithIds(p: PaymentRow): string | null {
  const urls = (p.request as StoredRequest).redirectUrls;
  if (!urls?.confirmUrl) {
    return null;
  }
  const url = new URL(urls.confirmUrl);
  if (!url.searchParams.has('transactionId')) {
    url.searchParams.append('transactionId', p.transactionId.toString());
  }
  if (!url.searchParams.has('orderId')) {
    url.searchParams.append('orderId', p.orderId);
  }
  return url.toString();
}

/** Why a payment cannot be approved now, if it cannot (only a waiting request can be). */
export function approvalGate(p: PaymentRow, now: Date): Failure | undefined {
  const status = effectiveStatus(p, now);
  if (status === 'EXPIRED' || status === 'CANCELLED') {
    return fail('1180', 'this payment request was cancelled or has expired');
  }
  if (status !== 'REQUESTED') {
    return fail(
      '1179',
      status === 'FAILED' ? 'this payment is locked' : 'this payment has already been approved',
    );
  }
  return undefined;
}

/**
 * The user approves a waiting payment: the funding choice is recorded and the payment becomes
 * AUTHENTICATED (check → 0110). Money moves only when the merchant confirms.
 */
export async function approvePayment(
  deps: PaymentDeps,
  transactionId: bigint,
  input: ApprovalInput,
): Promise<Result<Redirect>> {
  return deps.db.transaction(async (tx) => {
    const p = await lockPaymentById(tx, transactionId);
    if (!p) {
      return fail('1150');
    }
    const now = deps.clock.now();
    const gate = approvalGate(p, now);
    if (gate) {
      return gate;
    }
    const user = await findUser(tx, input.userId);
    if (!user) {
      return fail('1101', `no user ${input.userId}`);
    }
    return approveLocked(tx, deps, p, input, now);
  });
}

/** Records an approval on a locked, waiting payment (shared by the sandbox helper and the wallet). */
export async function approveLocked(
  tx: Sql,
  deps: PaymentDeps,
  p: PaymentRow,
  input: ApprovalInput,
  now: Date,
  planned?: FundingPart[],
): Promise<Result<Redirect>> {
  const funding = planned ? ok(planned) : await planFunding(tx, deps, p, input);
  if (!funding.ok) {
    return funding;
  }
  const change = {
    status: 'AUTHENTICATED' as const,
    funding: funding.value,
    capturedAmount: 0n,
    refundedAmount: 0n,
    userId: input.userId,
    approvedAt: now,
  };
  await updatePayment(
    tx,
    p.transactionId,
    change,
    {
      merchantId: p.merchantId,
      type: 'payment.approved',
      payload: { transactionId: p.transactionId.toString(), orderId: p.orderId },
    },
    now,
  );
  const approved: PaymentRow = { ...p, ...change, approvedAt: now };
  const callbackUrl = confirmUrlWithIds(approved);
  if ((p.request as StoredRequest).redirectUrls?.confirmUrlType === 'SERVER' && callbackUrl) {
    // Enqueued with the approval itself: the call happens once the approval is committed, and survives restarts.
    await enqueueJob(
      tx,
      {
        kind: confirmCallbackKind,
        dedupeKey: p.transactionId.toString(),
        payload: { url: callbackUrl, transactionId: p.transactionId.toString() },
        maxAttempts: confirmCallbackAttempts,
        runAt: now,
      },
      now,
    );
  }
  return ok({ payment: approved, redirectUrl: confirmRedirect(approved) });
}

/** Builds the funding parts of an approval (points first taken from the user's points account). */
export async function planFunding(
  tx: Sql,
  deps: PaymentDeps,
  p: PaymentRow,
  input: ApprovalInput,
): Promise<Result<FundingPart[]>> {
  const user = input.userId;
  let points = 0n;
  if (input.points !== undefined && input.method !== 'POINT') {
    const parsed = parseWireAmount(input.points, p.currency, 'points');
    if (!parsed.ok) {
      return parsed;
    }
    if (parsed.value < 0n || parsed.value > p.amount) {
      return fail('2101', 'points must be between 0 and the payment amount');
    }
    points = parsed.value;
  }
  const rest = input.method === 'POINT' ? 0n : p.amount - points;
  const pointsAmount = input.method === 'POINT' ? p.amount : points;
  const parts: FundingPart[] = [];
  if (rest > 0n) {
    if (input.method === 'CREDIT_CARD') {
      const card = await chooseCard(tx, deps, user, input);
      if (!card.ok) {
        return card;
      }
      parts.push({
        method: 'CREDIT_CARD',
        accountId: null,
        cardId: card.value.cardId,
        card: { brand: card.value.brand, last4: card.value.last4, nickname: card.value.nickname },
        amount: rest,
        captured: 0n,
        refunded: 0n,
      });
    } else {
      parts.push(await userPart(tx, 'BALANCE', user, p.currency, rest));
    }
  }
  if (pointsAmount > 0n) {
    parts.push(await userPart(tx, 'POINT', user, p.currency, pointsAmount));
  }
  return ok(parts);
}

async function userPart(
  tx: Sql,
  method: 'BALANCE' | 'POINT',
  userId: string,
  currency: Currency,
  amount: bigint,
): Promise<FundingPart> {
  const accountId = await ensureAccount(
    tx,
    method === 'BALANCE' ? 'user_balance' : 'user_points',
    userId,
    currency,
  );
  return { method, accountId, cardId: null, card: null, amount, captured: 0n, refunded: 0n };
}

async function chooseCard(
  tx: Sql,
  deps: PaymentDeps,
  userId: string,
  input: ApprovalInput,
): Promise<Result<CardRow>> {
  if (input.cardNumber !== undefined) {
    return saveCard(tx, deps, userId, input.cardNumber, 12, 2030);
  }
  if (input.cardId !== undefined) {
    const card = await findCard(tx, input.cardId);
    return card && card.userId === userId ? ok(card) : fail('1110', 'no such saved card for this user');
  }
  const [first] = await cardsOf(tx, userId);
  return first ? ok(first) : fail('1110', 'the user has no saved card; pass cardNumber');
}

/** Puts a card into the vault: number sealed, brand and last four in the clear, never a CVC. */
export async function saveCard(
  tx: Sql,
  deps: Pick<PaymentDeps, 'keyring' | 'clock'>,
  userId: string,
  rawNumber: string,
  expMonth: number,
  expYear: number,
  nickname = '',
): Promise<Result<CardRow>> {
  const number = normaliseCardNumber(rawNumber);
  if (!luhnValid(number)) {
    return fail('1295', 'the card number is not valid (Luhn check failed)');
  }
  const brand = brandOf(number);
  if (!brand) {
    return fail('1110', 'card brand not supported (VISA, MASTER, AMEX, JCB, DINERS)');
  }
  const sealed = seal(deps.keyring, number, `card:${userId}`);
  const card = await upsertCard(tx, {
    userId,
    brand,
    last4: number.slice(-4),
    expMonth,
    expYear,
    nickname,
    panKeyId: sealed.keyId,
    panEnc: sealed.data,
    fingerprint: cardFingerprint(deps.keyring, number),
    createdAt: deps.clock.now(),
  });
  return ok(card);
}

/** The user (or the sandbox) cancels on the payment page: the browser goes to cancelUrl. */
export async function cancelPayment(deps: PaymentDeps, transactionId: bigint): Promise<Result<Redirect>> {
  return deps.db.transaction(async (tx) => {
    const p = await lockPaymentById(tx, transactionId);
    if (!p) {
      return fail('1150');
    }
    const now = deps.clock.now();
    const status = effectiveStatus(p, now);
    if (status !== 'REQUESTED' && status !== 'AUTHENTICATED') {
      return fail(
        status === 'EXPIRED' ? '1180' : '1179',
        `a ${status.toLowerCase()} payment cannot be cancelled`,
      );
    }
    const change = {
      status: 'CANCELLED' as const,
      funding: p.funding,
      capturedAmount: 0n,
      refundedAmount: 0n,
      closedAt: now,
    };
    await updatePayment(
      tx,
      p.transactionId,
      change,
      {
        merchantId: p.merchantId,
        type: 'payment.cancelled',
        payload: { transactionId: p.transactionId.toString(), orderId: p.orderId },
      },
      now,
    );
    return ok({
      payment: { ...p, ...change },
      redirectUrl: (p.request as StoredRequest).redirectUrls?.cancelUrl ?? null,
    });
  });
}
