import { Type } from '@sinclair/typebox';
import { failureAnswer, wireDate } from '../../../plugins/line-pay-envelope.ts';
import { merchantEvents } from '../../../services/mycard/index.ts';
import type { MyCardRoute } from '../route.ts';
import { myCardSchema } from '../schemas.ts';

const EventsInfo = Type.Object({
  events: Type.Array(
    Type.Object({
      eventId: Type.Integer(),
      type: Type.String({ description: 'mycard.accumulate or mycard.unbound' }),
      createdAt: Type.String(),
      payload: Type.Object({}, { additionalProperties: true }),
    }),
  ),
  nextAfter: Type.Integer({ description: 'pass as `after` to read on' }),
});

/** GET /v1/mycard/events — the merchant's own My Card events, to accumulate points by membership code. */
export const eventsRoute: MyCardRoute = {
  method: 'GET',
  url: '/v1/mycard/events',
  endpoint: 'mycard.events',
  schema: myCardSchema('Read your My Card events', {
    info: EventsInfo,
    description:
      'Query `after` (an event id, default 0) and `limit` (1–100, default 50). A mycard.accumulate ' +
      'event (a captured payment by a card holder) carries the membership code while the card is bound.',
  }),
  async handle({ channel, rawQuery, services }) {
    const q = new URLSearchParams(rawQuery);
    const r = await merchantEvents(services.mycard, channel, {
      ...(q.has('after') ? { after: q.get('after') ?? '' } : {}),
      ...(q.has('limit') ? { limit: q.get('limit') ?? '' } : {}),
    });
    if (!r.ok) {
      return failureAnswer(r);
    }
    return {
      code: '0000',
      info: {
        events: r.value.events.map((e) => ({
          eventId: e.eventId,
          type: e.type,
          createdAt: wireDate(e.createdAt),
          payload: e.payload,
        })),
        nextAfter: r.value.nextAfter,
      },
    };
  },
};
