import cookie from '@fastify/cookie';
import { fail, type PayMethod } from '@jinliu/core';
import { claimStartBrowser, findUser, listUsers } from '@jinliu/db';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/container.ts';
import {
  cancelPayment,
  checkoutByReserveId,
  reserveIdByAccessToken,
  type StoredRequest,
  walletApprove,
} from '../../services/payments/index.ts';
import { createRandomTestUser } from '../../services/sandbox.ts';
import { sendJson, sendJsonFailure } from '../api-errors/json-errors.ts';
import { browserOf, createGuard, jsonBody } from './guard.ts';
import { registerMyCardRoutes } from './mycard-routes.ts';
import { registerOidcRoutes } from './oidc-routes.ts';
import { checkoutJson } from './render.ts';
import { createSessionCodec } from './session.ts';
import { streamCheckout } from './status-stream.ts';
import { registerWalletRoutes } from './wallet-routes.ts';

const methods: readonly PayMethod[] = ['BALANCE', 'CREDIT_CARD', 'POINT'];

/**
 * The consumer face: the JSON API behind the hosted checkout and the wallet. A signed
 * HttpOnly session cookie identifies the shopper; every state-changing call must echo the
 * session's CSRF token in `x-csrf-token`. Ids are strings here, amounts major-unit numbers.
 */
export async function consumerFace(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  const { services } = opts;
  const deps = services.payments;
  const sessions = createSessionCodec(
    deps.keyring,
    services.clock,
    services.config.publicUrl.startsWith('https:'),
  );
  const sandbox = services.config.mode === 'sandbox';
  await app.register(cookie);
  app.setValidatorCompiler(() => () => true);

  const { refuse, guarded } = createGuard(sessions);

  app.get('/api/session', { schema: { hide: true } }, async (request, reply) => {
    const session = sessions.read(request) ?? sessions.write(reply, null);
    const user = session.userId ? await findUser(services.db, session.userId) : undefined;
    return sendJson(reply, {
      user: user ? { userId: user.userId, displayName: user.displayName } : null,
      csrfToken: session.csrf,
      mode: services.config.mode,
      signIn: { sandbox, oidc: services.config.oidc !== undefined },
      pinSet: user ? user.pinHash !== null : false,
    });
  });

  app.get('/api/session/test-users', { schema: { hide: true } }, async (request, reply) => {
    if (!sandbox) {
      return refuse(request, reply, 404, 'not_found', 'Test users exist in sandbox mode only.');
    }
    const users = await listUsers(services.db, 200);
    return sendJson(reply, { users: users.map((u) => ({ userId: u.userId, displayName: u.displayName })) });
  });

  app.post(
    '/api/session/sandbox',
    { schema: { hide: true } },
    guarded(false, async (request, reply, session) => {
      if (!sandbox) {
        return refuse(request, reply, 404, 'not_found', 'Test-user sign-in exists in sandbox mode only.');
      }
      const body = jsonBody(request);
      if (!body) {
        return sendJsonFailure(request, reply, fail('2102', 'the body must be a JSON object'));
      }
      let userId = typeof body.userId === 'string' ? body.userId : undefined;
      if (!userId) {
        const name =
          typeof body.displayName === 'string' && body.displayName.trim()
            ? body.displayName.trim().slice(0, 40)
            : undefined;
        const created = await createRandomTestUser(services.db, deps, {
          balance: 10_000n,
          ...(name ? { displayName: name } : {}),
        });
        if (!created.ok) {
          return sendJsonFailure(request, reply, created);
        }
        userId = created.value;
      }
      const user = await findUser(services.db, userId);
      if (!user) {
        return sendJsonFailure(request, reply, fail('1101', 'no such test user'));
      }
      sessions.write(reply, user.userId, session.csrf);
      return sendJson(reply, {
        user: { userId: user.userId, displayName: user.displayName },
        csrfToken: session.csrf,
      });
    }),
  );

  registerOidcRoutes(app, services, sessions);
  registerWalletRoutes(app, services, guarded);
  registerMyCardRoutes(app, services, guarded);

  app.post(
    '/api/session/logout',
    { schema: { hide: true } },
    guarded(false, async (_request, reply) => {
      sessions.clear(reply);
      return sendJson(reply, { user: null });
    }),
  );

  app.get('/api/checkout/:reserveId', { schema: { hide: true } }, async (request, reply) => {
    const view = await checkoutByReserveId(deps, (request.params as { reserveId: string }).reserveId);
    if (!view) {
      return sendJsonFailure(request, reply, fail('1150', 'payment not found'));
    }
    // The first browser to open a payment link is where the payment started (checkConfirmUrlBrowser).
    const startedHere = await claimStartBrowser(services.db, view.reserveId, browserOf(request, reply));
    return sendJson(reply, checkoutJson(view, startedHere));
  });

  app.get('/api/checkout/:reserveId/events', { schema: { hide: true } }, async (request, reply) =>
    streamCheckout(request, reply, deps, (request.params as { reserveId: string }).reserveId),
  );

  app.get('/api/checkout/by-token/:token', { schema: { hide: true } }, async (request, reply) => {
    const reserveId = await reserveIdByAccessToken(deps, (request.params as { token: string }).token);
    return reserveId
      ? sendJson(reply, { reserveId })
      : sendJsonFailure(
          request,
          reply,
          fail('1150', 'no waiting payment has this code; check the 12 digits'),
        );
  });

  app.post(
    '/api/checkout/:reserveId/cancel',
    { schema: { hide: true } },
    guarded(false, async (request, reply) => {
      const view = await checkoutByReserveId(deps, (request.params as { reserveId: string }).reserveId);
      if (!view) {
        return sendJsonFailure(request, reply, fail('1150'));
      }
      const r = await cancelPayment(deps, view.transactionId);
      return r.ok
        ? sendJson(reply, { redirectUrl: r.value.redirectUrl })
        : sendJsonFailure(request, reply, r);
    }),
  );

  app.post(
    '/api/pay/:reserveId/approve',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      const body = jsonBody(request);
      if (!body) {
        return sendJsonFailure(request, reply, fail('2102', 'the body must be a JSON object'));
      }
      const method = body.method as PayMethod;
      if (!methods.includes(method) || typeof body.pin !== 'string') {
        return sendJsonFailure(
          request,
          reply,
          fail('2101', 'method (BALANCE, CREDIT_CARD or POINT) and pin are required'),
        );
      }
      if (body.cardId !== undefined && (typeof body.cardId !== 'string' || !/^\d{1,18}$/.test(body.cardId))) {
        return sendJsonFailure(request, reply, fail('2101', 'cardId must be a card id string'));
      }
      if (body.points !== undefined && typeof body.points !== 'number') {
        return sendJsonFailure(request, reply, fail('2101', 'points must be a number'));
      }
      const r = await walletApprove(
        deps,
        (request.params as { reserveId: string }).reserveId,
        session.userId ?? '',
        {
          method,
          pin: body.pin,
          ...(typeof body.cardId === 'string' ? { cardId: BigInt(body.cardId) } : {}),
          ...(typeof body.points === 'number' ? { points: body.points } : {}),
        },
      );
      if ('pin' in r) {
        if (r.pin === 'not_set') {
          return refuse(request, reply, 409, 'pin_not_set', 'Set a 6-digit payment PIN in the wallet first.');
        }
        return r.pin === 'locked'
          ? refuse(request, reply, 423, 'pin_locked', 'Wrong PIN three times: this payment is locked.')
          : reply.code(422).send({
              error: {
                code: 'pin_incorrect',
                message: 'Wrong PIN.',
                attemptsLeft: r.attemptsLeft,
                requestId: request.id,
              },
            });
      }
      if (!r.ok) {
        return sendJsonFailure(request, reply, r);
      }
      const stored = r.value.payment.request as StoredRequest;
      // With checkConfirmUrlBrowser only the browser that started the payment goes on to confirmUrl;
      // any other browser shows a guide page telling the shopper to return there.
      const guide =
        stored.checkConfirmUrlBrowser === true &&
        r.value.redirectUrl !== null &&
        !(await claimStartBrowser(services.db, r.value.payment.reserveId ?? '', browserOf(request, reply)));
      return sendJson(reply, {
        redirectUrl: guide ? null : r.value.redirectUrl,
        guide,
        confirmUrlType: stored.redirectUrls?.confirmUrlType ?? 'CLIENT',
      });
    }),
  );
}
