import {
  barcodePayload,
  type Currency,
  type Failure,
  formatWireAmount,
  isMyCardId,
  rawNumber,
  returnMessage,
  stringifyJson,
} from '@jinliu/core';
import type { CouponRow, ProgramRow } from '@jinliu/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/container.ts';
import {
  type CardView,
  cardOf,
  catalogue,
  myCards,
  programForShopper,
  reserveBinding,
  unbindByShopper,
  walletCoupons,
} from '../../services/mycard/index.ts';
import { sendJson } from '../api-errors/json-errors.ts';
import type { createGuard } from './guard.ts';

/** HTTP status of a My Card failure on the wallet API. */
function statusOf(code: string): number {
  switch (code) {
    case '3111':
    case '3112':
      return 404;
    case '3109':
      return 409;
    case '1101':
      return 401;
    case '9000':
      return 500;
    default:
      return code.startsWith('2') ? 400 : 422;
  }
}

function sendFailure(request: FastifyRequest, reply: FastifyReply, f: Failure): FastifyReply {
  return reply
    .code(statusOf(f.code))
    .type('application/json; charset=utf-8')
    .send(
      stringifyJson({
        error: { code: f.code, message: f.message ?? returnMessage(f.code), requestId: request.id },
      }),
    );
}

/** A program as the wallet shows it; the detail page's texts are plain text, to be rendered escaped. */
function programJson(p: ProgramRow, withDetail: boolean) {
  return {
    programId: p.programId,
    name: p.name,
    logoUrl: p.logoUrl,
    codeType: p.codeType,
    merchantName: p.merchantName,
    groupId: p.groupId,
    ...(withDetail ? { detail: p.detail } : {}),
  };
}

function cardJson(c: CardView, withCode: boolean) {
  const b = c.binding;
  return {
    bindingId: b.bindingId,
    status: c.status,
    program: programJson(c.program, withCode),
    displayName: b.displayName,
    ...(withCode
      ? {
          membershipCode: c.membershipCode,
          barcode: c.membershipCode === null ? null : barcodePayload(c.program.codeType, c.membershipCode),
        }
      : {}),
    reservedAt: b.reservedAt.toISOString(),
    activatedAt: b.activatedAt?.toISOString() ?? null,
    closedAt: b.closedAt?.toISOString() ?? null,
  };
}

function couponJson(c: CouponRow, now: Date) {
  return {
    couponId: c.couponId,
    campaignId: c.campaignId,
    campaignName: c.campaignName,
    merchantName: c.merchantName,
    amount: rawNumber(formatWireAmount(c.amount, c.currency as Currency)),
    currency: c.currency,
    status: c.expiresAt.getTime() > now.getTime() ? 'AVAILABLE' : 'EXPIRED',
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
  };
}

/**
 * The wallet's My Card endpoints (session cookie; CSRF token on state changes), documented in
 * README "My Card": the catalogue, reserving a binding, the shopper's cards with their barcode,
 * unbinding, and campaign coupons.
 */
export function registerMyCardRoutes(
  app: FastifyInstance,
  services: Services,
  guarded: ReturnType<typeof createGuard>['guarded'],
): void {
  const deps = services.mycard;
  const param = (request: FastifyRequest, name: string) =>
    (request.params as Record<string, string>)[name] ?? '';

  app.get(
    '/api/mycard/programs',
    { schema: { hide: true } },
    guarded(false, async (request, reply, session) => {
      const q = (request.query as { q?: unknown }).q;
      const entries = await catalogue(deps, session.userId, typeof q === 'string' ? q : '');
      return sendJson(reply, {
        programs: entries.map((e) => ({
          ...programJson(e.program, false),
          held: e.activeBindingId !== null,
          bindingId: e.activeBindingId,
        })),
      });
    }),
  );

  app.get(
    '/api/mycard/programs/:programId',
    { schema: { hide: true } },
    guarded(false, async (request, reply, session) => {
      const id = param(request, 'programId');
      const r = isMyCardId(id) ? await programForShopper(deps, session.userId, id) : undefined;
      if (!r?.ok) {
        return sendFailure(request, reply, r ?? { ok: false, code: '3111' });
      }
      return sendJson(reply, {
        ...programJson(r.value.program, true),
        held: r.value.activeBindingId !== null,
        bindingId: r.value.activeBindingId,
      });
    }),
  );

  app.post(
    '/api/mycard/programs/:programId/bindings',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      const id = param(request, 'programId');
      const r = isMyCardId(id) ? await reserveBinding(deps, session.userId ?? '', id) : undefined;
      if (!r?.ok) {
        return sendFailure(request, reply, r ?? { ok: false, code: '3111' });
      }
      return sendJson(
        reply,
        {
          bindingId: r.value.bindingId,
          redirectUrl: r.value.redirectUrl,
          expiresAt: r.value.expiresAt.toISOString(),
        },
        201,
      );
    }),
  );

  app.get(
    '/api/mycard/cards',
    { schema: { hide: true } },
    guarded(true, async (_request, reply, session) => {
      const cards = await myCards(deps, session.userId ?? '');
      return sendJson(reply, { cards: cards.map((c) => cardJson(c, false)) });
    }),
  );

  app.get(
    '/api/mycard/cards/:bindingId',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      const id = param(request, 'bindingId');
      const r = isMyCardId(id) ? await cardOf(deps, session.userId ?? '', id) : undefined;
      if (!r?.ok) {
        return sendFailure(request, reply, r ?? { ok: false, code: '3112' });
      }
      reply.header('cache-control', 'no-store');
      return sendJson(reply, cardJson(r.value, true));
    }),
  );

  app.delete(
    '/api/mycard/cards/:bindingId',
    { schema: { hide: true } },
    guarded(true, async (request, reply, session) => {
      const id = param(request, 'bindingId');
      const r = isMyCardId(id) ? await unbindByShopper(deps, session.userId ?? '', id) : undefined;
      return r?.ok ? sendJson(reply, r.value) : sendFailure(request, reply, r ?? { ok: false, code: '3112' });
    }),
  );

  app.get(
    '/api/mycard/coupons',
    { schema: { hide: true } },
    guarded(true, async (_request, reply, session) => {
      const now = services.clock.now();
      return sendJson(reply, {
        coupons: (await walletCoupons(deps, session.userId ?? '')).map((c) => couponJson(c, now)),
      });
    }),
  );
}
