// Recovery for writes whose answer was lost (timeout, dropped connection, 9000): the SDK asks
// payment details what actually happened before answering, and only re-sends when the details
// prove the write did not happen. It never invents ids: a recovered refund is the refund the
// details show, not the payment id (the line-pay-merchant bug, reference §9.4).
import { isLinePayError, LinePayError } from './errors.ts';
import { toMinor } from './packages-builder.ts';
import type {
  CaptureInfo,
  ConfirmInfo,
  Endpoint,
  PaymentDetail,
  RefundInfo,
  RefundListItem,
} from './types.ts';

/** What recovery needs from the client. */
export interface RecoveryContext {
  transactionId: bigint;
  /** The payment's element of payment details; undefined when details answer 1150 (not confirmed / unknown). */
  readPayment(): Promise<PaymentDetail | undefined>;
  sleep(ms: number): Promise<void>;
}

/** Total sends of a confirm or capture, the first included. */
export const maxWriteSends = 3;
/** Waits before each re-send of confirm/capture. */
export const resendBackoffMs: readonly number[] = [250, 1000];
/** Waits between the details reads that look for a refund still in flight. */
export const refundPollMs: readonly number[] = [0, 500, 1500];

/** A failure after which the write may or may not have been applied. */
export function isAmbiguous(e: unknown): e is LinePayError {
  return (
    isLinePayError(e) && (e.returnCode === 'TIMEOUT' || e.returnCode === 'NETWORK' || e.returnCode === '9000')
  );
}

function unresolved(endpoint: Endpoint, id: bigint, original: LinePayError, why: string): LinePayError {
  return new LinePayError({
    returnCode: original.returnCode,
    returnMessage: `${original.returnMessage}; ${why}. The outcome is unknown: check paymentDetails for transaction ${id} before trying again`,
    endpoint,
    retryable: false,
    transactionId: id,
    body: original.body,
    cause: original,
  });
}

async function readOrGiveUp(
  ctx: RecoveryContext,
  endpoint: Endpoint,
  original: LinePayError,
): Promise<PaymentDetail | undefined> {
  try {
    return await ctx.readPayment();
  } catch (e) {
    if (isLinePayError(e)) {
      throw unresolved(
        endpoint,
        ctx.transactionId,
        original,
        `and reading payment details failed too (${e.returnCode})`,
      );
    }
    throw e;
  }
}

interface WriteRecovery<T> {
  endpoint: 'confirm' | 'capture';
  /** The details show the write happened. */
  done(d: PaymentDetail): boolean;
  /** The details show the write did not happen, so sending again is safe. */
  notYet(d: PaymentDetail | undefined): boolean;
  /** Codes a re-send answers when an earlier send got through after all. */
  alreadyDone: readonly string[];
  build(d: PaymentDetail): T;
}

/** Sends a per-transaction write (confirm, capture), recovering from a lost answer through payment details. */
async function sendWrite<T>(ctx: RecoveryContext, send: () => Promise<T>, r: WriteRecovery<T>): Promise<T> {
  let original: LinePayError | undefined;
  for (let sends = 1; ; sends++) {
    try {
      return await send();
    } catch (e) {
      const resentAndDone =
        original !== undefined && isLinePayError(e) && r.alreadyDone.includes(e.returnCode);
      if (!isAmbiguous(e) && !resentAndDone) {
        throw e;
      }
      original ??= e as LinePayError;
    }
    const d = await readOrGiveUp(ctx, r.endpoint, original);
    if (d && r.done(d)) {
      return r.build(d);
    }
    if (!r.notYet(d)) {
      throw unresolved(
        r.endpoint,
        ctx.transactionId,
        original,
        `payment details show payStatus ${d?.payStatus}`,
      );
    }
    if (sends >= maxWriteSends) {
      throw unresolved(r.endpoint, ctx.transactionId, original, `still not applied after ${sends} attempts`);
    }
    await ctx.sleep(resendBackoffMs[sends - 1] ?? 1000);
  }
}

function paymentOf(
  d: PaymentDetail,
): Pick<ConfirmInfo, 'orderId' | 'transactionId' | 'payInfo' | 'memberships'> {
  return {
    orderId: d.orderId ?? '',
    transactionId: d.transactionId,
    payInfo: d.payInfo ?? [],
    // Details carry the payer's memberships too, so a recovered answer names the same cards.
    ...(d.memberships !== undefined ? { memberships: d.memberships } : {}),
  };
}

/** Confirm with recovery: AUTHORIZATION or CAPTURE in details means the confirm happened. */
export function confirmSafely(ctx: RecoveryContext, send: () => Promise<ConfirmInfo>): Promise<ConfirmInfo> {
  return sendWrite(ctx, send, {
    endpoint: 'confirm',
    done: (d) => d.payStatus === 'AUTHORIZATION' || d.payStatus === 'CAPTURE',
    notYet: (d) => d === undefined,
    alreadyDone: ['1152', '1172', '1198'],
    build: (d) => ({
      ...paymentOf(d),
      ...(d.packages
        ? {
            packages: d.packages.map(({ products: _products, ...pkg }) => pkg),
          }
        : {}),
      ...(d.payStatus === 'AUTHORIZATION' && d.authorizationExpireDate !== undefined
        ? { authorizationExpireDate: d.authorizationExpireDate }
        : {}),
      recovered: true,
    }),
  });
}

/** Capture with recovery: CAPTURE in details means the capture happened, AUTHORIZATION that it did not. */
export function captureSafely(ctx: RecoveryContext, send: () => Promise<CaptureInfo>): Promise<CaptureInfo> {
  return sendWrite(ctx, send, {
    endpoint: 'capture',
    done: (d) => d.payStatus === 'CAPTURE',
    notYet: (d) => d?.payStatus === 'AUTHORIZATION',
    alreadyDone: ['1155', '1165', '1172', '1179', '1198'],
    build: (d) => ({ ...paymentOf(d), recovered: true }),
  });
}

/** An amount on the wire → exact hundredths (every LINE Pay currency has at most 2 decimals). */
function hundredths(n: number): bigint {
  return toMinor(Math.abs(n), 'USD', 'amount');
}

function hundredthsOrUndefined(n: number): bigint | undefined {
  try {
    return hundredths(n);
  } catch {
    return undefined;
  }
}

/** What is left to refund: Σ payInfo + Σ refundAmount (refund amounts are negative on the wire). */
function remaining(d: PaymentDetail): bigint | undefined {
  try {
    const paid = (d.payInfo ?? []).reduce((acc, p) => acc + hundredths(p.amount), 0n);
    const refunded = (d.refundList ?? []).reduce((acc, r) => acc + hundredths(r.refundAmount), 0n);
    return paid - refunded;
  } catch {
    return undefined;
  }
}

function newRefunds(d: PaymentDetail | undefined, known: ReadonlySet<bigint>): RefundListItem[] {
  return (d?.refundList ?? []).filter((r) => !known.has(r.refundTransactionId));
}

/**
 * Refund with recovery. LINE Pay has no idempotency key, so before sending it notes the refunds
 * the payment already has (one extra details read); after a lost answer, exactly one new refund
 * of the expected amount is the answer; none → poll, then re-send once; anything else → an
 * error that is not retryable.
 */
export async function refundSafely(
  ctx: RecoveryContext,
  send: () => Promise<RefundInfo>,
  refundAmount: number | undefined,
): Promise<RefundInfo> {
  let before: PaymentDetail | undefined;
  try {
    before = await ctx.readPayment();
  } catch (e) {
    if (!isLinePayError(e)) {
      throw e;
    }
    // Nothing was sent yet, so calling refund again is safe whatever the read's failure was.
    throw new LinePayError({
      returnCode: e.returnCode,
      returnMessage: `reading payment details before the refund failed (${e.returnMessage}); the refund was not sent`,
      endpoint: 'refund',
      retryable: true,
      transactionId: ctx.transactionId,
      ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
      body: e.body,
      cause: e,
    });
  }
  if (!before) {
    // Nothing to refund as far as details know: the server's own answer (1150, 1155…) is the truth.
    return send();
  }
  const known = new Set((before.refundList ?? []).map((r) => r.refundTransactionId));
  const expected = refundAmount === undefined ? remaining(before) : hundredthsOrUndefined(refundAmount);
  const match = (d: PaymentDetail | undefined, original: LinePayError): RefundInfo | undefined => {
    const fresh = newRefunds(d, known);
    if (fresh.length === 0) {
      return undefined;
    }
    const [only] = fresh;
    if (
      fresh.length === 1 &&
      only &&
      expected !== undefined &&
      hundredthsOrUndefined(only.refundAmount) === expected
    ) {
      return {
        refundTransactionId: only.refundTransactionId,
        refundTransactionDate: only.refundTransactionDate,
        recovered: true,
      };
    }
    throw unresolved(
      'refund',
      ctx.transactionId,
      original,
      `payment details show ${fresh.length} new refund(s) that do not match this one exactly`,
    );
  };

  let original: LinePayError;
  try {
    return await send();
  } catch (e) {
    if (!isAmbiguous(e)) {
      throw e;
    }
    original = e;
  }
  for (const wait of refundPollMs) {
    await ctx.sleep(wait);
    const found = match(await readOrGiveUp(ctx, 'refund', original), original);
    if (found) {
      return found;
    }
  }
  // The refund did not appear while we watched: it was not applied, so it is sent once more.
  try {
    return await send();
  } catch (e) {
    const maybeLanded = isLinePayError(e) && ['1164', '1165', '1198'].includes(e.returnCode);
    if (!isAmbiguous(e) && !maybeLanded) {
      throw e;
    }
    const found = match(await readOrGiveUp(ctx, 'refund', original), original);
    if (found) {
      return found;
    }
    throw unresolved(
      'refund',
      ctx.transactionId,
      original,
      `the second attempt failed too (${(e as LinePayError).returnCode})`,
    );
  }
}
