import { isMyCardId } from '@jinliu/core';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/container.ts';
import { completeBinding, programJwks } from '../../services/mycard/index.ts';
import { sendJson } from '../api-errors/json-errors.ts';
import { Jwks } from './schemas.ts';

/** The wallet page a finished (or failed) binding returns to; the web app reads `result` and `code`. */
export function walletCardPath(bindingId: string, result: string, code?: string): string {
  const query = new URLSearchParams({ result, ...(code ? { code } : {}) });
  return `/wallet/mycard/cards/${encodeURIComponent(bindingId)}?${query}`;
}

/**
 * The public My Card routes: each program's JWK set (no auth, cacheable) and the binding
 * callback the merchant redirects the browser to. The callback always answers with a
 * redirect to the wallet's card page, which then asks the server how the binding stands.
 */
export function registerBrowserRoutes(app: FastifyInstance, services: Services): void {
  app.get(
    '/v1/mycard/programs/:programId/jwks.json',
    {
      schema: {
        summary: "A card program's public keys (JWK set) for verifying binding tokens",
        tags: ['My Card'],
        response: { 200: Jwks },
      },
    },
    async (request, reply) => {
      const id = (request.params as { programId: string }).programId;
      const r = isMyCardId(id) ? await programJwks(services.mycard, id) : undefined;
      if (!r?.ok) {
        return sendJson(
          reply,
          { error: { code: '3111', message: 'Card program not found.', requestId: request.id } },
          404,
        );
      }
      reply.header('cache-control', 'public, max-age=300');
      return sendJson(reply, r.value);
    },
  );

  app.get('/mycard/bindings/:bindingId/callback', { schema: { hide: true } }, async (request, reply) => {
    const bindingId = (request.params as { bindingId: string }).bindingId;
    const q = request.query as Record<string, unknown>;
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!isMyCardId(bindingId)) {
      return reply.redirect(`/wallet/mycard?${new URLSearchParams({ result: 'ERROR', code: '3112' })}`, 303);
    }
    const r = await completeBinding(services.mycard, bindingId, {
      token: q.token,
      channelId: q.channelId,
      status: q.status,
    });
    if (!r.ok) {
      request.log.info({ bindingId, returnCode: r.code }, 'mycard callback refused');
      return reply.redirect(walletCardPath(bindingId, 'ERROR', r.code), 303);
    }
    return reply.redirect(walletCardPath(bindingId, r.value.status), 303);
  });
}
