import { randomUUID } from 'node:crypto';
import { findPaymentByReserveId } from '@jinliu/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { sendJson } from './faces/api-errors/json-errors.ts';
import { consumerFace } from './faces/consumer/index.ts';
import { myCardFace } from './faces/mycard/index.ts';
import { sendEnvelope } from './faces/online-v3/envelope.ts';
import { onlineV3Face } from './faces/online-v3/index.ts';
import { opsFace } from './faces/ops/index.ts';
import { paymentPages } from './faces/pages/payment-page.ts';
import { sandboxFace } from './faces/sandbox/index.ts';
import { defaultWebDist, webAppBuilt, webAppFace } from './faces/web-app.ts';
import { registerHealth } from './plugins/health.ts';
import { createMetrics, registerMetrics } from './plugins/metrics.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { keepRawBodies } from './plugins/raw-body.ts';
import type { Services } from './services/container.ts';

/** Options of the HTTP app. */
export interface AppOptions {
  /** pino logger options, or false for none (tests). */
  readonly logger?: boolean | Record<string, unknown>;
  /** Directory of the built web app; default: packages/web/dist when built. */
  readonly webDist?: string;
}

const absoluteForm = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * Builds the HTTP app with every face registered; never listens (tests call inject()).
 * Requests in absolute form (`POST https://sandbox-api-pay.line.me/v3/...`, as sent through
 * HTTPS_PROXY) are routed by their path; the path and query stay byte-for-byte as sent.
 */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    rewriteUrl: (req) => (req.url ?? '/').replace(absoluteForm, '') || '/',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // A path the router cannot read (bad percent-encoding, an over-long id) never reaches a
    // route: answer it like the face it was meant for, v3 with the HTTP 200 envelope.
    frameworkErrors: (error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      const internal = status >= 500;
      reply.header('x-request-id', request.id);
      if (request.url.startsWith('/v3/')) {
        return sendEnvelope(
          reply,
          internal ? { code: '9000' } : { code: '2101', message: 'the request path could not be read' },
        );
      }
      const problem = internal
        ? { code: 'internal_error', message: 'Internal error.' }
        : { code: 'bad_request', message: 'The request path could not be read.' };
      return sendJson(
        reply,
        { error: { ...problem, requestId: request.id } },
        internal ? 500 : Math.max(status, 400),
      );
    },
  });
  keepRawBodies(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'internal error');
    }
    return reply.code(status >= 400 ? status : 500).send({
      error: {
        code: status >= 500 ? 'internal_error' : 'bad_request',
        message: status >= 500 ? 'Internal error.' : (error as Error).message,
        requestId: request.id,
      },
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 'not_found',
        message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
        requestId: request.id,
      },
    }),
  );
  const metrics = createMetrics();
  await registerOpenApi(app, services.config.publicUrl);
  registerMetrics(app, metrics);
  registerHealth(app, services);
  await app.register(onlineV3Face, { services, metrics });
  await app.register(myCardFace, { services, metrics });
  const spa = options.webDist ?? (webAppBuilt() ? defaultWebDist : undefined);
  await app.register(paymentPages, { services, servePaymentUrls: spa === undefined });
  if (spa) {
    await app.register(webAppFace, {
      distDir: spa,
      reserveExists: async (reserveId) =>
        (await findPaymentByReserveId(services.db, reserveId)) !== undefined,
    });
  }
  await app.register(consumerFace, { services });
  if (services.config.mode === 'sandbox') {
    await app.register(sandboxFace, { services });
  }
  // The operator face needs its token in live mode; without one it exists in sandbox mode only.
  if (services.config.opsToken !== undefined || services.config.mode === 'sandbox') {
    await app.register(opsFace, { services });
  }
  return app;
}
