// Builds the shop's Fastify app from injected dependencies; never listens (start-shop.ts does).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { Sandbox } from '@jinliu/sdk';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import { adminSessions } from './admin-auth.ts';
import { adminRoutes } from './admin-routes.ts';
import type { ShopContext } from './context.ts';
import { ShopError } from './errors.ts';
import { membershipRoutes } from './membership-routes.ts';
import { shopRoutes } from './shop-routes.ts';

/** Where `node scripts/build.ts shop` puts the front-end. */
export const defaultDistDir = fileURLToPath(new URL('../dist/', import.meta.url));

/** What the app is built from (everything but the logger, which the app makes). */
export interface ShopAppDeps {
  readonly context: Omit<ShopContext, 'log'>;
  readonly adminPassword: string;
  readonly logLevel: string;
  readonly distDir?: string;
  /** The Jinliu sandbox helper, when the shop runs against one (the admin can move its clock). */
  readonly sandbox?: Sandbox | undefined;
}

const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/** The routes the front-end draws (the server answers them with index.html). */
const pageRoutes = [
  '/',
  '/cart',
  '/checkout',
  '/checkout/return',
  '/checkout/cancel',
  '/orders/:orderId',
  '/club',
  '/subscriptions/:id',
  '/admin',
  '/admin/*',
];

const notBuilt = `<!doctype html><meta charset="utf-8"><title>Jinliu Coffee</title>
<h1>The shop's pages are not built yet</h1><p>Run <code>node scripts/build.ts shop</code> (or <code>npm install</code>) in the repository and reload.</p>`;

async function registerPages(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  const index = built ? await readFile(join(distDir, 'index.html'), 'utf8') : notBuilt;
  if (built) {
    await app.register(fastifyStatic, {
      root: join(distDir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      decorateReply: false,
    });
  }
  const page = (reply: FastifyReply, status: number) =>
    reply
      .code(built ? status : 503)
      .headers({ ...securityHeaders, 'cache-control': 'no-store' })
      .type('text/html; charset=utf-8')
      .send(index);
  for (const url of pageRoutes) {
    app.get(url, async (_request, reply) => page(reply, 200));
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/')) {
      return page(reply, 404);
    }
    return reply
      .code(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}.` } });
  });
}

/** Builds the app and the context its use cases run with (logging through the app's logger). */
export async function buildShopApp(deps: ShopAppDeps): Promise<{ app: FastifyInstance; ctx: ShopContext }> {
  const app = Fastify({
    logger: { level: deps.logLevel, redact: ['req.headers.cookie', 'password', 'regKey', 'channelSecret'] },
    // The shop logs what happens to orders, not every request.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
  });
  const ctx: ShopContext = { ...deps.context, log: app.log };

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders);
    // Every state change is JSON (see admin-routes.ts for why this matters).
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.url.startsWith('/api/')) {
      const type = request.headers['content-type'] ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        throw new ShopError(
          'json_required',
          415,
          'Send this request as JSON (Content-Type: application/json).',
        );
      }
    }
  });

  app.setErrorHandler(async (error: FastifyError | ShopError, request, reply) => {
    if (error instanceof ShopError) {
      return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own refusals: unreadable JSON, a body too large, an empty JSON body.
      return reply.code(status).send({ error: { code: 'bad_request', message: error.message } });
    }
    request.log.error({ err: error, url: request.url }, 'request failed');
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'Something went wrong in the shop. Please try again.' } });
  });

  await app.register(shopRoutes, { ctx });
  await app.register(membershipRoutes, { ctx });
  await app.register(adminRoutes, {
    ctx,
    sessions: adminSessions(deps.adminPassword),
    secureCookies: ctx.publicUrl.startsWith('https:'),
    sandbox: deps.sandbox,
  });
  await registerPages(app, deps.distDir ?? defaultDistDir);
  return { app, ctx };
}
