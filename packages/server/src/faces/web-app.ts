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

/** The pages the single-page app answers (checkout, wallet approval, wallet). */
export const webAppPaths = ['/web/payment/wait', '/app/payment/:reserveId', '/wallet', '/wallet/*'] as const;

const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** Serves the built React app: hashed assets (cached forever) and index.html for its routes. */
export async function webAppFace(app: FastifyInstance, opts: { distDir: string }): Promise<void> {
  const index = await readFile(join(opts.distDir, 'index.html'), 'utf8');
  await app.register(fastifyStatic, {
    root: join(opts.distDir, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    decorateReply: false,
  });
  const spa = async (_request: unknown, reply: FastifyReply) =>
    reply.headers(securityHeaders).type('text/html; charset=utf-8').send(index);
  for (const path of webAppPaths) {
    app.get(path, { schema: { hide: true } }, spa);
  }
}
