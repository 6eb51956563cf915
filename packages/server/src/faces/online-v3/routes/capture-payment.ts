import { capturePayment } from '../../../services/payments/index.ts';
import { failureAnswer } from '../envelope.ts';
import { captureInfo } from '../render.ts';
import type { V3Route } from '../route.ts';
import { AmountBody, CaptureInfo, TransactionParams, v3Schema } from '../schemas.ts';
import { pathTransactionId } from './path-ids.ts';

/** POST /v3/payments/authorizations/{transactionId}/capture — full or partial capture of an authorization. */
export const capturePaymentRoute: V3Route = {
  method: 'POST',
  url: '/v3/payments/authorizations/:transactionId/capture',
  endpoint: 'capture',
  schema: v3Schema('Capture', { params: TransactionParams, body: AmountBody, info: CaptureInfo }),
  async handle({ channel, params, body, services }) {
    const id = pathTransactionId(params);
    if (!id.ok) {
      return failureAnswer(id);
    }
    const r = await capturePayment(services.payments, channel, id.value, body);
    return r.ok ? { code: '0000', info: captureInfo(r.value, r.value.memberships) } : failureAnswer(r);
  },
};
