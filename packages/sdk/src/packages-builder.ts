// Builds a Request-payment body whose sums are right by construction (reference §3.1.1):
// packages[].amount = Σ quantity × price, amount = Σ packages[].amount + Σ userFee + shipping fee.
// All arithmetic is exact integer arithmetic in minor units, so 3 × 19.99 USD is 59.97, not
// 59.970000000000006.
import { invalidArgument } from './errors.ts';
import type { Currency, RedirectUrls, RequestPackage, RequestPaymentBody, RequestProduct } from './types.ts';

/** Decimal places each currency allows on the wire. */
export const currencyScale: Readonly<Record<Currency, number>> = { TWD: 0, JPY: 0, USD: 2, THB: 2 };

export interface BuildProductInput {
  id?: string;
  name: string;
  imageUrl?: string;
  quantity: number;
  price: number;
  originalPrice?: number;
}

export interface BuildPackageInput {
  id: string;
  name?: string;
  userFee?: number;
  products: BuildProductInput[];
}

/** Input of `buildPaymentRequest`: everything but the sums. */
export interface BuildPaymentRequestInput {
  orderId: string;
  currency: Currency;
  packages: BuildPackageInput[];
  shippingFee?: number;
  redirectUrls: RedirectUrls;
  options?: {
    payment?: { capture?: boolean; payType?: 'NORMAL' | 'PREAPPROVED' };
    display?: { locale?: string; checkConfirmUrlBrowser?: boolean };
    extra?: object;
  };
}

function fail(message: string): never {
  throw invalidArgument('request', message);
}

/** A wire amount in major units → exact minor units; rejects more decimals than the currency has. */
export function toMinor(value: unknown, currency: Currency, field: string): bigint {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail(`${field} must be a finite number`);
  }
  if (value < 0) {
    return fail(`${field} must not be negative`);
  }
  const scale = currencyScale[currency];
  // String(n) is the shortest text that reads back as n, so 19.99 stays "19.99".
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(value));
  if (!m?.[1]) {
    return fail(`${field} ${value} is not a plain decimal amount`);
  }
  const fraction = m[2] ?? '';
  if (fraction.length > scale) {
    return fail(
      `${field} ${value} has more than ${scale} decimal places, the scale of ${currency} (LINE Pay 1124)`,
    );
  }
  return BigInt(m[1]) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
}

/** Exact minor units → the wire number in major units. */
export function toMajor(minor: bigint, currency: Currency): number {
  const scale = currencyScale[currency];
  if (scale === 0) {
    return Number(minor);
  }
  const unit = 10n ** BigInt(scale);
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  return Number(`${sign}${abs / unit}.${(abs % unit).toString().padStart(scale, '0')}`);
}

function checkString(v: unknown, field: string, max: number, required: boolean): void {
  if (v === undefined && !required) {
    return;
  }
  if (typeof v !== 'string' || v.length === 0 || v.length > max) {
    fail(`${field} must be a string of 1 to ${max} characters`);
  }
}

function buildProduct(p: BuildProductInput, currency: Currency, field: string) {
  checkString(p.name, `${field}.name`, 4000, true);
  checkString(p.id, `${field}.id`, 50, false);
  checkString(p.imageUrl, `${field}.imageUrl`, 500, false);
  if (typeof p.quantity !== 'number' || !Number.isSafeInteger(p.quantity) || p.quantity < 1) {
    fail(`${field}.quantity must be a whole number of at least 1`);
  }
  const price = toMinor(p.price, currency, `${field}.price`);
  if (p.originalPrice !== undefined) {
    toMinor(p.originalPrice, currency, `${field}.originalPrice`);
  }
  const product: RequestProduct = {
    ...(p.id !== undefined ? { id: p.id } : {}),
    name: p.name,
    ...(p.imageUrl !== undefined ? { imageUrl: p.imageUrl } : {}),
    quantity: p.quantity,
    price: p.price,
    ...(p.originalPrice !== undefined ? { originalPrice: p.originalPrice } : {}),
  };
  return { product, lineTotal: price * BigInt(p.quantity) };
}

/**
 * Builds the body of `POST /v3/payments/request` with packages[].amount and amount computed
 * exactly; throws LinePayError('INVALID_ARGUMENT') on a wrong scale, a non-integer quantity,
 * an empty package, a negative price or a zero total.
 */
export function buildPaymentRequest(input: BuildPaymentRequestInput): RequestPaymentBody {
  const { currency } = input;
  if (!Object.hasOwn(currencyScale, currency)) {
    fail('currency must be TWD, USD, THB or JPY');
  }
  checkString(input.orderId, 'orderId', 100, true);
  if (!input.redirectUrls || typeof input.redirectUrls !== 'object') {
    fail('redirectUrls is required');
  }
  checkString(input.redirectUrls.cancelUrl, 'redirectUrls.cancelUrl', 500, true);
  const type = input.redirectUrls.confirmUrlType ?? 'CLIENT';
  checkString(input.redirectUrls.confirmUrl, 'redirectUrls.confirmUrl', 500, type !== 'NONE');
  if (!Array.isArray(input.packages) || input.packages.length === 0) {
    fail('packages must hold at least one package');
  }
  let total = 0n;
  const packages: RequestPackage[] = input.packages.map((pkg, i) => {
    const field = `packages[${i}]`;
    checkString(pkg.id, `${field}.id`, 50, true);
    checkString(pkg.name, `${field}.name`, 100, false);
    if (!Array.isArray(pkg.products) || pkg.products.length === 0) {
      fail(`${field} must hold at least one product`);
    }
    let sum = 0n;
    const products = pkg.products.map((p, j) => {
      const built = buildProduct(p, currency, `${field}.products[${j}]`);
      sum += built.lineTotal;
      return built.product;
    });
    const userFee = pkg.userFee === undefined ? 0n : toMinor(pkg.userFee, currency, `${field}.userFee`);
    total += sum + userFee;
    return {
      id: pkg.id,
      amount: toMajor(sum, currency),
      ...(pkg.userFee !== undefined ? { userFee: pkg.userFee } : {}),
      ...(pkg.name !== undefined ? { name: pkg.name } : {}),
      products,
    };
  });
  if (input.shippingFee !== undefined) {
    total += toMinor(input.shippingFee, currency, 'shippingFee');
  }
  if (total <= 0n) {
    fail('the total amount must be greater than 0 (LINE Pay 1183)');
  }
  const options = { ...input.options } as NonNullable<RequestPaymentBody['options']>;
  if (input.shippingFee !== undefined) {
    options.shipping = { feeAmount: input.shippingFee };
  }
  return {
    amount: toMajor(total, currency),
    currency,
    orderId: input.orderId,
    packages,
    redirectUrls: { ...input.redirectUrls },
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}
