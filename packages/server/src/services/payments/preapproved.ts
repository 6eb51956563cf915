import {
  type CardErrorCode,
  type FundingPart,
  fail,
  newTransactionId,
  ok,
  preapprovedEntry,
  type Result,
  readPreapprovedBody,
} from '@jinliu/core';
import {
  expireRegKey,
  findRegKey,
  insertOutboxEvent,
  insertPayment,
  isUniqueViolation,
  type PaymentRow,
  postEntry,
  violatedConstraint,
} from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import { InsufficientFunds, trackedAccounts } from './apply-transition.ts';
import { cardDeclineFor } from './confirm-payment.ts';
import type { PaymentDeps } from './deps.ts';
import { type PaidPayment, withMemberships } from './paid-payment.ts';

// Codes after which LINE Pay discards the regKey (reference §3.9).
const discardingCodes = new Set([
  '1141',
  '1282',
  '1283',
  '1284',
  '1285',
  '1286',
  '1287',
  '1290',
  '1291',
  '1292',
  '1293',
  '1294',
  '1295',
]);

/** `GET /v3/payments/preapprovedPay/{regKey}/check`: usable (0000), unknown (1190) or expired (1193). */
export async function checkRegKey(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  regKey: string,
  creditCardAuth: boolean,
): Promise<Result<null>> {
  const key = await findRegKey(deps.db, regKey, channel.channelId);
  if (!key) {
    return fail('1190');
  }
  if (key.status !== 'ACTIVE') {
    return fail('1193');
  }
  if (creditCardAuth) {
    const decline = await cardDeclineFor(deps.db, deps, [key.funding]);
    if (decline) {
      return fail(decline);
    }
  }
  return ok(null);
}

/** `POST /v3/payments/preapprovedPay/{regKey}/payment`: charges the registered source with no user step. */
export async function payPreapproved(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  regKey: string,
  body: unknown,
): Promise<Result<PaidPayment>> {
  const input = readPreapprovedBody(body, channel.currency);
  if (!input.ok) {
    return input;
  }
  const i = input.value;
  // Resolved before the transaction: the embedded database has one connection.
  const system = await deps.accounts.forMerchant(channel.merchantId, i.currency);
  try {
    return await deps.db.transaction(async (tx): Promise<Result<PaidPayment>> => {
      // Locking the key serialises payments on one regKey.
      const key = await findRegKey(tx, regKey, channel.channelId, true);
      if (!key) {
        return fail('1190');
      }
      if (key.status !== 'ACTIVE') {
        return fail('1193');
      }
      const now = deps.clock.now();
      const decline: CardErrorCode | undefined = await cardDeclineFor(tx, deps, [key.funding]);
      if (decline) {
        if (discardingCodes.has(decline)) {
          await expireRegKey(tx, regKey, now);
        }
        return fail(decline);
      }
      const transactionId = newTransactionId(deps.clock, deps.random, 'payment');
      const part: FundingPart = {
        ...key.funding,
        amount: i.amount,
        captured: i.capture ? i.amount : 0n,
        refunded: 0n,
      };
      const payment: PaymentRow = {
        transactionId,
        channelId: channel.channelId,
        merchantId: channel.merchantId,
        orderId: i.orderId,
        currency: i.currency,
        amount: i.amount,
        status: i.capture ? 'CAPTURED' : 'AUTHORIZED',
        payType: 'NORMAL',
        capture: i.capture,
        source: 'PREAPPROVED',
        productName: i.productName,
        request: { packages: [], regKey },
        accessToken: null,
        reserveId: null,
        userId: key.userId,
        funding: [part],
        capturedAmount: i.capture ? i.amount : 0n,
        refundedAmount: 0n,
        regKey,
        failureCode: null,
        createdAt: now,
        expiresAt: now,
        approvedAt: now,
        confirmedAt: now,
        authExpiresAt: i.capture ? null : new Date(now.getTime() + deps.timings.authorizationValidityMs),
        capturedAt: i.capture ? now : null,
        closedAt: null,
      };
      await insertPayment(tx, payment);
      const posted = await postEntry(
        tx,
        preapprovedEntry(transactionId, part, i.capture, system),
        i.currency,
        transactionId,
        now,
        trackedAccounts([part]),
      );
      if (!posted.ok) {
        throw new InsufficientFunds();
      }
      await insertOutboxEvent(
        tx,
        channel.merchantId,
        i.capture ? 'payment.captured' : 'payment.authorized',
        { transactionId: transactionId.toString(), orderId: i.orderId, regKey, amount: i.amount.toString() },
        now,
      );
      return ok(await withMemberships(tx, deps, payment, payment.capturedAmount, now));
    });
  } catch (error) {
    if (error instanceof InsufficientFunds) {
      return fail('1142', "the user's balance is not enough for this payment");
    }
    if (isUniqueViolation(error) && violatedConstraint(error) === 'payments_order_unique') {
      return fail('1172', `orderId ${i.orderId} has already been used`);
    }
    throw error;
  }
}

/** `POST /v3/payments/preapprovedPay/{regKey}/expire`. */
export async function expirePreapproved(
  deps: PaymentDeps,
  channel: AuthenticatedChannel,
  regKey: string,
): Promise<Result<null>> {
  const key = await findRegKey(deps.db, regKey, channel.channelId);
  if (!key) {
    return fail('1190');
  }
  const expired = await expireRegKey(deps.db, regKey, deps.clock.now());
  return expired ? ok(null) : fail('1193');
}
