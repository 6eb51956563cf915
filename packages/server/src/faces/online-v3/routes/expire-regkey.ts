import { expirePreapproved } from '../../../services/payments/index.ts';
import { failureAnswer } from '../envelope.ts';
import type { V3Route } from '../route.ts';
import { RegKeyParams, v3Schema } from '../schemas.ts';
import { pathRegKey } from './path-ids.ts';

/** POST /v3/payments/preapprovedPay/{regKey}/expire — retires a regKey. */
export const expireRegKeyRoute: V3Route = {
  method: 'POST',
  url: '/v3/payments/preapprovedPay/:regKey/expire',
  endpoint: 'expireRegKey',
  schema: v3Schema('Expire regKey', { params: RegKeyParams }),
  async handle({ channel, params, services }) {
    const key = pathRegKey(params);
    if (!key.ok) {
      return failureAnswer(key);
    }
    const r = await expirePreapproved(services.payments, channel, key.value);
    return r.ok ? { code: '0000' } : failureAnswer(r);
  },
};
