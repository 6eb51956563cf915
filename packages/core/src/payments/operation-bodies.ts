import { fail, ok, type Result } from '../errors/index.ts';
import type { Currency } from '../money/index.ts';
import type { AmountInput } from './transitions.ts';
import { isObject, readAmount, readBoolean, readCurrency, readString } from './validate.ts';

/** Reads `{amount, currency}` of confirm and capture; a currency other than the payment's is 1153. */
export function readAmountBody(body: unknown, paymentCurrency: Currency): Result<AmountInput> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object with amount and currency');
  }
  const currency = readCurrency(body, paymentCurrency, '1153');
  if (!currency.ok) {
    return currency;
  }
  const amount = readAmount(body, 'amount', 'amount', currency.value, true);
  return amount.ok ? ok({ amount: amount.value, currency: currency.value }) : amount;
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
  const currency = readCurrency(body, channelCurrency, '1178');
  if (!currency.ok) {
    return currency;
  }
  const amount = readAmount(body, 'amount', 'amount', currency.value, true);
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
    currency: currency.value,
    orderId: orderId.value,
    capture: capture.value,
  });
}
