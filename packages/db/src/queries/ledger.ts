import type { Currency, JournalEntry } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';

/** The outcome of posting an entry: done, or a tracked account that would go below zero. */
export type PostResult = { ok: true } | { ok: false; accountId: bigint };

/**
 * Writes a balanced entry. Tracked accounts are updated first, in account-id order (one fixed
 * lock order, so two entries never deadlock on the same pair), each guarded against going
 * negative; hot accounts only receive postings, so no payment waits on a merchant's row.
 */
export async function postEntry(
  tx: Sql,
  entry: JournalEntry,
  currency: Currency,
  paymentId: bigint | null,
  at: Date,
  trackedAccounts: ReadonlySet<bigint>,
): Promise<PostResult> {
  const tracked = entry.postings
    .filter((p) => trackedAccounts.has(p.accountId))
    .sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  for (const p of tracked) {
    const updated = await tx.query(
      'UPDATE accounts SET balance = balance + $2 WHERE account_id = $1 AND balance + $2 >= 0 RETURNING account_id',
      [p.accountId, p.amount],
      'adjust_tracked',
    );
    if (updated.length === 0) {
      return { ok: false, accountId: p.accountId };
    }
  }
  await tx.query(
    `WITH e AS (
       INSERT INTO journal_entries (kind, ref, payment_id, currency, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING entry_id)
     INSERT INTO postings (entry_id, account_id, currency, amount, payment_id)
     SELECT e.entry_id, x.account_id, $4, x.amount, $3
     FROM e, unnest($6::bigint[], $7::bigint[]) AS x (account_id, amount)`,
    [
      entry.kind,
      entry.ref,
      paymentId,
      currency,
      at,
      entry.postings.map((p) => p.accountId.toString()),
      entry.postings.map((p) => p.amount.toString()),
    ],
    'post_entry',
  );
  return { ok: true };
}
