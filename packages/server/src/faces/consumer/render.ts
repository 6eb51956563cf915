import { type Currency, formatWireAmount, rawNumber } from '@jinliu/core';
import { type CheckoutView, type StoredRequest, storedPackages } from '../../services/payments/index.ts';
import type { HistoryItem, WalletView } from '../../services/wallet.ts';

/** Major-unit amount as an exact JSON number; ids go to browsers as strings (JS numbers lose 19 digits). */
export function money(minor: bigint, currency: Currency) {
  return rawNumber(formatWireAmount(minor, currency));
}

/**
 * The checkout as JSON for one browser. With checkConfirmUrlBrowser, only the browser that
 * started the payment is given the confirmUrl to go to; others get null (and show a guide).
 */
export function checkoutJson(v: CheckoutView, startedHere = true) {
  const withheld =
    v.checkConfirmUrlBrowser && !startedHere && (v.status === 'APPROVED' || v.status === 'COMPLETED');
  return {
    reserveId: v.reserveId,
    transactionId: v.transactionId.toString(),
    orderId: v.orderId,
    merchantName: v.merchantName,
    amount: money(v.amount, v.currency),
    currency: v.currency,
    products: v.products.map((p) => ({ ...p, price: money(p.price, v.currency) })),
    status: v.status,
    accessToken: v.accessToken,
    expiresAt: v.expiresAt.toISOString(),
    locale: v.locale,
    confirmUrlType: v.confirmUrlType,
    checkConfirmUrlBrowser: v.checkConfirmUrlBrowser,
    redirectUrl: withheld ? null : v.redirectUrl,
    startedHere,
    cancelUrl: v.cancelUrl,
    payType: v.payType,
    serverTime: v.serverTime.toISOString(),
  };
}

/** The wallet as JSON. */
export function walletJson(w: WalletView) {
  return {
    user: w.user,
    balances: w.balances.map((b) => ({ currency: b.currency, amount: money(b.amount, b.currency) })),
    points: w.points.map((b) => ({ currency: b.currency, amount: money(b.amount, b.currency) })),
    cards: w.cards.map((c) => ({ ...c, cardId: c.cardId.toString() })),
  };
}

/** History lines as JSON (payments with their refunds, newest first). */
export function historyJson(items: readonly HistoryItem[]) {
  return items.map(({ payment: p, merchantName, refunds }) => ({
    transactionId: p.transactionId.toString(),
    orderId: p.orderId,
    merchantName,
    productName: p.productName,
    amount: money(p.amount, p.currency),
    currency: p.currency,
    status: p.status,
    date: (p.confirmedAt ?? p.createdAt).toISOString(),
    payInfo: (p.funding ?? []).map((f) => ({
      method: f.method,
      amount: money(f.amount, p.currency),
      ...(f.card ? { card: `${f.card.brand} •••• ${f.card.last4}` } : {}),
    })),
    products: storedPackages(p.request as StoredRequest).flatMap((pkg) =>
      pkg.products.map((x) => ({ name: x.name, quantity: x.quantity, price: money(x.price, p.currency) })),
    ),
    refunds: refunds.map((r) => ({
      refundId: r.refundId.toString(),
      amount: money(r.amount, p.currency),
      date: r.createdAt.toISOString(),
      type: r.type,
    })),
  }));
}
