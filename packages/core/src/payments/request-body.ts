import { type Failure, fail, ok, type Result } from '../errors/index.ts';
import type { Currency } from '../money/index.ts';
import {
  isObject,
  readAmount,
  readBoolean,
  readCurrency,
  readObject,
  readString,
  readUrl,
} from './validate.ts';

/** A product line of a payment request, amounts in minor units. */
export interface RequestProduct {
  readonly id?: string;
  readonly name: string;
  readonly imageUrl?: string;
  readonly quantity: number;
  readonly price: bigint;
  readonly originalPrice?: bigint;
}

/** A package (shop) of a payment request. */
export interface RequestPackage {
  readonly id: string;
  readonly amount: bigint;
  readonly userFee: bigint;
  readonly name?: string;
  readonly products: readonly RequestProduct[];
}

/** Where the user goes after the payment page. */
export interface RedirectUrls {
  readonly confirmUrl?: string;
  readonly confirmUrlType: 'CLIENT' | 'SERVER' | 'NONE';
  readonly cancelUrl: string;
  readonly appPackageName?: string;
}

/** A validated Online v3 payment request. */
export interface PaymentRequest {
  readonly amount: bigint;
  readonly currency: Currency;
  readonly orderId: string;
  readonly packages: readonly RequestPackage[];
  readonly redirectUrls: RedirectUrls;
  readonly capture: boolean;
  readonly payType: 'NORMAL' | 'PREAPPROVED';
  readonly locale: Locale;
  readonly checkConfirmUrlBrowser: boolean;
  readonly shippingFee: bigint;
  readonly branchName?: string;
  /** Name shown for the payment: the first product's name (details `productName`). */
  readonly productName: string;
}

/** What the channel allows, which the request is checked against. */
export interface ChannelTerms {
  readonly currency: Currency;
  readonly allowAuthorizeOnly: boolean;
  readonly allowPreapproved: boolean;
}

const locales = ['en', 'ja', 'ko', 'th', 'zh_TW', 'zh_CN'] as const;
/** Payment page languages of `options.display.locale`. */
export type Locale = (typeof locales)[number];

const maxPackages = 100;
const maxProducts = 100;

/**
 * Validates a `POST /v3/payments/request` body. Codes: 2101 for shape and sums (the
 * choice is documented in docs/compatibility.md), 1124 for scale, 1183 for a non-positive
 * amount, 1178 for a currency the channel does not take, 1194 / 1105 for disabled features.
 */
export function validatePaymentRequest(body: unknown, terms: ChannelTerms): Result<PaymentRequest> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  const currencyField = readCurrency(body, terms.currency, '1178');
  if (!currencyField.ok) {
    return currencyField;
  }
  const currency = currencyField.value;
  const amount = readAmount(body, 'amount', 'amount', currency, true);
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
  const packages = readPackages(body.packages, currency);
  if (!packages.ok) {
    return packages;
  }
  const redirect = readRedirectUrls(body.redirectUrls);
  if (!redirect.ok) {
    return redirect;
  }
  const options = readOptions(body, currency, terms);
  if (!options.ok) {
    return options;
  }
  if (options.value.payType === 'NORMAL') {
    // The official preapproved sample registers with 0-priced packages, so the sum rule
    // applies to NORMAL payments only (docs/compatibility.md).
    const sums = checkSums(amount.value, packages.value, options.value.shippingFee);
    if (sums) {
      return sums;
    }
  }
  const firstProduct = packages.value[0]?.products[0]?.name ?? '';
  return ok({
    amount: amount.value,
    currency,
    orderId: orderId.value,
    packages: packages.value,
    redirectUrls: redirect.value,
    ...options.value,
    productName: firstProduct,
  });
}

function checkSums(
  amount: bigint,
  packages: readonly RequestPackage[],
  shippingFee: bigint,
): Failure | undefined {
  for (const [i, pkg] of packages.entries()) {
    const lines = pkg.products.reduce((acc, p) => acc + BigInt(p.quantity) * p.price, 0n);
    if (lines !== pkg.amount) {
      return fail('2101', `packages[${i}].amount must equal the sum of quantity × price of its products`);
    }
  }
  const total = packages.reduce((acc, pkg) => acc + pkg.amount + pkg.userFee, 0n) + shippingFee;
  if (total !== amount) {
    return fail(
      '2101',
      'amount must equal the sum of packages[].amount + packages[].userFee + options.shipping.feeAmount',
    );
  }
  return undefined;
}

function readPackages(value: unknown, currency: Currency): Result<RequestPackage[]> {
  if (!Array.isArray(value) || value.length === 0) {
    return fail('2101', 'packages must be a non-empty array');
  }
  if (value.length > maxPackages) {
    return fail('2101', `at most ${maxPackages} packages are allowed`);
  }
  const out: RequestPackage[] = [];
  for (const [i, raw] of value.entries()) {
    const path = `packages[${i}]`;
    if (!isObject(raw)) {
      return fail('2101', `${path} must be an object`);
    }
    const id = readString(raw, 'id', `${path}.id`, 50, true);
    if (!id.ok) {
      return id;
    }
    const amount = readAmount(raw, 'amount', `${path}.amount`, currency, true);
    if (!amount.ok) {
      return amount;
    }
    const userFee = readAmount(raw, 'userFee', `${path}.userFee`, currency, false);
    if (!userFee.ok) {
      return userFee;
    }
    const name = readString(raw, 'name', `${path}.name`, 100, false);
    if (!name.ok) {
      return name;
    }
    const products = readProducts(raw.products, currency, path);
    if (!products.ok) {
      return products;
    }
    out.push({
      id: id.value,
      amount: amount.value,
      userFee: userFee.value ?? 0n,
      ...(name.value ? { name: name.value } : {}),
      products: products.value,
    });
  }
  return ok(out);
}

function readProducts(value: unknown, currency: Currency, parent: string): Result<RequestProduct[]> {
  if (!Array.isArray(value) || value.length === 0) {
    return fail('2101', `${parent}.products must be a non-empty array`);
  }
  if (value.length > maxProducts) {
    return fail('2101', `at most ${maxProducts} products per package are allowed`);
  }
  const out: RequestProduct[] = [];
  for (const [i, raw] of value.entries()) {
    const path = `${parent}.products[${i}]`;
    if (!isObject(raw)) {
      return fail('2101', `${path} must be an object`);
    }
    const id = readString(raw, 'id', `${path}.id`, 50, false);
    const name = readString(raw, 'name', `${path}.name`, 4000, true);
    const imageUrl = readString(raw, 'imageUrl', `${path}.imageUrl`, 500, false);
    const price = readAmount(raw, 'price', `${path}.price`, currency, true);
    const originalPrice = readAmount(raw, 'originalPrice', `${path}.originalPrice`, currency, false);
    for (const field of [id, name, imageUrl, price, originalPrice]) {
      if (!field.ok) {
        return field;
      }
    }
    const quantity = raw.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000) {
      return fail('2101', `${path}.quantity must be a whole number from 1 to 1000000`);
    }
    if (!name.ok || !price.ok || !id.ok || !imageUrl.ok || !originalPrice.ok) {
      return fail('2101', path);
    }
    out.push({
      name: name.value,
      quantity,
      price: price.value,
      ...(id.value !== undefined ? { id: id.value } : {}),
      ...(imageUrl.value !== undefined ? { imageUrl: imageUrl.value } : {}),
      ...(originalPrice.value !== undefined ? { originalPrice: originalPrice.value } : {}),
    });
  }
  return ok(out);
}

function readRedirectUrls(value: unknown): Result<RedirectUrls> {
  if (!isObject(value)) {
    return fail('2101', 'redirectUrls is required');
  }
  const type = value.confirmUrlType ?? 'CLIENT';
  if (type !== 'CLIENT' && type !== 'SERVER' && type !== 'NONE') {
    return fail('2101', 'redirectUrls.confirmUrlType must be CLIENT, SERVER or NONE');
  }
  const confirmUrl = readUrl(value, 'confirmUrl', 'redirectUrls.confirmUrl', type !== 'NONE');
  if (!confirmUrl.ok) {
    return confirmUrl;
  }
  const cancelUrl = readUrl(value, 'cancelUrl', 'redirectUrls.cancelUrl', true);
  if (!cancelUrl.ok) {
    return cancelUrl;
  }
  const appPackageName = readString(value, 'appPackageName', 'redirectUrls.appPackageName', 4000, false);
  if (!appPackageName.ok) {
    return appPackageName;
  }
  return ok({
    confirmUrlType: type,
    cancelUrl: cancelUrl.value ?? '',
    ...(confirmUrl.value !== undefined ? { confirmUrl: confirmUrl.value } : {}),
    ...(appPackageName.value !== undefined ? { appPackageName: appPackageName.value } : {}),
  });
}

type Options = Pick<
  PaymentRequest,
  'capture' | 'payType' | 'locale' | 'checkConfirmUrlBrowser' | 'shippingFee'
> & {
  branchName?: string;
};

function readOptions(
  body: Record<string, unknown>,
  currency: Currency,
  terms: ChannelTerms,
): Result<Options> {
  const options = readObject(body, 'options', 'options');
  if (!options.ok) {
    return options;
  }
  const payment = readObject(options.value, 'payment', 'options.payment');
  const display = readObject(options.value, 'display', 'options.display');
  const shipping = readObject(options.value, 'shipping', 'options.shipping');
  const extra = readObject(options.value, 'extra', 'options.extra');
  if (!payment.ok || !display.ok || !shipping.ok || !extra.ok) {
    return [payment, display, shipping, extra].find((f): f is Failure => !f.ok) ?? fail('2101');
  }
  const capture = readBoolean(payment.value, 'capture', 'options.payment.capture', true);
  if (!capture.ok) {
    return capture;
  }
  const payType = payment.value.payType ?? 'NORMAL';
  if (payType !== 'NORMAL' && payType !== 'PREAPPROVED') {
    return fail('2101', 'options.payment.payType must be NORMAL or PREAPPROVED');
  }
  if (payType === 'PREAPPROVED' && !terms.allowPreapproved) {
    return fail('1194');
  }
  if (!capture.value && !terms.allowAuthorizeOnly) {
    return fail(
      '1105',
      'authorize-only payments (options.payment.capture=false) are not enabled for this channel',
    );
  }
  const locale = display.value.locale ?? 'en';
  if (typeof locale !== 'string' || !(locales as readonly string[]).includes(locale)) {
    return fail('2101', `options.display.locale must be one of ${locales.join(', ')}`);
  }
  const checkBrowser = readBoolean(
    display.value,
    'checkConfirmUrlBrowser',
    'options.display.checkConfirmUrlBrowser',
    false,
  );
  if (!checkBrowser.ok) {
    return checkBrowser;
  }
  // The doc table typed feeAmount as a string, so both forms are accepted.
  const fee = readAmount(shipping.value, 'feeAmount', 'options.shipping.feeAmount', currency, false, true);
  if (!fee.ok) {
    return fee;
  }
  const branchName = readString(extra.value, 'branchName', 'options.extra.branchName', 200, false);
  if (!branchName.ok) {
    return branchName;
  }
  return ok({
    capture: capture.value,
    payType,
    locale: locale as Locale,
    checkConfirmUrlBrowser: checkBrowser.value,
    shippingFee: fee.value ?? 0n,
    ...(branchName.value !== undefined ? { branchName: branchName.value } : {}),
  });
}
