import type { Currency, JournalEntry } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';
import type { OutboxEvent, PaymentChange } from './payments.ts';
import { encodeFunding } from './rows.ts';

/**
 * Writes a payment transition in ONE statement: the guarded balance changes of the user's
 * tracked accounts, the journal entry with its postings, the payment's new state and its
 * outbox event. Everything after the balance guard happens only if every guarded account
 * stayed non-negative; the caller rolls the transaction back when this returns false (a
 * guard that failed after another succeeded must not leave that one applied).
 * One round trip instead of one per statement is most of a confirm's database time.
 */
export async function commitPaymentTransition(
  tx: Sql,
  w: {
    readonly paymentId: bigint;
    readonly currency: Currency;
    readonly entry: JournalEntry | null;
    readonly tracked: ReadonlySet<bigint>;
    readonly change: PaymentChange;
    readonly event: OutboxEvent;
    readonly at: Date;
  },
): Promise<boolean> {
  const legs = w.entry?.postings ?? [];
  const guarded = legs.filter((p) => w.tracked.has(p.accountId));
  const c = w.change;
  const [row] = await tx.query(
    `WITH adj AS (
       UPDATE accounts a SET balance = a.balance + d.delta
       FROM unnest($1::bigint[], $2::bigint[]) AS d (account_id, delta)
       WHERE a.account_id = d.account_id AND a.balance + d.delta >= 0
       RETURNING a.account_id),
     ok AS (SELECT (SELECT count(*) FROM adj) = $3::int AS fine),
     e AS (
       INSERT INTO journal_entries (kind, ref, payment_id, currency, created_at)
       SELECT $4, $5, $6, $7, $8 FROM ok WHERE fine AND $4::text IS NOT NULL
       RETURNING entry_id),
     po AS (
       INSERT INTO postings (entry_id, account_id, currency, amount, payment_id)
       SELECT e.entry_id, x.account_id, $7, x.amount, $6
       FROM e, unnest($9::bigint[], $10::bigint[]) AS x (account_id, amount)),
     u AS (
       UPDATE payments SET status = $11, funding = $12::jsonb, captured_amount = $13, refunded_amount = $14,
         user_id = CASE WHEN $15::boolean THEN $16 ELSE user_id END,
         approved_at = COALESCE($17, approved_at),
         confirmed_at = COALESCE($18, confirmed_at),
         auth_expires_at = CASE WHEN $19::boolean THEN $20 ELSE auth_expires_at END,
         captured_at = COALESCE($21, captured_at),
         closed_at = COALESCE($22, closed_at),
         reg_key = COALESCE($23, reg_key),
         failure_code = COALESCE($24, failure_code)
       WHERE transaction_id = $6 AND (SELECT fine FROM ok)
       RETURNING transaction_id),
     o AS (
       INSERT INTO outbox_events (merchant_id, event_type, payload, created_at)
       SELECT $25, $26, $27::jsonb, $8 FROM u)
     SELECT fine FROM ok`,
    [
      guarded.map((p) => p.accountId.toString()),
      guarded.map((p) => p.amount.toString()),
      guarded.length,
      w.entry?.kind ?? null,
      w.entry?.ref ?? null,
      w.paymentId,
      w.currency,
      w.at,
      legs.map((p) => p.accountId.toString()),
      legs.map((p) => p.amount.toString()),
      c.status,
      encodeFunding(c.funding),
      c.capturedAmount,
      c.refundedAmount,
      c.userId !== undefined,
      c.userId ?? null,
      c.approvedAt ?? null,
      c.confirmedAt ?? null,
      c.authExpiresAt !== undefined,
      c.authExpiresAt ?? null,
      c.capturedAt ?? null,
      c.closedAt ?? null,
      c.regKey ?? null,
      c.failureCode ?? null,
      w.event.merchantId,
      w.event.type,
      JSON.stringify(w.event.payload),
    ],
    'commit_payment_transition',
  );
  return row?.fine === true;
}
