import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm install` / `npm start` build the web package. */
export const defaultWebDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** True when the web app has been built. */
export function webAppBuilt(distDir: string = defaultWebDist): boolean {
  return existsSync(join(distDir, 'index.html'));
}

const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** Serves the built React app: hashed assets (cached forever) and index.html for its routes. */
export async function webAppFace(
  app: FastifyInstance,
  opts: { distDir: string; reserveExists: (reserveId: string) => Promise<boolean> },
): Promise<void> {
  const index = await readFile(join(opts.distDir, 'index.html'), 'utf8');
  await app.register(fastifyStatic, {
    root: join(opts.distDir, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    decorateReply: false,
  });
  const page = (reply: FastifyReply, status: number) =>
    reply.code(status).headers(securityHeaders).type('text/html; charset=utf-8').send(index);
  // Payment links answer 404 for an unknown reserve id (the app then shows "payment not found").
  const paymentPage = async (reserveId: string, reply: FastifyReply) =>
    page(reply, reserveId && (await opts.reserveExists(reserveId)) ? 200 : 404);
  app.get('/web/payment/wait', { schema: { hide: true } }, async (request, reply) =>
    paymentPage(
      String((request.query as { transactionReserveId?: unknown }).transactionReserveId ?? ''),
      reply,
    ),
  );
  app.get('/app/payment/:reserveId', { schema: { hide: true } }, async (request, reply) =>
    paymentPage((request.params as { reserveId: string }).reserveId, reply),
  );
  for (const path of ['/wallet', '/wallet/*']) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => page(reply, 200));
  }
}
