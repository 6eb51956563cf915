import { checkRegKey } from '../../../services/payments/index.ts';
import { failureAnswer } from '../envelope.ts';
import type { V3Route } from '../route.ts';
import { RegKeyParams, v3Schema } from '../schemas.ts';
import { pathRegKey } from './path-ids.ts';

/** GET /v3/payments/preapprovedPay/{regKey}/check — is the regKey usable. */
export const checkRegKeyRoute: V3Route = {
  method: 'GET',
  url: '/v3/payments/preapprovedPay/:regKey/check',
  endpoint: 'checkRegKey',
  schema: v3Schema('Check regKey', { params: RegKeyParams }),
  async handle({ channel, params, rawQuery, services }) {
    const key = pathRegKey(params);
    if (!key.ok) {
      return failureAnswer(key);
    }
    const creditCardAuth = new URLSearchParams(rawQuery).get('creditCardAuth') === 'true';
    const r = await checkRegKey(services.payments, channel, key.value, creditCardAuth);
    return r.ok ? { code: '0000' } : failureAnswer(r);
  },
};
