import { payPreapproved } from '../../../services/payments/index.ts';
import { failureAnswer, wireDate } from '../envelope.ts';
import { membershipsField } from '../render.ts';
import type { V3Route } from '../route.ts';
import { PreapprovedBody, PreapprovedInfo, RegKeyParams, v3Schema } from '../schemas.ts';
import { pathRegKey } from './path-ids.ts';

/** POST /v3/payments/preapprovedPay/{regKey}/payment — charges a registered user with no user step. */
export const payPreapprovedRoute: V3Route = {
  method: 'POST',
  url: '/v3/payments/preapprovedPay/:regKey/payment',
  endpoint: 'payPreapproved',
  schema: v3Schema('Pay preapproved', { params: RegKeyParams, body: PreapprovedBody, info: PreapprovedInfo }),
  async handle({ channel, params, body, services }) {
    const key = pathRegKey(params);
    if (!key.ok) {
      return failureAnswer(key);
    }
    const r = await payPreapproved(services.payments, channel, key.value, body);
    if (!r.ok) {
      return failureAnswer(r);
    }
    const p = r.value;
    return {
      code: '0000',
      info: {
        transactionId: p.transactionId,
        orderId: p.orderId,
        transactionDate: wireDate(p.createdAt),
        ...(p.authExpiresAt ? { authorizationExpireDate: wireDate(p.authExpiresAt) } : {}),
        ...membershipsField(p.memberships),
      },
    };
  },
};
