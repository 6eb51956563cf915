// The shop-admin JSON API: sign-in, orders (refund, capture, void), subscriptions and the
// billing and reconciliation runs.
//
// Why a session cookie plus "JSON only" is enough against cross-site request forgery here: the
// cookie is SameSite=Strict, so a browser never attaches it to a request another site starts;
// and every state-changing call must carry `Content-Type: application/json`, which a cross-site
// form cannot send and a cross-site fetch can only send after a CORS preflight this shop never
// answers. A shop with several admins or a sub-domain it does not control would add a CSRF token.
import type { Sandbox } from '@jinliu/sdk';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AdminSessions, readCookie, sessionCookie, setSessionCookie } from './admin-auth.ts';
import { cancelSubscription, runBilling } from './billing.ts';
import { captureOrder, voidOrder } from './captures.ts';
import { shopCurrency } from './catalogue.ts';
import type { ShopContext } from './context.ts';
import { notFound, ShopError } from './errors.ts';
import { bodyOf, idParam, optionalAmount } from './input.ts';
import { recentOrders } from './orders-store.ts';
import { reconcileOnce } from './reconcile.ts';
import { refundOrder } from './refunds.ts';
import { recentSubscriptions } from './subscriptions-store.ts';
import { orderSummaries, orderView, subscriptionSummary, subscriptionView } from './views.ts';

/** What the admin routes need. */
export interface AdminRouteOptions {
  readonly ctx: ShopContext;
  readonly sessions: AdminSessions;
  /** Mark the cookie Secure (the shop is served over https). */
  readonly secureCookies: boolean;
  /** Present on a Jinliu sandbox: the admin may move the platform's clock to make a month pass. */
  readonly sandbox: Sandbox | undefined;
}

/** Registers /api/admin/*: everything but the session calls needs a signed-in admin. */
export async function adminRoutes(app: FastifyInstance, opts: AdminRouteOptions): Promise<void> {
  const { ctx, sessions, secureCookies, sandbox } = opts;
  const signedIn = (request: FastifyRequest) => sessions.isValid(readCookie(request, sessionCookie));

  app.addHook('preHandler', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/admin/') && !path.startsWith('/api/admin/session') && !signedIn(request)) {
      throw new ShopError('signed_out', 401, 'Sign in to the shop admin first.');
    }
  });

  app.get('/api/admin/session', async (request) => ({
    signedIn: signedIn(request),
    sandbox: sandbox !== undefined,
  }));

  app.post('/api/admin/session', async (request, reply) => {
    const id = sessions.signIn(bodyOf(request.body).password);
    if (!id) {
      throw new ShopError('wrong_password', 401, 'That password is not right.');
    }
    setSessionCookie(reply, id, secureCookies);
    return { signedIn: true };
  });

  app.post('/api/admin/session/end', async (request, reply) => {
    sessions.signOut(readCookie(request, sessionCookie));
    setSessionCookie(reply, undefined, secureCookies);
    return { signedIn: false };
  });

  app.get('/api/admin/orders', async () => ({
    orders: await orderSummaries(ctx.db, await recentOrders(ctx.db, 200)),
  }));

  const withOrder = async (orderId: string) => {
    const view = await orderView(ctx.db, orderId, true);
    if (!view) {
      throw notFound(`There is no order ${orderId}.`);
    }
    return view;
  };

  app.get('/api/admin/orders/:orderId', async (request) => withOrder(idParam(request.params, 'orderId')));

  app.post('/api/admin/orders/:orderId/refund', async (request) => {
    const orderId = idParam(request.params, 'orderId');
    await refundOrder(ctx, orderId, optionalAmount(bodyOf(request.body).amount, shopCurrency));
    return withOrder(orderId);
  });

  app.post('/api/admin/orders/:orderId/capture', async (request) => {
    const orderId = idParam(request.params, 'orderId');
    await captureOrder(ctx, orderId, optionalAmount(bodyOf(request.body).amount, shopCurrency));
    return withOrder(orderId);
  });

  app.post('/api/admin/orders/:orderId/void', async (request) => {
    const orderId = idParam(request.params, 'orderId');
    await voidOrder(ctx, orderId);
    return withOrder(orderId);
  });

  app.get('/api/admin/subscriptions', async () => ({
    subscriptions: (await recentSubscriptions(ctx.db, 200)).map(subscriptionSummary),
  }));

  app.post('/api/admin/subscriptions/:id/cancel', async (request) => {
    const id = idParam(request.params, 'id');
    await cancelSubscription(ctx, id);
    return (
      (await subscriptionView(ctx.db, id)) ?? Promise.reject(notFound(`There is no subscription ${id}.`))
    );
  });

  app.post('/api/admin/billing/run', async () => runBilling(ctx));

  // Sandbox only: move the payment platform's clock (for everyone on it) so a month can pass in a demo.
  app.post('/api/admin/sandbox/clock', async (request) => {
    if (!sandbox) {
      throw notFound('The shop is not running against a Jinliu sandbox, so there is no clock to move.');
    }
    const days = bodyOf(request.body).days;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366) {
      throw new ShopError('bad_days', 400, 'days must be a whole number from 1 to 366.');
    }
    const moved = await sandbox.advanceClock(days * 86_400);
    return { now: moved.now.toISOString(), offsetSeconds: moved.offsetSeconds };
  });

  // On demand the admin checks every unfinished order now, not only the ones older than the threshold.
  app.post('/api/admin/reconcile/run', async () => reconcileOnce(ctx, 0));
}
