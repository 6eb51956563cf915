import type { Sql } from '../driver/sql.ts';
import { date } from './rows.ts';

/** A My Card outbox event addressed to one merchant. */
export interface MyCardEventRow {
  readonly eventId: bigint;
  readonly type: string;
  readonly createdAt: Date;
  readonly payload: Record<string, unknown>;
}

/** A merchant's `mycard.*` outbox events with an id above `after`, in id order, at most `limit`. */
export async function myCardEventsOf(
  sql: Sql,
  merchantId: string,
  after: bigint,
  limit: number,
): Promise<MyCardEventRow[]> {
  const rows = await sql.query(
    `SELECT event_id, event_type, created_at, payload FROM outbox_events
     WHERE merchant_id = $1 AND starts_with(event_type, 'mycard.') AND event_id > $2
     ORDER BY event_id LIMIT $3`,
    [merchantId, after, limit],
    'mycard_events_of',
  );
  return rows.map((r) => ({
    eventId: BigInt(String(r.event_id)),
    type: String(r.event_type),
    createdAt: date(r.created_at),
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
  }));
}
