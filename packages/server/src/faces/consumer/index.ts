import cookie from '@fastify/cookie';
import {
  type Currency,
  fail,
  isCurrency,
  isObject,
  type PayMethod,
  parseJson,
  parseWireAmount,
} from '@jinliu/core';
import { findUser, listUsers, setPinHash } from '@jinliu/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rawBodyOf } from '../../plugins/raw-body.ts';
import type { Services } from '../../services/container.ts';
import {
  cancelPayment,
  checkoutByReserveId,
  reserveIdByAccessToken,
  walletApprove,
} from '../../services/payments/index.ts';
import { hashPin, pinMatches } from '../../services/pin.ts';
import { createRandomTestUser } from '../../services/sandbox.ts';
import { addWalletCard, removeWalletCard, topUp, walletHistory, walletView } from '../../services/wallet.ts';
import { sendJson, sendJsonFailure } from '../api-errors/json-errors.ts';
import { registerOidcRoutes } from './oidc-routes.ts';
import { checkoutJson, historyJson, walletJson } from './render.ts';
import { createSessionCodec, csrfValid, type Session } from './session.ts';
import { streamCheckout } from './status-stream.ts';

const methods: readonly PayMethod[] = ['BALANCE', 'CREDIT_CARD', 'POINT'];

function jsonBody(request: FastifyRequest): Record<string, unknown> | undefined {
  const raw = rawBodyOf(request.body);
  if (raw.length === 0) {
    return {};
  }
  const parsed = parseJson(raw.toString('utf8'));
  return parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
}

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

  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    code: string,
    message: string,
  ) => reply.code(status).send({ error: { code, message, requestId: request.id } });

  /** Runs a state-changing handler only with a valid session CSRF token (and, if asked, a signed-in user). */
  const guarded =
    (
      needsUser: boolean,
      handler: (request: FastifyRequest, reply: FastifyReply, session: Session) => Promise<unknown>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const session = sessions.read(request);
      if (request.method !== 'GET' && !csrfValid(session, request.headers['x-csrf-token'])) {
        return refuse(request, reply, 403, 'csrf', 'Missing or wrong x-csrf-token header; reload the page.');
      }
      if (needsUser && !session?.userId) {
        return refuse(request, reply, 401, 'sign_in_required', 'Sign in to the wallet first.');
      }
      return handler(request, reply, session ?? sessions.write(reply, null));
    };

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
    const users = await listUsers(services.db, 50);
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

  app.post(
    '/api/wallet/pin',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      const body = jsonBody(request);
      const pin = body?.pin;
      if (typeof pin !== 'string' || !/^\d{6}$/.test(pin)) {
        return sendJsonFailure(request, reply, fail('2101', 'the PIN must be 6 digits'));
      }
      const user = await findUser(services.db, session.userId ?? '');
      if (!user) {
        return refuse(request, reply, 401, 'sign_in_required', 'Sign in again.');
      }
      if (user.pinHash !== null && !pinMatches(String(body?.currentPin ?? ''), user.userId, user.pinHash)) {
        return reply.code(422).send({
          error: { code: 'pin_incorrect', message: 'The current PIN is wrong.', requestId: request.id },
        });
      }
      await setPinHash(services.db, user.userId, hashPin(pin, user.userId));
      return sendJson(reply, { pinSet: true });
    }),
  );

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
    return view
      ? sendJson(reply, checkoutJson(view))
      : sendJsonFailure(request, reply, fail('1150', 'payment not found'));
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
      return r.ok
        ? sendJson(reply, {
            redirectUrl: r.value.redirectUrl,
            confirmUrlType: checkoutConfirmType(r.value.payment.request),
          })
        : sendJsonFailure(request, reply, r);
    }),
  );

  app.get(
    '/api/wallet',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      const view = await walletView(deps, session.userId ?? '');
      return view
        ? sendJson(reply, walletJson(view))
        : refuse(request, reply, 401, 'sign_in_required', 'Sign in again.');
    }),
  );

  app.get(
    '/api/wallet/history',
    { schema: { hide: true } },
    guarded(true, async (_request, reply, session) =>
      sendJson(reply, { items: historyJson(await walletHistory(deps, session.userId ?? '')) }),
    ),
  );

  app.post(
    '/api/wallet/topup',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      if (!sandbox) {
        return refuse(request, reply, 404, 'not_found', 'Top-up is a sandbox feature.');
      }
      const body = jsonBody(request);
      const currency = body?.currency;
      if (!body || !isCurrency(currency)) {
        return sendJsonFailure(request, reply, fail('1178', 'currency must be TWD, USD, THB or JPY'));
      }
      const amount = parseWireAmount(body.amount, currency as Currency, 'amount');
      if (!amount.ok) {
        return sendJsonFailure(request, reply, amount);
      }
      const r = await topUp(deps, session.userId ?? '', currency, amount.value);
      if (!r.ok) {
        return sendJsonFailure(request, reply, r);
      }
      const view = await walletView(deps, session.userId ?? '');
      return view ? sendJson(reply, walletJson(view)) : sendJsonFailure(request, reply, fail('1101'));
    }),
  );

  app.post(
    '/api/wallet/cards',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      const body = jsonBody(request);
      if (!body || typeof body.number !== 'string' || typeof body.cvc !== 'string') {
        return sendJsonFailure(
          request,
          reply,
          fail('2101', 'number, expMonth, expYear and cvc are required'),
        );
      }
      const r = await addWalletCard(deps, session.userId ?? '', {
        number: body.number,
        cvc: body.cvc,
        expMonth: Number(body.expMonth),
        expYear: Number(body.expYear),
        ...(typeof body.nickname === 'string' ? { nickname: body.nickname } : {}),
      });
      return r.ok
        ? sendJson(reply, { ...r.value, cardId: r.value.cardId.toString() }, 201)
        : sendJsonFailure(request, reply, r);
    }),
  );

  app.delete(
    '/api/wallet/cards/:cardId',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      const id = (request.params as { cardId: string }).cardId;
      if (!/^\d{1,18}$/.test(id)) {
        return sendJsonFailure(request, reply, fail('1110', 'no such card'));
      }
      const r = await removeWalletCard(deps, session.userId ?? '', BigInt(id));
      return r.ok ? sendJson(reply, { removed: true }) : sendJsonFailure(request, reply, r);
    }),
  );
}

function checkoutConfirmType(request: unknown): string {
  return (request as { redirectUrls?: { confirmUrlType?: string } }).redirectUrls?.confirmUrlType ?? 'CLIENT';
}
