// The JSON the shop's pages read. Amounts are plain numbers in TWD (no minor unit), ids strings.
import type { Sql } from './db.ts';
import { pointsOfPayments } from './members-store.ts';
import { findOrder, type OrderRow, orderEvents, orderItems } from './orders-store.ts';
import { orderRefunds } from './refunds-store.ts';
import {
  type ChargeRow,
  findSubscription,
  type SubscriptionRow,
  subscriptionCharges,
  subscriptionOfOrder,
} from './subscriptions-store.ts';

const n = (v: bigint) => Number(v);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Only the last four characters of a regKey ever leave the server. */
export function maskRegKey(regKey: string | null): string | null {
  return regKey ? `••••${regKey.slice(-4)}` : null;
}

/** "Member JC-000123 · +42 points": the payer's code and the points the payment earned (null: none yet). */
function membershipView(code: string | null, points: bigint | undefined) {
  return code ? { code, points: points === undefined ? null : n(points) } : null;
}

/** An order summary (admin list); `points` = what the order earned its member. */
export function orderSummary(o: OrderRow, points?: bigint) {
  return {
    orderId: o.id,
    kind: o.kind,
    status: o.status,
    capture: o.capture,
    currency: o.currency,
    amount: n(o.amount),
    capturedAmount: n(o.capturedAmount),
    refundedAmount: n(o.refundedAmount),
    transactionId: o.transactionId?.toString() ?? null,
    statusReason: o.statusReason,
    createdAt: o.createdAt.toISOString(),
    paidAt: iso(o.paidAt),
    authorizationExpiresAt: iso(o.authorizationExpiresAt),
    membership: membershipView(o.membershipCode, points),
  };
}

/** Summaries of `orders` with the points each earned. */
export async function orderSummaries(sql: Sql, orders: readonly OrderRow[]) {
  const points = await pointsOfPayments(
    sql,
    orders.filter((o) => o.membershipCode).map((o) => o.id),
  );
  return orders.map((o) => orderSummary(o, points.get(o.id)));
}

/** An order with its lines, pay methods and refunds (the order page); admins also get the trail. */
export async function orderView(sql: Sql, orderId: string, withEvents = false) {
  const order = await findOrder(sql, orderId);
  if (!order) {
    return undefined;
  }
  const [items, refunds, subscription] = [
    await orderItems(sql, orderId),
    await orderRefunds(sql, orderId),
    order.kind === 'subscription' ? await subscriptionOfOrder(sql, orderId) : undefined,
  ];
  const points = order.membershipCode ? (await pointsOfPayments(sql, [orderId])).get(orderId) : undefined;
  return {
    ...orderSummary(order, points),
    items: items.map((i) => ({
      productId: i.productId,
      name: i.name,
      unitPrice: n(i.unitPrice),
      quantity: i.quantity,
      lineTotal: n(i.unitPrice * BigInt(i.quantity)),
    })),
    payInfo: order.payInfo ?? [],
    refunds: refunds
      .filter((r) => r.status === 'succeeded')
      .map((r) => ({
        amount: n(r.amount),
        refundTransactionId: r.refundTransactionId?.toString() ?? null,
        at: r.createdAt.toISOString(),
      })),
    refundableAmount: ['paid', 'partially_refunded'].includes(order.status)
      ? n(order.capturedAmount - refunds.reduce((t, r) => t + r.amount, 0n))
      : 0,
    subscriptionId: subscription?.id ?? null,
    // While the order waits, the shopper may go back to LINE Pay's page (it stays valid 20 minutes).
    paymentUrl: order.status === 'pending' ? order.paymentUrl : null,
    ...(withEvents
      ? {
          events: (await orderEvents(sql, orderId)).map((e) => ({
            id: e.id.toString(),
            at: e.at.toISOString(),
            kind: e.kind,
            detail: e.detail,
          })),
        }
      : {}),
  };
}

function chargeView(c: ChargeRow, points: bigint | undefined) {
  return {
    period: c.period,
    orderId: c.orderId,
    transactionId: c.transactionId.toString(),
    amount: n(c.amount),
    chargedAt: c.chargedAt.toISOString(),
    membership: membershipView(c.membershipCode, points),
  };
}

/** A subscription as its page and the admin list show it. */
export function subscriptionSummary(s: SubscriptionRow) {
  return {
    subscriptionId: s.id,
    plan: s.plan,
    status: s.status,
    currency: s.currency,
    amount: n(s.amount),
    firstOrderId: s.firstOrderId,
    paymentKey: maskRegKey(s.regKey),
    periodsPaid: s.periodsPaid,
    startedAt: iso(s.startedAt),
    nextChargeAt: s.status === 'active' ? iso(s.nextChargeAt) : null,
    endReason: s.endReason,
    endedAt: iso(s.endedAt),
    lastError: s.lastError,
  };
}

/** A subscription with its past charges. */
export async function subscriptionView(sql: Sql, id: string) {
  const s = await findSubscription(sql, id);
  if (!s) {
    return undefined;
  }
  const charges = await subscriptionCharges(sql, id);
  const points = await pointsOfPayments(
    sql,
    charges.filter((c) => c.membershipCode).map((c) => c.orderId),
  );
  return { ...subscriptionSummary(s), charges: charges.map((c) => chargeView(c, points.get(c.orderId))) };
}
