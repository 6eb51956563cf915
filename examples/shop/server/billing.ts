// Monthly billing: every active subscription whose next charge is due is charged through its
// regKey. Each period has its own LINE Pay orderId, so a charge retried after a lost answer can
// never be paid twice: LINE Pay answers 1172 and the shop records the charge it finds.
import { isLinePayError, type LinePayError, type Membership } from '@jinliu/sdk';
import { periodOrderId } from './billing-schedule.ts';
import { coffeeClub } from './catalogue.ts';
import type { ShopContext } from './context.ts';
import { conflict, notFound, paymentFailed } from './errors.ts';
import { describeError, isUnclear, retiresRegKey } from './linepay-codes.ts';
import { ownMembershipCode } from './member-rules.ts';
import { recordChargeMembership } from './membership-credit.ts';
import { fromWire, toWire } from './money.ts';
import {
  claimForBilling,
  dueSubscriptions,
  endSubscription,
  findSubscription,
  recordPeriodPaid,
  releaseBilling,
  type SubscriptionRow,
} from './subscriptions-store.ts';

/** How long one run may hold a subscription (payPreapproved waits up to 40 s). */
const billingLeaseMs = 5 * 60_000;

/** What a billing run did, per subscription id. */
export interface BillingReport {
  readonly charged: Readonly<Record<string, number>>;
  readonly ended: Readonly<Record<string, string>>;
  readonly failed: Readonly<Record<string, string>>;
}

/** Finds the period's payment by its orderId after a 1172 (the earlier attempt went through). */
async function findPeriodPayment(ctx: ShopContext, orderId: string, currency: string) {
  const details = await ctx.linePay.paymentDetails({ orderId: [orderId] });
  const payment = details.find(
    (d) =>
      d.orderId === orderId &&
      d.originalTransactionId === undefined &&
      (d.payStatus === 'CAPTURE' || d.payStatus === 'AUTHORIZATION'),
  );
  if (!payment) {
    return undefined;
  }
  const amount = (payment.payInfo ?? []).reduce((t, p) => t + fromWire(p.amount, currency), 0n);
  return { transactionId: payment.transactionId, amount, memberships: payment.memberships };
}

/** A month's payment as LINE Pay reported it. */
interface PeriodPayment {
  readonly transactionId: bigint;
  readonly amount: bigint;
  readonly memberships: readonly Membership[] | undefined;
}

async function chargeOne(
  ctx: ShopContext,
  s: SubscriptionRow,
  token: string,
): Promise<'charged' | 'ended' | string> {
  const period = s.periodsPaid + 1;
  const orderId = periodOrderId(s.id, period);
  const regKey = s.regKey;
  if (!regKey) {
    const now = await ctx.clock.now();
    await endSubscription(ctx.db, s.id, ['active'], 'ended', 'There is no payment key to charge.', now);
    return 'ended';
  }
  let paid: PeriodPayment | undefined;
  let failure: LinePayError | undefined;
  try {
    const info = await ctx.linePay.payPreapproved(regKey, {
      productName: `${coffeeClub.name} — month ${period}`,
      amount: toWire(s.amount, s.currency),
      currency: s.currency as 'TWD',
      orderId,
      capture: true,
    });
    paid = { transactionId: info.transactionId, amount: s.amount, memberships: info.memberships };
  } catch (e) {
    if (!isLinePayError(e)) {
      await releaseBilling(
        ctx.db,
        s.id,
        token,
        'The shop hit an error while charging.',
        await ctx.clock.now(),
      );
      throw e;
    }
    failure = e;
    if (e.returnCode === '1172' || isUnclear(e.returnCode)) {
      // This period's orderId is taken (or the answer was lost): the charge may have happened.
      paid = await findPeriodPayment(ctx, orderId, s.currency).catch(() => undefined);
    }
  }
  const now = await ctx.clock.now();
  if (paid) {
    const code = ownMembershipCode(paid.memberships, ctx.membership?.programId);
    await ctx.db.transaction(async (tx) => {
      await recordPeriodPaid(tx, s, {
        period,
        orderId,
        transactionId: paid.transactionId,
        amount: paid.amount,
        at: now,
      });
      if (code) {
        const c = { subscriptionId: s.id, period, orderId, code, amount: paid.amount, currency: s.currency };
        await recordChargeMembership(tx, { ...c, at: now });
      }
    });
    ctx.log.info({ subscriptionId: s.id, period, member: code ?? null }, 'subscription charged');
    return 'charged';
  }
  const reason = failure ? describeError(failure) : 'no answer';
  if (failure && retiresRegKey(failure.returnCode)) {
    await endSubscription(
      ctx.db,
      s.id,
      ['active'],
      'ended',
      `LINE Pay can no longer charge this subscription (${reason}).`,
      now,
    );
    ctx.log.info({ subscriptionId: s.id, returnCode: failure.returnCode }, 'subscription ended');
    return 'ended';
  }
  await releaseBilling(
    ctx.db,
    s.id,
    token,
    `Month ${period} not charged yet: ${reason}. Billing tries again.`,
    now,
  );
  return reason;
}

/** Charges every due subscription once; safe to run from several places at the same time. */
export async function runBilling(ctx: ShopContext): Promise<BillingReport> {
  const now = await ctx.clock.now();
  const staleBefore = new Date(now.getTime() - billingLeaseMs);
  const charged: Record<string, number> = {};
  const ended: Record<string, string> = {};
  const failed: Record<string, string> = {};
  for (const due of await dueSubscriptions(ctx.db, now, staleBefore)) {
    const token = ctx.newId('bill');
    const s = await claimForBilling(ctx.db, due.id, token, now, staleBefore);
    if (!s) {
      continue; // another run has it
    }
    try {
      const outcome = await chargeOne(ctx, s, token);
      if (outcome === 'charged') {
        charged[s.id] = s.periodsPaid + 1;
      } else if (outcome === 'ended') {
        ended[s.id] = (await findSubscription(ctx.db, s.id))?.endReason ?? 'ended';
      } else {
        failed[s.id] = outcome;
      }
    } catch (e) {
      failed[s.id] = e instanceof Error ? e.message : String(e);
    }
  }
  return { charged, ended, failed };
}

/** The shopper cancels: the regKey is expired at LINE Pay first, then the subscription ends. */
export async function cancelSubscription(ctx: ShopContext, id: string): Promise<SubscriptionRow> {
  const s = await findSubscription(ctx.db, id);
  if (!s) {
    throw notFound(`There is no subscription ${id}.`);
  }
  if (s.status !== 'active') {
    throw conflict(`This subscription is ${s.status}; there is nothing to cancel.`, 'not_active');
  }
  if (s.regKey) {
    try {
      await ctx.linePay.expireRegKey(s.regKey);
    } catch (e) {
      // 1190/1193: LINE Pay already forgot the key, which is what cancelling wants.
      if (!isLinePayError(e) || (e.returnCode !== '1190' && e.returnCode !== '1193')) {
        throw isLinePayError(e)
          ? paymentFailed(
              `LINE Pay could not cancel the payment key (${describeError(e)}). Please try again.`,
            )
          : e;
      }
    }
  }
  const now = await ctx.clock.now();
  const ended = await endSubscription(
    ctx.db,
    id,
    ['active'],
    'cancelled',
    'Cancelled by the subscriber.',
    now,
  );
  return ended ?? (await findSubscription(ctx.db, id)) ?? s;
}
