import { parseJson } from '@jinliu/core';
import type { FastifyInstance } from 'fastify';
import { authenticateChannel } from '../../plugins/channel-signature.ts';
import { failureAnswer, sendEnvelope } from '../../plugins/line-pay-envelope.ts';
import type { Metrics } from '../../plugins/metrics.ts';
import { rawBodyOf } from '../../plugins/raw-body.ts';
import type { Services } from '../../services/container.ts';
import { registerBrowserRoutes } from './browser-routes.ts';
import type { MyCardRoute } from './route.ts';
import { applyRoute, unbindRoute } from './routes/bindings.ts';
import { createCampaignRoute, listCampaignsRoute } from './routes/campaigns.ts';
import { acceptInviteRoute, addMemberRoute, createGroupRoute, getGroupRoute } from './routes/groups.ts';
import {
  createProgramRoute,
  getProgramRoute,
  listProgramsRoute,
  rotateKeyRoute,
  updateProgramRoute,
} from './routes/programs.ts';

/** The merchant-facing My Card endpoints, all signed like Online v3. */
export const myCardRoutes: readonly MyCardRoute[] = [
  createProgramRoute,
  listProgramsRoute,
  getProgramRoute,
  updateProgramRoute,
  rotateKeyRoute,
  applyRoute,
  unbindRoute,
  createGroupRoute,
  getGroupRoute,
  addMemberRoute,
  acceptInviteRoute,
  createCampaignRoute,
  listCampaignsRoute,
];

async function merchantApi(
  app: FastifyInstance,
  opts: { services: Services; metrics: Metrics },
): Promise<void> {
  const { services, metrics } = opts;
  app.setValidatorCompiler(() => () => true);
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) {
      request.log.info({ err: error }, 'mycard request refused');
      return sendEnvelope(reply, {
        code: '2101',
        message: 'the request could not be read (size or content type)',
      });
    }
    request.log.error({ err: error }, 'mycard internal error');
    return sendEnvelope(reply, { code: '9000' });
  });
  for (const route of myCardRoutes) {
    app.route({
      method: route.method,
      url: route.url,
      schema: route.schema,
      handler: async (request, reply) => {
        const auth = await authenticateChannel(request, services.channels, services.nonces);
        if (!auth.ok) {
          metrics.paymentOutcomes.inc({ endpoint: route.endpoint, code: auth.failure.code });
          return sendEnvelope(reply, failureAnswer(auth.failure));
        }
        let body: unknown;
        const raw = rawBodyOf(request.body);
        if (route.method === 'POST' && raw.length > 0) {
          const parsed = parseJson(raw.toString('utf8'));
          if (!parsed.ok) {
            metrics.paymentOutcomes.inc({ endpoint: route.endpoint, code: '2102' });
            return sendEnvelope(reply, { code: '2102', message: 'the body is not valid JSON' });
          }
          body = parsed.value;
        }
        const answer = await route.handle({
          channel: auth.channel,
          body,
          params: (request.params ?? {}) as Record<string, string>,
          services,
        });
        metrics.paymentOutcomes.inc({ endpoint: route.endpoint, code: answer.code });
        if (answer.code !== '0000') {
          request.log.info(
            { channelId: String(auth.channel.channelId), returnCode: answer.code },
            `${route.endpoint} refused`,
          );
        }
        return sendEnvelope(reply, answer);
      },
    });
  }
}

async function browserFace(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  registerBrowserRoutes(app, opts.services);
}

/**
 * The My Card face: the merchant API under /v1/mycard (LINE Pay-shaped, HMAC-signed like
 * Online v3, HTTP 200 envelope), the public JWK sets, and the browser callback that
 * completes a binding.
 */
export async function myCardFace(
  app: FastifyInstance,
  opts: { services: Services; metrics: Metrics },
): Promise<void> {
  await app.register(browserFace, { services: opts.services });
  await app.register(merchantApi, opts);
}
