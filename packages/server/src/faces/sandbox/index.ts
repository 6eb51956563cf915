import {
  type Currency,
  fail,
  failingTestCards,
  formatWireAmount,
  isCurrency,
  isObject,
  type PayMethod,
  parseJson,
  parseTransactionId,
  parseWireAmount,
  rawNumber,
  successTestCards,
} from '@jinliu/core';
import { findUser, listUsers, ownerBalances } from '@jinliu/db';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rawBodyOf } from '../../plugins/raw-body.ts';
import type { Services } from '../../services/container.ts';
import { sweepExpiredBindings } from '../../services/mycard/index.ts';
import { approvePayment, cancelPayment, sweepExpired } from '../../services/payments/index.ts';
import { createRandomTestUser, sandboxPin, setBalance, testUserId } from '../../services/sandbox.ts';
import { sendJson, sendJsonFailure } from '../api-errors/json-errors.ts';

const tags = ['Sandbox'];

function body(request: FastifyRequest): { ok: true; value: Record<string, unknown> } | { ok: false } {
  const raw = rawBodyOf(request.body);
  if (raw.length === 0) {
    return { ok: true, value: {} };
  }
  const parsed = parseJson(raw.toString('utf8'));
  return parsed.ok && isObject(parsed.value) ? { ok: true, value: parsed.value } : { ok: false };
}

function badJson(request: FastifyRequest, reply: FastifyReply) {
  return sendJsonFailure(request, reply, fail('2102', 'the body must be a JSON object'));
}

const methods: readonly PayMethod[] = ['BALANCE', 'CREDIT_CARD', 'POINT'];

/** Sandbox test helpers (reference §11): approve/cancel as the user would, move the clock, make channels and users. */
export async function sandboxFace(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  const { services } = opts;
  app.setValidatorCompiler(() => () => true);

  app.post(
    '/sandbox/v1/channels',
    {
      schema: {
        tags,
        summary: 'Create a merchant channel',
        body: Type.Object({
          name: Type.Optional(Type.String()),
          currency: Type.Optional(Type.String({ enum: ['TWD', 'USD', 'THB', 'JPY'] })),
          allowAuthorizeOnly: Type.Optional(Type.Boolean()),
          allowPreapproved: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request, reply) => {
      const b = body(request);
      if (!b.ok) {
        return badJson(request, reply);
      }
      const { name, currency, allowAuthorizeOnly, allowPreapproved } = b.value;
      if (currency !== undefined && !isCurrency(currency)) {
        return sendJsonFailure(request, reply, fail('1178', 'currency must be TWD, USD, THB or JPY'));
      }
      if (name !== undefined && (typeof name !== 'string' || name.length === 0 || name.length > 100)) {
        return sendJsonFailure(request, reply, fail('2101', 'name must be 1 to 100 characters'));
      }
      for (const [key, v] of Object.entries({ allowAuthorizeOnly, allowPreapproved })) {
        if (v !== undefined && typeof v !== 'boolean') {
          return sendJsonFailure(request, reply, fail('2101', `${key} must be true or false`));
        }
      }
      const created = await services.channels.create({
        ...(typeof name === 'string' ? { name } : {}),
        ...(currency !== undefined ? { currency: currency as Currency } : {}),
        ...(typeof allowAuthorizeOnly === 'boolean' ? { allowAuthorizeOnly } : {}),
        ...(typeof allowPreapproved === 'boolean' ? { allowPreapproved } : {}),
      });
      return sendJson(reply, { ...created, channelId: created.channelId.toString() }, 201);
    },
  );

  app.post(
    '/sandbox/v1/payments/:transactionId/approve',
    {
      schema: {
        tags,
        summary: 'Approve a payment as the user would on the payment page',
        body: Type.Object({
          userId: Type.Optional(Type.String()),
          method: Type.Optional(Type.String({ enum: ['BALANCE', 'CREDIT_CARD', 'POINT'] })),
          cardNumber: Type.Optional(Type.String()),
          points: Type.Optional(Type.Number()),
        }),
      },
    },
    async (request, reply) => {
      const id = parseTransactionId((request.params as { transactionId: string }).transactionId);
      const b = body(request);
      if (!b.ok) {
        return badJson(request, reply);
      }
      if (id === undefined) {
        return sendJsonFailure(request, reply, fail('1150'));
      }
      const { userId, method, cardNumber, points } = b.value;
      if (method !== undefined && !methods.includes(method as PayMethod)) {
        return sendJsonFailure(request, reply, fail('2101', 'method must be BALANCE, CREDIT_CARD or POINT'));
      }
      if (userId !== undefined && typeof userId !== 'string') {
        return sendJsonFailure(request, reply, fail('2101', 'userId must be a string'));
      }
      if (cardNumber !== undefined && typeof cardNumber !== 'string') {
        return sendJsonFailure(request, reply, fail('2101', 'cardNumber must be a string'));
      }
      if (points !== undefined && typeof points !== 'number') {
        return sendJsonFailure(request, reply, fail('2101', 'points must be a number'));
      }
      const r = await approvePayment(services.payments, id, {
        userId: typeof userId === 'string' ? userId : testUserId('alice'),
        method:
          (method as PayMethod | undefined) ?? (typeof cardNumber === 'string' ? 'CREDIT_CARD' : 'BALANCE'),
        ...(typeof cardNumber === 'string' ? { cardNumber } : {}),
        ...(typeof points === 'number' ? { points } : {}),
      });
      return r.ok
        ? sendJson(reply, { redirectUrl: r.value.redirectUrl })
        : sendJsonFailure(request, reply, r);
    },
  );

  app.post(
    '/sandbox/v1/payments/:transactionId/cancel',
    { schema: { tags, summary: 'Cancel a payment as the user would' } },
    async (request, reply) => {
      const id = parseTransactionId((request.params as { transactionId: string }).transactionId);
      if (id === undefined) {
        return sendJsonFailure(request, reply, fail('1150'));
      }
      const r = await cancelPayment(services.payments, id);
      return r.ok
        ? sendJson(reply, { redirectUrl: r.value.redirectUrl })
        : sendJsonFailure(request, reply, r);
    },
  );

  app.post(
    '/sandbox/v1/clock/advance',
    {
      schema: {
        tags,
        summary: 'Move the platform clock forward; expiries follow',
        body: Type.Object({ seconds: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request, reply) => {
      const b = body(request);
      if (!b.ok) {
        return badJson(request, reply);
      }
      const seconds = b.value.seconds;
      if (
        typeof seconds !== 'number' ||
        !Number.isInteger(seconds) ||
        seconds < 1 ||
        seconds > 10 * 365 * 86_400
      ) {
        return sendJsonFailure(
          request,
          reply,
          fail('2101', 'seconds must be a whole number from 1 to 315360000'),
        );
      }
      const now = await services.clock.advance(seconds * 1000);
      const expired = await sweepExpired(services.payments);
      const expiredBindings = await sweepExpiredBindings(services.mycard);
      return sendJson(reply, {
        now: now.toISOString(),
        offsetSeconds: services.clock.offsetMs() / 1000,
        expired,
        expiredBindings,
      });
    },
  );

  app.get('/sandbox/v1/clock', { schema: { tags, summary: 'The platform clock' } }, async (_request, reply) =>
    sendJson(reply, {
      now: services.clock.now().toISOString(),
      offsetSeconds: services.clock.offsetMs() / 1000,
    }),
  );

  app.get(
    '/sandbox/v1/users',
    { schema: { tags, summary: 'List test users with balances' } },
    async (_request, reply) => {
      const users = await listUsers(services.db);
      const out = [];
      for (const u of users) {
        out.push({
          userId: u.userId,
          displayName: u.displayName,
          accounts: await describeAccounts(services, u.userId),
        });
      }
      return sendJson(reply, { users: out, pin: sandboxPin });
    },
  );

  app.post(
    '/sandbox/v1/users',
    {
      schema: {
        tags,
        summary: 'Create a test user',
        body: Type.Object({
          displayName: Type.Optional(Type.String()),
          currency: Type.Optional(Type.String()),
          balance: Type.Optional(Type.Number()),
          points: Type.Optional(Type.Number()),
        }),
      },
    },
    async (request, reply) => {
      const b = body(request);
      if (!b.ok) {
        return badJson(request, reply);
      }
      const currency = b.value.currency ?? 'TWD';
      if (!isCurrency(currency)) {
        return sendJsonFailure(request, reply, fail('1178', 'currency must be TWD, USD, THB or JPY'));
      }
      const balance =
        b.value.balance === undefined
          ? { ok: true as const, value: 0n }
          : parseWireAmount(b.value.balance, currency, 'balance');
      const points =
        b.value.points === undefined
          ? { ok: true as const, value: 0n }
          : parseWireAmount(b.value.points, currency, 'points');
      if (!balance.ok) {
        return sendJsonFailure(request, reply, balance);
      }
      if (!points.ok) {
        return sendJsonFailure(request, reply, points);
      }
      const name = b.value.displayName;
      if (name !== undefined && (typeof name !== 'string' || name.length > 100)) {
        return sendJsonFailure(request, reply, fail('2101', 'displayName must be at most 100 characters'));
      }
      const r = await createRandomTestUser(services.db, services.payments, {
        currency,
        balance: balance.value,
        points: points.value,
        ...(typeof name === 'string' ? { displayName: name } : {}),
      });
      return r.ok
        ? sendJson(reply, { userId: r.value, pin: sandboxPin }, 201)
        : sendJsonFailure(request, reply, r);
    },
  );

  app.put(
    '/sandbox/v1/users/:userId/balance',
    {
      schema: {
        tags,
        summary: "Set a test user's balance and points (e.g. 0 to produce 1142)",
        body: Type.Object({
          currency: Type.String(),
          balance: Type.Optional(Type.Number()),
          points: Type.Optional(Type.Number()),
        }),
      },
    },
    async (request, reply) => {
      const userId = (request.params as { userId: string }).userId;
      const b = body(request);
      if (!b.ok) {
        return badJson(request, reply);
      }
      const { currency } = b.value;
      if (!isCurrency(currency)) {
        return sendJsonFailure(request, reply, fail('1178', 'currency must be TWD, USD, THB or JPY'));
      }
      if (!(await findUser(services.db, userId))) {
        return sendJsonFailure(request, reply, fail('1101', `no user ${userId}`));
      }
      const targets: Array<['user_balance' | 'user_points', bigint]> = [];
      for (const [key, kind] of [
        ['balance', 'user_balance'],
        ['points', 'user_points'],
      ] as const) {
        if (b.value[key] !== undefined) {
          const v = parseWireAmount(b.value[key], currency, key);
          if (!v.ok) {
            return sendJsonFailure(request, reply, v);
          }
          if (v.value < 0n) {
            return sendJsonFailure(request, reply, fail('2101', `${key} must not be negative`));
          }
          targets.push([kind, v.value]);
        }
      }
      const funding = await services.payments.accounts.funding(currency);
      await services.db.transaction(async (tx) => {
        for (const [kind, target] of targets) {
          await setBalance(tx, services.payments, funding, userId, kind, currency, target);
        }
      });
      return sendJson(reply, { userId, accounts: await describeAccounts(services, userId) });
    },
  );

  app.get(
    '/sandbox/v1/test-cards',
    { schema: { tags, summary: 'Test card numbers and what they do' } },
    async (_r, reply) =>
      sendJson(reply, {
        approve: successTestCards,
        decline: failingTestCards.map((c) => ({ ...c, note: 'fails at confirm with this returnCode' })),
      }),
  );
}

async function describeAccounts(services: Services, userId: string) {
  const accounts = await ownerBalances(services.db, userId);
  return accounts.map((a) => ({
    kind: a.kind === 'user_points' ? 'points' : 'balance',
    currency: a.currency,
    balance: rawNumber(formatWireAmount(a.balance, a.currency)),
  }));
}
