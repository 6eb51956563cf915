// The shopper's JSON API: catalogue, checkout, the return and cancel landings, orders and the
// Coffee club subscription.
import type { FastifyInstance } from 'fastify';
import { cancelSubscription } from './billing.ts';
import { coffeeClub, products, shopCurrency, shopName } from './catalogue.ts';
import { type CartLine, startCheckout, startSubscriptionCheckout } from './checkout.ts';
import { cancelOrder, confirmOrder } from './confirm.ts';
import type { ShopContext } from './context.ts';
import { badRequest, notFound } from './errors.ts';
import { bodyOf, idParam, transactionIdOf } from './input.ts';
import { orderView, subscriptionView } from './views.ts';

async function orderOr404(ctx: ShopContext, orderId: string) {
  const view = await orderView(ctx.db, orderId);
  if (!view) {
    throw notFound(`There is no order ${orderId}.`);
  }
  return view;
}

async function subscriptionOr404(ctx: ShopContext, id: string) {
  const view = await subscriptionView(ctx.db, id);
  if (!view) {
    throw notFound(`There is no subscription ${id}.`);
  }
  return view;
}

/** Registers the shopper's routes under /api. */
export async function shopRoutes(app: FastifyInstance, opts: { ctx: ShopContext }): Promise<void> {
  const { ctx } = opts;

  app.get('/api/catalogue', async () => ({
    shopName,
    currency: shopCurrency,
    products: products.map((p) => ({ ...p, price: Number(p.price) })),
    plan: { ...coffeeClub, price: Number(coffeeClub.price), interval: 'month' },
  }));

  app.post('/api/checkout', async (request, reply) => {
    const body = bodyOf(request.body);
    if (body.mode !== 'pay' && body.mode !== 'reserve') {
      throw badRequest('mode must be "pay" (pay now) or "reserve" (pay when picked up).', 'bad_mode');
    }
    if (!Array.isArray(body.lines)) {
      throw badRequest('lines must be a list of { productId, quantity }.', 'empty_cart');
    }
    const started = await startCheckout(ctx, {
      lines: body.lines as CartLine[],
      capture: body.mode === 'pay',
    });
    return reply.code(201).send(started);
  });

  app.post('/api/subscriptions', async (_request, reply) =>
    reply.code(201).send(await startSubscriptionCheckout(ctx)),
  );

  app.get('/api/orders/:orderId', async (request) => orderOr404(ctx, idParam(request.params, 'orderId')));

  // LINE Pay sent the shopper back with ?transactionId&orderId: confirm, then show the order.
  app.post('/api/orders/:orderId/return', async (request) => {
    const orderId = idParam(request.params, 'orderId');
    const transactionId = transactionIdOf(bodyOf(request.body).transactionId);
    await confirmOrder(ctx, orderId, 'shopper', transactionId);
    return orderOr404(ctx, orderId);
  });

  app.post('/api/orders/:orderId/cancel', async (request) => {
    const orderId = idParam(request.params, 'orderId');
    await cancelOrder(ctx, orderId);
    return orderOr404(ctx, orderId);
  });

  app.get('/api/subscriptions/:id', async (request) => subscriptionOr404(ctx, idParam(request.params, 'id')));

  app.post('/api/subscriptions/:id/cancel', async (request) => {
    const id = idParam(request.params, 'id');
    await cancelSubscription(ctx, id);
    return subscriptionOr404(ctx, id);
  });
}
