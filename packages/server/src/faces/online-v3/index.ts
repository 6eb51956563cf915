import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../plugins/metrics.ts';
import { registerSignedRoutes } from '../../plugins/signed-routes.ts';
import type { Services } from '../../services/container.ts';
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
  registerSignedRoutes(app, { ...opts, routes: onlineV3Routes, label: 'v3' });
}
