import { parseJson } from '@jinliu/core';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import type { AuthenticatedChannel } from '../services/channels.ts';
import type { Services } from '../services/container.ts';
import { authenticateChannel, splitTarget } from './channel-signature.ts';
import { failureAnswer, sendEnvelope, type V3Answer } from './line-pay-envelope.ts';
import type { Metrics } from './metrics.ts';
import { rawBodyOf } from './raw-body.ts';

/** What a signed handler receives: the authenticated channel, the parsed body, path params, raw query. */
export interface SignedContext {
  readonly channel: AuthenticatedChannel;
  readonly body: unknown;
  readonly params: Record<string, string>;
  readonly rawQuery: string;
  readonly services: Services;
  readonly request: FastifyRequest;
}

/** One LINE Pay-shaped endpoint: a declaration (for routing and OpenAPI) and a short handler. */
export interface SignedRoute {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** Metric label and log name. */
  readonly endpoint: string;
  readonly schema: FastifySchema;
  handle(ctx: SignedContext): Promise<V3Answer>;
}

/**
 * Registers LINE Pay-shaped routes in an encapsulated plugin: every answer is HTTP 200 with the
 * envelope — HMAC failures (1106), malformed JSON (2102), unreadable or oversized bodies (2101)
 * and internal errors (9000, logged with the request id, answered without detail). `label`
 * names the face in logs.
 */
export function registerSignedRoutes(
  app: FastifyInstance,
  opts: { services: Services; metrics: Metrics; routes: readonly SignedRoute[]; label: string },
): void {
  const { services, metrics, routes, label } = opts;
  // Bodies are raw bytes here; core validates and maps each problem to its return code.
  app.setValidatorCompiler(() => () => true);
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) {
      request.log.info({ err: error }, `${label} request refused`);
      return sendEnvelope(reply, {
        code: '2101',
        message: 'the request could not be read (size or content type)',
      });
    }
    request.log.error({ err: error }, `${label} internal error`);
    return sendEnvelope(reply, { code: '9000' });
  });
  for (const route of routes) {
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
          rawQuery: splitTarget(request.url).query,
          services,
          request,
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
