// What LINE Pay says about an order's payment, read from a confirm/capture answer or from payment
// details, in one shape the shop settles its own order from.
import {
  type CaptureInfo,
  type ConfirmInfo,
  isLinePayError,
  type Membership,
  type PayInfo,
  type PaymentDetail,
} from '@jinliu/sdk';
import type { ShopContext } from './context.ts';
import { fromWire } from './money.ts';
import type { OrderRow, PayPart } from './orders-store.ts';

/** A refund LINE Pay has made on the payment. */
export interface PlatformRefund {
  readonly refundTransactionId: bigint;
  readonly amount: bigint;
  readonly at: Date;
}

/** The payment as LINE Pay sees it. */
export interface PaymentFacts {
  readonly state: 'captured' | 'authorized' | 'voided' | 'expired';
  readonly payInfo: readonly PayPart[];
  /** Σ payInfo: what was captured (captured) or is held (authorized). */
  readonly paidAmount: bigint;
  readonly authorizationExpiresAt: Date | null;
  /** Only a confirm answer carries it (payment details never do). */
  readonly regKey: string | undefined;
  /** True when the SDK rebuilt the answer from payment details after a lost confirm. */
  readonly recovered: boolean;
  /** Known only from payment details. */
  readonly refunds: readonly PlatformRefund[] | undefined;
  /** The payer's My Card memberships at this shop (Jinliu only), when the answer named any. */
  readonly memberships: readonly Membership[] | undefined;
}

function parts(payInfo: readonly PayInfo[] | undefined): PayPart[] {
  return (payInfo ?? []).map((p) => ({
    method: p.method,
    amount: p.amount,
    ...(typeof p.creditCardBrand === 'string' ? { creditCardBrand: p.creditCardBrand } : {}),
    ...(typeof p.maskedCreditCardNumber === 'string'
      ? { maskedCreditCardNumber: p.maskedCreditCardNumber }
      : {}),
  }));
}

function sum(payInfo: readonly PayPart[], currency: string): bigint {
  return payInfo.reduce((total, p) => total + fromWire(p.amount, currency), 0n);
}

function dateOrNull(v: string | undefined): Date | null {
  const d = v === undefined ? null : new Date(v);
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** Facts from a confirm answer: captured unless the order asked for authorization only. */
export function factsFromConfirm(order: OrderRow, info: ConfirmInfo): PaymentFacts {
  const payInfo = parts(info.payInfo);
  return {
    state: order.capture ? 'captured' : 'authorized',
    payInfo,
    paidAmount: sum(payInfo, order.currency),
    authorizationExpiresAt: dateOrNull(info.authorizationExpireDate),
    regKey: typeof info.regKey === 'string' ? info.regKey : undefined,
    recovered: info.recovered === true,
    refunds: undefined,
    memberships: info.memberships,
  };
}

/** Facts from a capture answer. */
export function factsFromCapture(order: OrderRow, info: CaptureInfo): PaymentFacts {
  const payInfo = parts(info.payInfo);
  return {
    state: 'captured',
    payInfo,
    paidAmount: sum(payInfo, order.currency),
    authorizationExpiresAt: null,
    regKey: undefined,
    recovered: info.recovered === true,
    refunds: undefined,
    memberships: info.memberships,
  };
}

const states: Readonly<Record<string, PaymentFacts['state']>> = {
  CAPTURE: 'captured',
  AUTHORIZATION: 'authorized',
  VOIDED_AUTHORIZATION: 'voided',
  EXPIRED_AUTHORIZATION: 'expired',
};

/** Facts from the payment's element of payment details (undefined for an unknown payStatus). */
export function factsFromDetails(order: OrderRow, d: PaymentDetail): PaymentFacts | undefined {
  const state = d.payStatus === undefined ? undefined : states[d.payStatus];
  if (!state) {
    return undefined;
  }
  const payInfo = parts(d.payInfo);
  return {
    state,
    payInfo,
    paidAmount: sum(payInfo, order.currency),
    authorizationExpiresAt: dateOrNull(d.authorizationExpireDate),
    regKey: undefined,
    recovered: false,
    refunds: (d.refundList ?? []).map((r) => ({
      refundTransactionId: r.refundTransactionId,
      amount: -fromWire(r.refundAmount, order.currency),
      at: dateOrNull(r.refundTransactionDate) ?? new Date(0),
    })),
    memberships: d.memberships,
  };
}

/** Reads the order's payment from payment details; undefined when LINE Pay has none (1150). */
export async function readPaymentFacts(ctx: ShopContext, order: OrderRow): Promise<PaymentFacts | undefined> {
  if (order.transactionId === null) {
    return undefined;
  }
  let details: PaymentDetail[];
  try {
    details = await ctx.linePay.paymentDetails({ transactionId: [order.transactionId] });
  } catch (e) {
    if (isLinePayError(e) && e.returnCode === '1150') {
      return undefined;
    }
    throw e;
  }
  const payment = details.find(
    (d) => d.transactionId === order.transactionId && d.originalTransactionId === undefined,
  );
  return payment ? factsFromDetails(order, payment) : undefined;
}
