// From a cart to LINE Pay's payment page: the order is stored first (so nothing LINE Pay knows
// about is unknown to the shop), then the payment is requested through the SDK.
import { buildPaymentRequest, isLinePayError } from '@jinliu/sdk';
import { cartLimits, coffeeClub, findProduct, shopCurrency, shopName } from './catalogue.ts';
import type { ShopContext } from './context.ts';
import { badRequest, paymentFailed } from './errors.ts';
import { describeError } from './linepay-codes.ts';
import { toWire } from './money.ts';
import { insertOrder, type OrderItem, setRequested } from './orders-store.ts';
import { closeOrder } from './settle.ts';
import { insertSubscription } from './subscriptions-store.ts';

/** One cart line as the browser sends it. */
export interface CartLine {
  readonly productId: string;
  readonly quantity: number;
}

/** Where to send the shopper next. */
export interface CheckoutStarted {
  readonly orderId: string;
  readonly paymentUrl: string;
  readonly subscriptionId?: string;
}

/** Checks a cart and prices it from the catalogue (never from the browser). */
export function priceCart(lines: readonly CartLine[]): { items: OrderItem[]; amount: bigint } {
  if (!Array.isArray(lines) || lines.length === 0) {
    throw badRequest('The cart is empty.', 'empty_cart');
  }
  if (lines.length > cartLimits.lines) {
    throw badRequest(`A cart holds at most ${cartLimits.lines} different products.`);
  }
  const merged = new Map<string, number>();
  for (const line of lines) {
    const product = typeof line?.productId === 'string' ? findProduct(line.productId) : undefined;
    if (!product) {
      throw badRequest(`There is no product ${JSON.stringify(line?.productId)}.`, 'unknown_product');
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw badRequest(`The quantity of ${product.name} must be a whole number from 1.`, 'bad_quantity');
    }
    merged.set(product.id, (merged.get(product.id) ?? 0) + line.quantity);
  }
  const items: OrderItem[] = [];
  for (const [id, quantity] of merged) {
    const product = findProduct(id);
    if (!product) {
      continue;
    }
    if (quantity > cartLimits.quantity) {
      throw badRequest(`At most ${cartLimits.quantity} of ${product.name} per order.`, 'bad_quantity');
    }
    items.push({ productId: id, name: product.name, unitPrice: product.price, quantity });
  }
  return { items, amount: items.reduce((t, i) => t + i.unitPrice * BigInt(i.quantity), 0n) };
}

async function requestPayment(
  ctx: ShopContext,
  order: { id: string; capture: boolean; preapproved: boolean; items: readonly OrderItem[] },
): Promise<string> {
  const body = buildPaymentRequest({
    orderId: order.id,
    currency: shopCurrency,
    packages: [
      {
        id: 'order',
        name: shopName,
        products: order.items.map((i) => ({
          id: i.productId,
          name: i.name,
          quantity: i.quantity,
          price: toWire(i.unitPrice, shopCurrency),
        })),
      },
    ],
    redirectUrls: {
      // LINE Pay appends transactionId and orderId to the confirm URL.
      confirmUrl: `${ctx.publicUrl}/checkout/return`,
      cancelUrl: `${ctx.publicUrl}/checkout/cancel?orderId=${encodeURIComponent(order.id)}`,
    },
    options: {
      payment: { capture: order.capture, payType: order.preapproved ? 'PREAPPROVED' : 'NORMAL' },
      display: { locale: 'en' },
    },
  });
  try {
    const info = await ctx.linePay.request(body);
    const now = await ctx.clock.now();
    await setRequested(ctx.db, order.id, {
      transactionId: info.transactionId,
      paymentUrl: info.paymentUrl.web,
      now,
    });
    return info.paymentUrl.web;
  } catch (e) {
    if (!isLinePayError(e)) {
      throw e;
    }
    // The shopper never got a payment page, so nothing can be paid: the order is over.
    await closeOrder(
      ctx,
      order.id,
      'failed',
      ['pending'],
      `LINE Pay did not open a payment: ${describeError(e)}.`,
    );
    throw paymentFailed(`LINE Pay could not start the payment (${describeError(e)}). Please try again.`);
  }
}

/** Stores an order for the cart and asks LINE Pay for a payment page. */
export async function startCheckout(
  ctx: ShopContext,
  input: { lines: readonly CartLine[]; capture: boolean },
): Promise<CheckoutStarted> {
  const { items, amount } = priceCart(input.lines);
  const id = ctx.newId('JC');
  const now = await ctx.clock.now();
  await insertOrder(ctx.db, {
    id,
    kind: 'purchase',
    capture: input.capture,
    currency: shopCurrency,
    amount,
    items,
    now,
  });
  const paymentUrl = await requestPayment(ctx, { id, capture: input.capture, preapproved: false, items });
  return { orderId: id, paymentUrl };
}

/** Starts a Coffee club subscription: the first month is a preapproved payment that yields a regKey. */
export async function startSubscriptionCheckout(ctx: ShopContext): Promise<CheckoutStarted> {
  const orderId = ctx.newId('JC');
  const subscriptionId = ctx.newId('S');
  const items: OrderItem[] = [
    {
      productId: coffeeClub.id,
      name: `${coffeeClub.name} — month 1`,
      unitPrice: coffeeClub.price,
      quantity: 1,
    },
  ];
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await insertOrder(tx, {
      id: orderId,
      kind: 'subscription',
      capture: true,
      currency: shopCurrency,
      amount: coffeeClub.price,
      items,
      now,
    });
    await insertSubscription(tx, {
      id: subscriptionId,
      plan: coffeeClub.id,
      currency: shopCurrency,
      amount: coffeeClub.price,
      firstOrderId: orderId,
      now,
    });
  });
  const paymentUrl = await requestPayment(ctx, { id: orderId, capture: true, preapproved: true, items });
  return { orderId, paymentUrl, subscriptionId };
}
