import type { FundingPart } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';
import { big, date, dateOrNull, decodeFunding, encodeFunding } from './rows.ts';

/** A preapproved-payment key and the funding source it charges. */
export interface RegKeyRow {
  readonly regKey: string;
  readonly channelId: bigint;
  readonly merchantId: string;
  readonly userId: string;
  readonly funding: FundingPart;
  readonly status: 'ACTIVE' | 'EXPIRED';
  readonly originTransactionId: bigint;
  readonly createdAt: Date;
  readonly expiredAt: Date | null;
}

function toRegKey(r: Record<string, unknown>): RegKeyRow {
  const [funding] = decodeFunding(r.funding) ?? [];
  if (!funding) {
    throw new Error('regKey without funding');
  }
  return {
    regKey: String(r.reg_key),
    channelId: big(r.channel_id),
    merchantId: String(r.merchant_id),
    userId: String(r.user_id),
    funding,
    status: r.status as RegKeyRow['status'],
    originTransactionId: big(r.origin_transaction_id),
    createdAt: date(r.created_at),
    expiredAt: dateOrNull(r.expired_at),
  };
}

/** Stores a new regKey. */
export async function insertRegKey(tx: Sql, k: RegKeyRow): Promise<void> {
  await tx.query(
    `INSERT INTO reg_keys (reg_key, channel_id, merchant_id, user_id, funding, status, origin_transaction_id, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
    [
      k.regKey,
      k.channelId,
      k.merchantId,
      k.userId,
      encodeFunding([k.funding]),
      k.status,
      k.originTransactionId,
      k.createdAt,
    ],
  );
}

/** Reads a channel's regKey, optionally row-locked. */
export async function findRegKey(
  sql: Sql,
  regKey: string,
  channelId: bigint,
  lock = false,
): Promise<RegKeyRow | undefined> {
  const [r] = await sql.query(
    `SELECT * FROM reg_keys WHERE reg_key = $1 AND channel_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [regKey, channelId],
  );
  return r ? toRegKey(r) : undefined;
}

/** Expires a regKey; false when it was not active. */
export async function expireRegKey(tx: Sql, regKey: string, at: Date): Promise<boolean> {
  const rows = await tx.query(
    "UPDATE reg_keys SET status = 'EXPIRED', expired_at = $2 WHERE reg_key = $1 AND status = 'ACTIVE' RETURNING reg_key",
    [regKey, at],
  );
  return rows.length > 0;
}
