import { type Currency, formatWireAmount, parseTransactionId, type RawJson, rawNumber } from '@jinliu/core';
import {
  type ChannelLabel,
  channelLabels,
  findPaymentById,
  findRefundById,
  type LedgerEntryWithPostings,
  ledgerOfPayment,
  type PaymentRow,
  paymentsWithOrderId,
  type RefundRow,
  refundsOf,
  type Sql,
} from '@jinliu/db';

/** How a reference was resolved. */
export type MatchedBy = 'transactionId' | 'refundTransactionId' | 'orderId';

/** The payments a reference names, and how it named them. */
export interface PaymentLookup {
  readonly matchedBy: MatchedBy;
  readonly payments: readonly PaymentRow[];
}

/** The most payments one orderId can answer (one per merchant). */
const orderMatchLimit = 50;

/**
 * Resolves an operator's reference: a 19-digit id is a payment id, then a refund id; anything
 * else (or a 19-digit id that is neither) is an orderId, which several merchants may share.
 */
export async function lookupPayments(sql: Sql, ref: string): Promise<PaymentLookup | undefined> {
  const id = /^\d{19}$/.test(ref) ? parseTransactionId(ref) : undefined;
  if (id !== undefined) {
    const payment = await findPaymentById(sql, id);
    if (payment) {
      return { matchedBy: 'transactionId', payments: [payment] };
    }
    const refund = await findRefundById(sql, id);
    const refunded = refund ? await findPaymentById(sql, refund.transactionId) : undefined;
    if (refunded) {
      return { matchedBy: 'refundTransactionId', payments: [refunded] };
    }
  }
  const byOrder = await paymentsWithOrderId(sql, ref, orderMatchLimit);
  return byOrder.length > 0 ? { matchedBy: 'orderId', payments: byOrder } : undefined;
}

/** A wire amount (major units, JSON number) beside its exact minor-unit integer. */
function money(key: string, minor: bigint, currency: Currency): Record<string, RawJson | bigint> {
  return { [key]: rawNumber(formatWireAmount(minor, currency)), [`${key}Minor`]: minor };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

/** Renders one payment for the ops answer: state, amounts, methods, refunds, ledger. */
function renderPayment(
  p: PaymentRow,
  label: ChannelLabel | undefined,
  refunds: readonly RefundRow[],
  ledger: readonly LedgerEntryWithPostings[],
) {
  const c = p.currency;
  return {
    transactionId: p.transactionId,
    orderId: p.orderId,
    state: p.status,
    channel: { channelId: p.channelId, name: label?.channelName ?? null },
    merchant: { merchantId: p.merchantId, name: label?.merchantName ?? null },
    productName: p.productName,
    payType: p.payType,
    source: p.source,
    capture: p.capture,
    currency: c,
    ...money('amount', p.amount, c),
    ...money('capturedAmount', p.capturedAmount, c),
    ...money('refundedAmount', p.refundedAmount, c),
    userId: p.userId,
    payMethods: (p.funding ?? []).map((f) => ({
      method: f.method,
      ...money('amount', f.amount, c),
      ...money('captured', f.captured, c),
      ...money('refunded', f.refunded, c),
      card: f.card ? { brand: f.card.brand, last4: f.card.last4 } : null,
    })),
    regKey: p.regKey,
    failureCode: p.failureCode,
    createdAt: iso(p.createdAt),
    expiresAt: iso(p.expiresAt),
    approvedAt: iso(p.approvedAt),
    confirmedAt: iso(p.confirmedAt),
    authExpiresAt: iso(p.authExpiresAt),
    capturedAt: iso(p.capturedAt),
    closedAt: iso(p.closedAt),
    refunds: refunds.map((r) => ({
      refundTransactionId: r.refundId,
      type: r.type,
      ...money('amount', r.amount, c),
      createdAt: iso(r.createdAt),
    })),
    ledger: ledger.map((e) => ({
      entryId: e.entryId,
      kind: e.kind,
      ref: e.ref,
      currency: e.currency,
      createdAt: iso(e.createdAt),
      postings: e.postings.map((x) => ({
        accountId: x.accountId,
        account: `${x.accountKind}:${x.accountOwner}`,
        ...money('amount', x.amount, e.currency),
      })),
    })),
  };
}

/** Loads what the ops answer shows for each payment and renders it. */
export async function paymentViews(sql: Sql, payments: readonly PaymentRow[]) {
  const labels = await channelLabels(
    sql,
    payments.map((p) => p.channelId),
  );
  const refunds = await refundsOf(
    sql,
    payments.map((p) => p.transactionId),
  );
  const views = [];
  for (const p of payments) {
    views.push(
      renderPayment(
        p,
        labels.find((l) => l.channelId === p.channelId),
        refunds.filter((r) => r.transactionId === p.transactionId),
        await ledgerOfPayment(sql, p.transactionId),
      ),
    );
  }
  return views;
}
