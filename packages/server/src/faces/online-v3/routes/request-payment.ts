import { requestPayment } from '../../../services/payments/index.ts';
import { failureAnswer } from '../envelope.ts';
import type { V3Route } from '../route.ts';
import { RequestBody, RequestInfo, v3Schema } from '../schemas.ts';

/** POST /v3/payments/request — creates a payment waiting for the user. */
export const requestPaymentRoute: V3Route = {
  method: 'POST',
  url: '/v3/payments/request',
  endpoint: 'request',
  schema: v3Schema('Request payment', { body: RequestBody, info: RequestInfo }),
  async handle({ channel, body, services }) {
    const r = await requestPayment(services.payments, channel, body);
    if (!r.ok) {
      return failureAnswer(r);
    }
    const base = services.config.publicUrl;
    const reserve = encodeURIComponent(r.value.reserveId);
    return {
      code: '0000',
      info: {
        paymentUrl: {
          web: `${base}/web/payment/wait?transactionReserveId=${reserve}`,
          app: `${base}/app/payment/${reserve}`,
        },
        transactionId: r.value.transactionId,
        paymentAccessToken: r.value.paymentAccessToken,
      },
    };
  },
};
