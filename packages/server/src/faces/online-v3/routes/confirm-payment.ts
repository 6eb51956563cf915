import { confirmPayment } from '../../../services/payments/index.ts';
import { failureAnswer } from '../envelope.ts';
import { confirmInfo } from '../render.ts';
import type { V3Route } from '../route.ts';
import { AmountBody, ConfirmInfo, TransactionParams, v3Schema } from '../schemas.ts';
import { pathTransactionId } from './path-ids.ts';

/** POST /v3/payments/{transactionId}/confirm — captures (or authorizes) an approved payment. */
export const confirmPaymentRoute: V3Route = {
  method: 'POST',
  url: '/v3/payments/:transactionId/confirm',
  endpoint: 'confirm',
  schema: v3Schema('Confirm', { params: TransactionParams, body: AmountBody, info: ConfirmInfo }),
  async handle({ channel, params, body, services }) {
    const id = pathTransactionId(params);
    if (!id.ok) {
      return failureAnswer(id);
    }
    const r = await confirmPayment(services.payments, channel, id.value, body);
    return r.ok ? { code: '0000', info: confirmInfo(r.value, r.value.memberships) } : failureAnswer(r);
  },
};
