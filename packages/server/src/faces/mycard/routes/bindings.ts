import { failureAnswer } from '../../../plugins/line-pay-envelope.ts';
import { applyBinding, unbindByMerchant } from '../../../services/mycard/index.ts';
import type { MyCardRoute } from '../route.ts';
import { ApplyBody, ApplyInfo, myCardSchema, UnbindBody, UnbindInfo } from '../schemas.ts';

/** POST /v1/mycard/apply — the merchant attaches the shopper's membership code to a reserved binding. */
export const applyRoute: MyCardRoute = {
  method: 'POST',
  url: '/v1/mycard/apply',
  endpoint: 'mycard.apply',
  schema: myCardSchema('Apply API', {
    body: ApplyBody,
    info: ApplyInfo,
    description:
      "Called by the program's Apply channel after verifying the token and signing the shopper in; " +
      'then redirect the browser to info.callback with token, channelId and status.',
  }),
  async handle({ channel, body, services }) {
    const r = await applyBinding(services.mycard, channel, body);
    return r.ok ? { code: '0000', info: r.value } : failureAnswer(r);
  },
};

/** POST /v1/mycard/bindings/unbind — the merchant ends a binding of its program. */
export const unbindRoute: MyCardRoute = {
  method: 'POST',
  url: '/v1/mycard/bindings/unbind',
  endpoint: 'mycard.unbind',
  schema: myCardSchema('Unbind a card', {
    body: UnbindBody,
    info: UnbindInfo,
    description: 'By bindingId, or by membershipCode (every active card of your programs with that code).',
  }),
  async handle({ channel, body, services }) {
    const r = await unbindByMerchant(services.mycard, channel, body);
    return r.ok ? { code: '0000', info: { unbound: r.value } } : failureAnswer(r);
  },
};
