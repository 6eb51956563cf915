import type { Currency } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';
import { big } from './rows.ts';

/** Account kinds; user_* are tracked (locked, never negative), the rest are hot accounts. */
export type AccountKind =
  | 'user_balance'
  | 'user_points'
  | 'merchant_payable'
  | 'authorization_holds'
  | 'card_clearing'
  | 'sandbox_funding';

const trackedKinds: ReadonlySet<AccountKind> = new Set(['user_balance', 'user_points']);

/** Returns the id of the (kind, owner, currency) account, creating it if needed. */
export async function ensureAccount(
  sql: Sql,
  kind: AccountKind,
  owner: string,
  currency: Currency,
): Promise<bigint> {
  // Almost always the account exists: one prepared SELECT, and the INSERT only the first time.
  const [existing] = await sql.query(
    'SELECT account_id FROM accounts WHERE kind = $1 AND owner = $2 AND currency = $3',
    [kind, owner, currency],
    'account_id_by_key',
  );
  if (existing) {
    return big(existing.account_id);
  }
  const [created] = await sql.query(
    `INSERT INTO accounts (kind, owner, currency, tracked) VALUES ($1, $2, $3, $4)
     ON CONFLICT (kind, owner, currency) DO NOTHING RETURNING account_id`,
    [kind, owner, currency, trackedKinds.has(kind)],
  );
  if (created) {
    return big(created.account_id);
  }
  const [row] = await sql.query(
    'SELECT account_id FROM accounts WHERE kind = $1 AND owner = $2 AND currency = $3',
    [kind, owner, currency],
  );
  if (!row) {
    throw new Error(`account ${kind}/${owner}/${currency} vanished`);
  }
  return big(row.account_id);
}

/** A tracked account with its balance. */
export interface AccountBalance {
  readonly accountId: bigint;
  readonly kind: AccountKind;
  readonly currency: Currency;
  readonly balance: bigint;
}

/** Lists an owner's tracked accounts. */
export async function ownerBalances(sql: Sql, owner: string): Promise<AccountBalance[]> {
  const rows = await sql.query(
    'SELECT account_id, kind, currency, balance FROM accounts WHERE owner = $1 AND tracked ORDER BY kind, currency',
    [owner],
  );
  return rows.map((r) => ({
    accountId: big(r.account_id),
    kind: r.kind as AccountKind,
    currency: r.currency as Currency,
    balance: big(r.balance),
  }));
}

/** Finds one tracked account of an owner. */
export async function findTrackedAccount(
  sql: Sql,
  kind: AccountKind,
  owner: string,
  currency: Currency,
): Promise<AccountBalance | undefined> {
  const [r] = await sql.query(
    'SELECT account_id, kind, currency, balance FROM accounts WHERE kind = $1 AND owner = $2 AND currency = $3',
    [kind, owner, currency],
    'tracked_account',
  );
  return r
    ? { accountId: big(r.account_id), kind, currency: r.currency as Currency, balance: big(r.balance) }
    : undefined;
}
