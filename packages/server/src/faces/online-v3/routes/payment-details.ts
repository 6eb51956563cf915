import { paymentDetails } from '../../../services/payments/index.ts';
import { parseDetailsQuery } from '../details-query.ts';
import { failureAnswer } from '../envelope.ts';
import { detailsInfo } from '../render.ts';
import type { V3Route } from '../route.ts';
import { DetailsInfo, DetailsQuery, v3Schema } from '../schemas.ts';

/** GET /v3/payments — details of confirmed payments and refunds by transactionId and/or orderId. */
export const paymentDetailsRoute: V3Route = {
  method: 'GET',
  url: '/v3/payments',
  endpoint: 'details',
  schema: v3Schema('Payment details', { querystring: DetailsQuery, info: DetailsInfo }),
  async handle({ channel, rawQuery, services }) {
    const query = parseDetailsQuery(rawQuery);
    if (!query.ok) {
      return failureAnswer(query);
    }
    const r = await paymentDetails(
      services.payments,
      channel,
      query.value.transactionIds,
      query.value.orderIds,
    );
    return r.ok
      ? { code: '0000', info: detailsInfo(r.value, query.value.fields, channel.merchantName) }
      : failureAnswer(r);
  },
};
