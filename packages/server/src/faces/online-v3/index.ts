import { parseJson } from '@jinliu/core';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../plugins/metrics.ts';
import { rawBodyOf } from '../../plugins/raw-body.ts';
import type { Services } from '../../services/container.ts';
import { authenticateV3, splitTarget } from './authenticate.ts';
import { sendEnvelope } from './envelope.ts';
import type { V3Route } from './route.ts';
import { capturePaymentRoute } from './routes/capture-payment.ts';
import { checkPaymentStatusRoute } from './routes/check-payment-status.ts';
import { checkRegKeyRoute } from './routes/check-regkey.ts';
import { confirmPaymentRoute } from './routes/confirm-payment.ts';
import { expireRegKeyRoute } from './routes/expire-regkey.ts';
import { payPreapprovedRoute } from './routes/pay-preapproved.ts';
import { paymentDetailsRoute } from './routes/payment-details.ts';
import { refundPaymentRoute } from './routes/refund-payment.ts';
import { requestPaymentRoute } from './routes/request-payment.ts';
import { voidPaymentRoute } from './routes/void-payment.ts';

/** The ten Online v3 endpoints (reference §3). */
export const onlineV3Routes: readonly V3Route[] = [
  requestPaymentRoute,
  checkPaymentStatusRoute,
  confirmPaymentRoute,
  capturePaymentRoute,
  voidPaymentRoute,
  paymentDetailsRoute,
  refundPaymentRoute,
  checkRegKeyRoute,
  payPreapprovedRoute,
  expireRegKeyRoute,
];

/**
 * The LINE Pay Online v3 face. Every answer is HTTP 200 with the envelope: auth failures,
 * malformed JSON, oversized bodies and internal errors included (internal errors are
 * logged with the request id and answered 9000 without detail).
 */
export async function onlineV3Face(
  app: FastifyInstance,
  opts: { services: Services; metrics: Metrics },
): Promise<void> {
  const { services, metrics } = opts;
  // Bodies are raw bytes here; core validates and maps each problem to its return code.
  app.setValidatorCompiler(() => () => true);
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) {
      request.log.info({ err: error }, 'v3 request refused');
      return sendEnvelope(reply, {
        code: '2101',
        message: 'the request could not be read (size or content type)',
      });
    }
    request.log.error({ err: error }, 'v3 internal error');
    return sendEnvelope(reply, { code: '9000' });
  });
  for (const route of onlineV3Routes) {
    app.route({
      method: route.method,
      url: route.url,
      schema: route.schema,
      handler: async (request, reply) => {
        const auth = await authenticateV3(request, services.channels, services.nonces);
        if (!auth.ok) {
          metrics.paymentOutcomes.inc({ endpoint: route.endpoint, code: auth.answer.code });
          return sendEnvelope(reply, auth.answer);
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
