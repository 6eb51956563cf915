import { checkStatusCode, effectiveStatus } from '@jinliu/core';
import { findPayment } from '@jinliu/db';
import { failureAnswer } from '../envelope.ts';
import type { V3Route } from '../route.ts';
import { TransactionParams, v3Schema } from '../schemas.ts';
import { pathTransactionId } from './path-ids.ts';

/** GET /v3/payments/requests/{transactionId}/check — where the user is: 0000, 0110, 0121, 0122 or 0123. */
export const checkPaymentStatusRoute: V3Route = {
  method: 'GET',
  url: '/v3/payments/requests/:transactionId/check',
  endpoint: 'check',
  schema: v3Schema('Check payment request status', { params: TransactionParams }),
  async handle({ channel, params, services }) {
    const id = pathTransactionId(params);
    if (!id.ok) {
      return failureAnswer(id);
    }
    const p = await findPayment(services.db, id.value, channel.channelId);
    if (!p) {
      return { code: '1150' };
    }
    return { code: checkStatusCode(effectiveStatus(p, services.clock.now())) };
  },
};
