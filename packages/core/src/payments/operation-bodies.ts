import { fail, ok, type Result } from '../errors/index.ts';
import { type Currency, isCurrency } from '../money/index.ts';
import type { AmountInput } from './transitions.ts';
import { isObject, readAmount, readBoolean, readString } from './validate.ts';

/** Reads `{amount, currency}` of confirm and capture; a currency other than the payment's is 1153. */
export function readAmountBody(body: unknown, paymentCurrency: Currency): Result<AmountInput> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object with amount and currency');
  }
  if (body.currency === undefined || body.currency === null) {
    return fail('2101', 'currency is required');
  }
  if (typeof body.currency !== 'string') {
    return fail('2101', 'currency must be a string');
  }
  if (!isCurrency(body.currency) || body.currency !== paymentCurrency) {
    return fail('1153', `currency must be ${paymentCurrency}, as requested`);
  }
  const amount = readAmount(body, 'amount', 'amount', body.currency, true);
  return amount.ok ? ok({ amount: amount.value, currency: body.currency }) : amount;
}

/** Reads a refund body: empty, `{}` or `{refundAmount}`; omitted amount = full refund. */
export function readRefundBody(body: unknown, currency: Currency): Result<bigint | undefined> {
  if (body === undefined || body === null) {
    return ok(undefined);
  }
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  return readAmount(body, 'refundAmount', 'refundAmount', currency, false);
}

/** A validated pay-preapproved body. */
export interface PreapprovedPaymentInput {
  readonly productName: string;
  readonly amount: bigint;
  readonly currency: Currency;
  readonly orderId: string;
  readonly capture: boolean;
}

/** Reads `POST /v3/payments/preapprovedPay/{regKey}/payment`. */
export function readPreapprovedBody(
  body: unknown,
  channelCurrency: Currency,
): Result<PreapprovedPaymentInput> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  const productName = readString(body, 'productName', 'productName', 4000, true);
  if (!productName.ok) {
    return productName;
  }
  if (typeof body.currency !== 'string') {
    return fail('2101', 'currency is required');
  }
  if (!isCurrency(body.currency) || body.currency !== channelCurrency) {
    return fail('1178', `this channel accepts ${channelCurrency} only`);
  }
  const amount = readAmount(body, 'amount', 'amount', body.currency, true);
  if (!amount.ok) {
    return amount;
  }
  if (amount.value <= 0n) {
    return fail('1183');
  }
  const orderId = readString(body, 'orderId', 'orderId', 100, true);
  if (!orderId.ok) {
    return orderId;
  }
  const capture = readBoolean(body, 'capture', 'capture', true);
  if (!capture.ok) {
    return capture;
  }
  return ok({
    productName: productName.value,
    amount: amount.value,
    currency: body.currency,
    orderId: orderId.value,
    capture: capture.value,
  });
}
