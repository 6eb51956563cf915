// shop_settings: small key/value facts the shop keeps across restarts (its sandbox channel).
import type { Sql } from './db.ts';

/** The value stored under `key`, if any. */
export async function readSetting(sql: Sql, key: string): Promise<string | undefined> {
  const [row] = await sql.query<{ value: string }>('SELECT value FROM shop_settings WHERE key = $1', [key]);
  return row?.value;
}

/** Stores `value` under `key`, replacing what was there. */
export async function writeSetting(sql: Sql, key: string, value: string): Promise<void> {
  await sql.query(
    `INSERT INTO shop_settings (key, value, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, value],
  );
}
