import type { Currency } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';
import { big, date } from './rows.ts';

/** A merchant API channel, with its secret still sealed. */
export interface ChannelRow {
  readonly channelId: bigint;
  readonly merchantId: string;
  readonly merchantName: string;
  readonly name: string;
  readonly currency: Currency;
  readonly secretKeyId: string;
  readonly secretEnc: Uint8Array;
  readonly allowAuthorizeOnly: boolean;
  readonly allowPreapproved: boolean;
  readonly status: 'ACTIVE' | 'SUSPENDED';
  readonly createdAt: Date;
}

/** Creates a merchant. */
export async function insertMerchant(tx: Sql, merchantId: string, name: string, at: Date): Promise<void> {
  await tx.query('INSERT INTO merchants (merchant_id, name, created_at) VALUES ($1, $2, $3)', [
    merchantId,
    name,
    at,
  ]);
}

/** Creates a channel. */
export async function insertChannel(tx: Sql, c: Omit<ChannelRow, 'merchantName' | 'status'>): Promise<void> {
  await tx.query(
    `INSERT INTO channels (channel_id, merchant_id, name, currency, secret_key_id, secret_enc,
       allow_authorize_only, allow_preapproved, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      c.channelId,
      c.merchantId,
      c.name,
      c.currency,
      c.secretKeyId,
      Buffer.from(c.secretEnc),
      c.allowAuthorizeOnly,
      c.allowPreapproved,
      c.createdAt,
    ],
  );
}

/** Finds a channel by id. */
export async function findChannel(sql: Sql, channelId: bigint): Promise<ChannelRow | undefined> {
  const [row] = await sql.query(
    `SELECT c.*, m.name AS merchant_name FROM channels c JOIN merchants m USING (merchant_id)
     WHERE c.channel_id = $1`,
    [channelId],
    'channel_by_id',
  );
  if (!row) {
    return undefined;
  }
  return {
    channelId: big(row.channel_id),
    merchantId: String(row.merchant_id),
    merchantName: String(row.merchant_name),
    name: String(row.name),
    currency: row.currency as Currency,
    secretKeyId: String(row.secret_key_id),
    secretEnc: row.secret_enc as Uint8Array,
    allowAuthorizeOnly: Boolean(row.allow_authorize_only),
    allowPreapproved: Boolean(row.allow_preapproved),
    status: row.status as ChannelRow['status'],
    createdAt: date(row.created_at),
  };
}

/** Counts channels (used to seed the sandbox on first start). */
export async function countChannels(sql: Sql): Promise<number> {
  const [row] = await sql.query('SELECT count(*) AS n FROM channels');
  return Number(row?.n ?? 0);
}
