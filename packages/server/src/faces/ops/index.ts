import { lastOutboxEventId, latestOutboxEvents, type OutboxEventRow, outboxEventsAfter } from '@jinliu/db';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/container.ts';
import { sendJson } from '../api-errors/json-errors.ts';
import { bearerToken, tokenMatches } from './bearer-token.ts';
import { lookupPayments, paymentViews } from './payment-view.ts';

const tags = ['Operations'];
const maxEventId = 9_223_372_036_854_775_807n;
const maxOrderIdLength = 100;

/** The typed error body of the JSON faces with an HTTP status. */
function refuse(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) {
  return sendJson(reply, { error: { code, message, requestId: request.id } }, status);
}

/** A query parameter given once, as text; arrays (repeated parameters) are refused. */
function param(query: unknown, name: string): string | undefined | null {
  const v = (query as Record<string, unknown> | undefined)?.[name];
  return v === undefined ? undefined : typeof v === 'string' ? v : null;
}

/** A whole number from 1 to `max`, or the reason it is not. */
function count(text: string | null | undefined, name: string, fallback: number, max: number) {
  if (text === undefined) {
    return { ok: true as const, value: fallback };
  }
  const n = text !== null && /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  return n >= 1 && n <= max
    ? { ok: true as const, value: n }
    : { ok: false as const, message: `${name} must be a whole number from 1 to ${max}` };
}

function renderEvent(e: OutboxEventRow) {
  return {
    id: e.eventId,
    type: e.type,
    merchantId: e.merchantId,
    createdAt: e.createdAt.toISOString(),
    payload: e.payload,
  };
}

/**
 * The operator face: any merchant's payments with their ledger entries, and the outbox event
 * stream (read by `jinliu payments show` and `jinliu events tail`). With JINLIU_OPS_TOKEN set
 * every request must carry it as a bearer token; app.ts registers the face without a token in
 * sandbox mode only.
 */
export async function opsFace(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  const { services } = opts;
  const token = services.config.opsToken;
  app.setValidatorCompiler(() => () => true);

  if (token !== undefined) {
    app.addHook('onRequest', async (request, reply) => {
      if (!tokenMatches(token, bearerToken(request.headers.authorization))) {
        reply.header('www-authenticate', 'Bearer realm="jinliu-ops"');
        return refuse(
          request,
          reply,
          401,
          'unauthorized',
          'The operator API needs "Authorization: Bearer <JINLIU_OPS_TOKEN>".',
        );
      }
    });
  }

  app.get(
    '/ops/v1/payments/:ref',
    {
      schema: {
        tags,
        summary: "Any merchant's payment by transaction id, refund id or orderId, with its ledger",
        params: Type.Object({ ref: Type.String() }),
      },
    },
    async (request, reply) => {
      const ref = (request.params as { ref: string }).ref;
      if (ref.length === 0 || ref.length > maxOrderIdLength) {
        return refuse(
          request,
          reply,
          400,
          'bad_request',
          `ref must be a 19-digit transaction or refund id, or an orderId of 1 to ${maxOrderIdLength} characters`,
        );
      }
      const found = await lookupPayments(services.db, ref);
      if (!found) {
        return refuse(
          request,
          reply,
          404,
          'payment_not_found',
          `No payment, refund or orderId matches "${ref}".`,
        );
      }
      return sendJson(reply, {
        ref,
        matchedBy: found.matchedBy,
        payments: await paymentViews(services.db, found.payments),
      });
    },
  );

  app.get(
    '/ops/v1/events',
    {
      schema: {
        tags,
        summary: 'Outbox events in id order: after an id, or the newest few',
        querystring: Type.Object({
          after: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
          last: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          type: Type.Optional(
            Type.String({ description: 'event type prefix, e.g. "payment." or "payment.captured"' }),
          ),
        }),
      },
    },
    async (request, reply) => {
      const bad = (message: string) => refuse(request, reply, 400, 'bad_request', message);
      const afterText = param(request.query, 'after');
      const typeText = param(request.query, 'type');
      const limit = count(param(request.query, 'limit'), 'limit', 100, 500);
      const lastText = param(request.query, 'last');
      const last = count(lastText, 'last', 20, 500);
      if (!limit.ok) {
        return bad(limit.message);
      }
      if (!last.ok) {
        return bad(last.message);
      }
      if (afterText === null || (afterText !== undefined && !/^\d{1,19}$/.test(afterText))) {
        return bad('after must be an event id (0 or more)');
      }
      const after = afterText === undefined ? 0n : BigInt(afterText);
      if (after > maxEventId) {
        return bad('after must be an event id (0 or more)');
      }
      if (afterText !== undefined && lastText !== undefined) {
        return bad('give either after (page forward) or last (the newest events), not both');
      }
      if (typeText === null || (typeText !== undefined && !/^[A-Za-z0-9._:-]{1,100}$/.test(typeText))) {
        return bad('type must be an event type prefix of 1 to 100 letters, digits, ".", "_", ":" or "-"');
      }
      const typePrefix = typeText ?? '';
      if (lastText !== undefined) {
        // Read the high-water mark first: an event committed in between is shown next time, not lost.
        const mark = await lastOutboxEventId(services.db);
        const events = (await latestOutboxEvents(services.db, { limit: last.value, typePrefix })).filter(
          (e) => e.eventId <= mark,
        );
        return sendJson(reply, { events: events.map(renderEvent), nextAfter: mark });
      }
      const events = await outboxEventsAfter(services.db, { after, limit: limit.value, typePrefix });
      return sendJson(reply, {
        events: events.map(renderEvent),
        nextAfter: events.at(-1)?.eventId ?? after,
      });
    },
  );
}
