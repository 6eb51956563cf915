import { checkStatusCode, effectiveStatus } from '@jinliu/core';
import { findPayment } from '@jinliu/db';
import { paymentMemberships } from '../../../services/mycard/index.ts';
import { failureAnswer } from '../envelope.ts';
import { membershipsField } from '../render.ts';
import type { V3Route } from '../route.ts';
import { CheckStatusInfo, TransactionParams, v3Schema } from '../schemas.ts';
import { pathTransactionId } from './path-ids.ts';

/** GET /v3/payments/requests/{transactionId}/check — where the user is: 0000, 0110, 0121, 0122 or 0123 (+ memberships). */
export const checkPaymentStatusRoute: V3Route = {
  method: 'GET',
  url: '/v3/payments/requests/:transactionId/check',
  endpoint: 'check',
  schema: v3Schema('Check payment request status', { params: TransactionParams, info: CheckStatusInfo }),
  async handle({ channel, params, services }) {
    const id = pathTransactionId(params);
    if (!id.ok) {
      return failureAnswer(id);
    }
    const p = await findPayment(services.db, id.value, channel.channelId);
    if (!p) {
      return { code: '1150' };
    }
    const code = checkStatusCode(effectiveStatus(p, services.clock.now()));
    // With the user known (0110 authenticated, 0123 completed) the answer names their memberships.
    const memberships =
      code === '0110' || code === '0123'
        ? await paymentMemberships(services.db, services.payments.keyring, p.userId, p.merchantId)
        : [];
    return memberships.length > 0 ? { code, info: membershipsField(memberships) } : { code };
  },
};
