import type { Sql } from '../driver/sql.ts';

/** Reads a platform setting. */
export async function getSetting(sql: Sql, key: string): Promise<string | undefined> {
  const [row] = await sql.query('SELECT value FROM platform_settings WHERE key = $1', [key]);
  return row ? String(row.value) : undefined;
}

/** Writes a platform setting. */
export async function setSetting(sql: Sql, key: string, value: string): Promise<void> {
  await sql.query(
    'INSERT INTO platform_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
    [key, value],
  );
}

/** Appends an event that is not tied to a payment row change. */
export async function insertOutboxEvent(
  tx: Sql,
  merchantId: string | null,
  type: string,
  payload: unknown,
  at: Date,
): Promise<void> {
  await tx.query(
    'INSERT INTO outbox_events (merchant_id, event_type, payload, created_at) VALUES ($1, $2, $3::jsonb, $4)',
    [merchantId, type, JSON.stringify(payload), at],
  );
}

/** The newest outbox events (for inspection and tests). */
export async function recentOutboxEvents(
  sql: Sql,
  limit: number,
): Promise<Array<{ eventId: bigint; type: string; payload: unknown }>> {
  const rows = await sql.query(
    'SELECT event_id, event_type, payload FROM outbox_events ORDER BY event_id DESC LIMIT $1',
    [limit],
  );
  return rows.map((r) => ({
    eventId: BigInt(String(r.event_id)),
    type: String(r.event_type),
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
  }));
}
