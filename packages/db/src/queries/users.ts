import type { Sql } from '../driver/sql.ts';
import { big, date } from './rows.ts';

/** A wallet user (a sandbox test user, or a user signed in through OpenID Connect). */
export interface UserRow {
  readonly userId: string;
  readonly displayName: string;
  readonly pinHash: string | null;
  readonly createdAt: Date;
}

/** Creates a user. */
export async function insertUser(tx: Sql, u: UserRow): Promise<void> {
  await tx.query('INSERT INTO users (user_id, display_name, pin_hash, created_at) VALUES ($1, $2, $3, $4)', [
    u.userId,
    u.displayName,
    u.pinHash,
    u.createdAt,
  ]);
}

function toUser(r: Record<string, unknown>): UserRow {
  return {
    userId: String(r.user_id),
    displayName: String(r.display_name),
    pinHash: (r.pin_hash as string | null) ?? null,
    createdAt: date(r.created_at),
  };
}

/** Finds a user by id. */
export async function findUser(sql: Sql, userId: string): Promise<UserRow | undefined> {
  const [r] = await sql.query('SELECT * FROM users WHERE user_id = $1', [userId], 'find_user');
  return r ? toUser(r) : undefined;
}

/** Lists users, oldest first. */
export async function listUsers(sql: Sql, limit = 100): Promise<UserRow[]> {
  const rows = await sql.query('SELECT * FROM users ORDER BY created_at, user_id LIMIT $1', [limit]);
  return rows.map(toUser);
}

/** A saved card: display facts in the clear, the number sealed. */
export interface CardRow {
  readonly cardId: bigint;
  readonly userId: string;
  readonly brand: string;
  readonly last4: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly nickname: string;
  readonly panKeyId: string;
  readonly panEnc: Uint8Array;
  readonly fingerprint: string;
  readonly createdAt: Date;
}

function toCard(r: Record<string, unknown>): CardRow {
  return {
    cardId: big(r.card_id),
    userId: String(r.user_id),
    brand: String(r.brand),
    last4: String(r.last4),
    expMonth: Number(r.exp_month),
    expYear: Number(r.exp_year),
    nickname: String(r.nickname),
    panKeyId: String(r.pan_key_id),
    panEnc: r.pan_enc as Uint8Array,
    fingerprint: String(r.fingerprint),
    createdAt: date(r.created_at),
  };
}

/** Saves a card, or returns the existing one with the same fingerprint for that user. */
export async function upsertCard(tx: Sql, c: Omit<CardRow, 'cardId'>): Promise<CardRow> {
  const [created] = await tx.query(
    `INSERT INTO cards (user_id, brand, last4, exp_month, exp_year, nickname, pan_key_id, pan_enc, fingerprint, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (user_id, fingerprint) DO NOTHING RETURNING *`,
    [
      c.userId,
      c.brand,
      c.last4,
      c.expMonth,
      c.expYear,
      c.nickname,
      c.panKeyId,
      Buffer.from(c.panEnc),
      c.fingerprint,
      c.createdAt,
    ],
  );
  if (created) {
    return toCard(created);
  }
  const [existing] = await tx.query('SELECT * FROM cards WHERE user_id = $1 AND fingerprint = $2', [
    c.userId,
    c.fingerprint,
  ]);
  if (!existing) {
    throw new Error('card vanished');
  }
  return toCard(existing);
}

/** A user's saved cards. */
export async function cardsOf(sql: Sql, userId: string): Promise<CardRow[]> {
  const rows = await sql.query(
    'SELECT * FROM cards WHERE user_id = $1 AND removed_at IS NULL ORDER BY card_id',
    [userId],
  );
  return rows.map(toCard);
}

/** One saved card of a user. */
export async function findCard(sql: Sql, cardId: bigint): Promise<CardRow | undefined> {
  const [r] = await sql.query('SELECT * FROM cards WHERE card_id = $1', [cardId], 'find_card');
  return r ? toCard(r) : undefined;
}

/** Removes a saved card from the wallet (the row stays for past payments' receipts). */
export async function removeCard(sql: Sql, userId: string, cardId: bigint, at: Date): Promise<boolean> {
  const rows = await sql.query(
    'UPDATE cards SET removed_at = $3 WHERE card_id = $1 AND user_id = $2 AND removed_at IS NULL RETURNING card_id',
    [cardId, userId, at],
  );
  return rows.length > 0;
}

/** Sets a user's payment PIN hash. */
export async function setPinHash(sql: Sql, userId: string, pinHash: string): Promise<void> {
  await sql.query('UPDATE users SET pin_hash = $2 WHERE user_id = $1', [userId, pinHash]);
}
