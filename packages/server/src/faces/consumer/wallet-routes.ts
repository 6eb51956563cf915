import { type Currency, fail, isCurrency, parseTransactionId, parseWireAmount } from '@jinliu/core';
import { findUser, setPinHash } from '@jinliu/db';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/container.ts';
import { hashPin, pinMatches } from '../../services/pin.ts';
import {
  addWalletCard,
  removeWalletCard,
  topUp,
  walletHistory,
  walletReceipt,
  walletView,
} from '../../services/wallet.ts';
import { sendJson, sendJsonFailure } from '../api-errors/json-errors.ts';
import { type createGuard, jsonBody, refuse } from './guard.ts';
import { historyJson, walletJson } from './render.ts';

/** The wallet's own endpoints: balances, history and receipts, top-up, cards and the payment PIN. */
export function registerWalletRoutes(
  app: FastifyInstance,
  services: Services,
  guarded: ReturnType<typeof createGuard>['guarded'],
): void {
  const deps = services.payments;
  const sandbox = services.config.mode === 'sandbox';

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

  app.get(
    '/api/wallet/receipts/:transactionId',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      const id = parseTransactionId((request.params as { transactionId: string }).transactionId);
      const item = id === undefined ? undefined : await walletReceipt(deps, session.userId ?? '', id);
      return item
        ? sendJson(reply, historyJson([item])[0])
        : sendJsonFailure(request, reply, fail('1150', 'no such payment in your wallet'));
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
