// One-time tokens of the binding page's forms. Each token stands for a binding request the shop
// verified; the browser posts only the token, never the request itself, and posting uses it up.
import { createHash, randomBytes } from 'node:crypto';
import type { BindingRequest } from '@jinliu/sdk';
import type { Sql } from './db.ts';

/** How long a drawn form stays usable (the platform keeps a reservation 10 minutes by default). */
export const formLifetimeMs = 15 * 60_000;

// Only a hash is stored: the database alone cannot be used to post a form.
const digest = (formToken: string) => createHash('sha256').update(formToken).digest('base64url');

/** Stores a new form for a verified binding request; returns its token (for a hidden field). */
export async function issueForm(sql: Sql, request: BindingRequest, now: Date): Promise<string> {
  const formToken = randomBytes(24).toString('base64url');
  await sql.query('DELETE FROM membership_bind_forms WHERE created_at < $1', [
    new Date(now.getTime() - 24 * 3_600_000),
  ]);
  await sql.query(
    `INSERT INTO membership_bind_forms (form_token, nonce, callback, token, created_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [digest(formToken), request.nonce, request.callback, request.token, now],
  );
  return formToken;
}

/** Uses up a form: its binding request, or undefined when unknown, used already or too old. */
export async function takeForm(sql: Sql, formToken: string, now: Date): Promise<BindingRequest | undefined> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(formToken)) {
    return undefined;
  }
  const [row] = await sql.query<{ nonce: string; callback: string; token: string }>(
    `UPDATE membership_bind_forms SET used_at = $2
     WHERE form_token = $1 AND used_at IS NULL AND created_at > $3
     RETURNING nonce, callback, token`,
    [digest(formToken), now, new Date(now.getTime() - formLifetimeMs)],
  );
  return row ? { nonce: row.nonce, callback: row.callback, token: row.token } : undefined;
}
