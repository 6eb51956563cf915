import { refundPayment } from '../../../services/payments/index.ts';
import { failureAnswer, wireDate } from '../envelope.ts';
import type { V3Route } from '../route.ts';
import { RefundBody, RefundInfo, TransactionParams, v3Schema } from '../schemas.ts';
import { pathTransactionId } from './path-ids.ts';

/** POST /v3/payments/{transactionId}/refund — full (no amount) or partial refund. */
export const refundPaymentRoute: V3Route = {
  method: 'POST',
  url: '/v3/payments/:transactionId/refund',
  endpoint: 'refund',
  schema: v3Schema('Refund', { params: TransactionParams, body: RefundBody, info: RefundInfo }),
  async handle({ channel, params, body, services }) {
    const id = pathTransactionId(params);
    if (!id.ok) {
      return failureAnswer(id);
    }
    const r = await refundPayment(services.payments, channel, id.value, body);
    return r.ok
      ? {
          code: '0000',
          info: { refundTransactionId: r.value.refundId, refundTransactionDate: wireDate(r.value.createdAt) },
        }
      : failureAnswer(r);
  },
};
