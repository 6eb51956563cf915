import { voidPayment } from '../../../services/payments/index.ts';
import { failureAnswer } from '../envelope.ts';
import type { V3Route } from '../route.ts';
import { TransactionParams, v3Schema } from '../schemas.ts';
import { pathTransactionId } from './path-ids.ts';

/** POST /v3/payments/authorizations/{transactionId}/void — releases an authorization. */
export const voidPaymentRoute: V3Route = {
  method: 'POST',
  url: '/v3/payments/authorizations/:transactionId/void',
  endpoint: 'void',
  schema: v3Schema('Void', { params: TransactionParams }),
  async handle({ channel, params, services }) {
    const id = pathTransactionId(params);
    if (!id.ok) {
      return failureAnswer(id);
    }
    const r = await voidPayment(services.payments, channel, id.value);
    return r.ok ? { code: '0000' } : failureAnswer(r);
  },
};
