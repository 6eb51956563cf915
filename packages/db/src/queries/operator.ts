// Read-only queries for the operator face: they see every merchant's data, so only the
// ops API (behind its own token) calls them.
import type { Currency } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';
import { type PaymentRow, type RefundRow, refundsOf, toPaymentRow } from './payments.ts';
import { big, date, json } from './rows.ts';

/** Every merchant's payment with this orderId (orderIds are unique per merchant only), oldest first. */
export async function paymentsWithOrderId(sql: Sql, orderId: string, limit: number): Promise<PaymentRow[]> {
  const rows = await sql.query(
    'SELECT * FROM payments WHERE order_id = $1 ORDER BY created_at, seq LIMIT $2',
    [orderId, limit],
  );
  return rows.map(toPaymentRow);
}

/** The refund with this id, whichever channel made it. */
export async function findRefundById(sql: Sql, refundId: bigint): Promise<RefundRow | undefined> {
  const [row] = await sql.query('SELECT transaction_id FROM refunds WHERE refund_id = $1', [refundId]);
  if (!row) {
    return undefined;
  }
  return (await refundsOf(sql, [big(row.transaction_id)])).find((r) => r.refundId === refundId);
}

/** A channel's name and its merchant's name, for display. */
export interface ChannelLabel {
  readonly channelId: bigint;
  readonly channelName: string;
  readonly merchantName: string;
}

/** Names of the given channels. */
export async function channelLabels(sql: Sql, channelIds: readonly bigint[]): Promise<ChannelLabel[]> {
  if (channelIds.length === 0) {
    return [];
  }
  const rows = await sql.query(
    `SELECT c.channel_id, c.name, m.name AS merchant_name FROM channels c JOIN merchants m USING (merchant_id)
     WHERE c.channel_id = ANY($1::bigint[])`,
    [channelIds.map(String)],
  );
  return rows.map((r) => ({
    channelId: big(r.channel_id),
    channelName: String(r.name),
    merchantName: String(r.merchant_name),
  }));
}

/** One leg of a journal entry, with the account it moved. */
export interface LedgerPosting {
  readonly postingId: bigint;
  readonly accountId: bigint;
  readonly accountKind: string;
  readonly accountOwner: string;
  readonly amount: bigint;
}

/** A journal entry of a payment with its postings. */
export interface LedgerEntryWithPostings {
  readonly entryId: bigint;
  readonly kind: string;
  readonly ref: string;
  readonly currency: Currency;
  readonly createdAt: Date;
  readonly postings: readonly LedgerPosting[];
}

/** The journal entries that moved a payment's money (including its refunds), oldest first. */
export async function ledgerOfPayment(sql: Sql, transactionId: bigint): Promise<LedgerEntryWithPostings[]> {
  const rows = await sql.query(
    `SELECT e.entry_id, e.kind, e.ref, e.currency, e.created_at,
            p.posting_id, p.account_id, p.amount, a.kind AS account_kind, a.owner AS account_owner
     FROM postings p
     JOIN journal_entries e USING (entry_id)
     JOIN accounts a ON a.account_id = p.account_id
     WHERE p.payment_id = $1
     ORDER BY e.entry_id, p.posting_id`,
    [transactionId],
  );
  const entries = new Map<bigint, LedgerEntryWithPostings & { postings: LedgerPosting[] }>();
  for (const r of rows) {
    const entryId = big(r.entry_id);
    let entry = entries.get(entryId);
    if (!entry) {
      entry = {
        entryId,
        kind: String(r.kind),
        ref: String(r.ref),
        currency: r.currency as Currency,
        createdAt: date(r.created_at),
        postings: [],
      };
      entries.set(entryId, entry);
    }
    entry.postings.push({
      postingId: big(r.posting_id),
      accountId: big(r.account_id),
      accountKind: String(r.account_kind),
      accountOwner: String(r.account_owner),
      amount: big(r.amount),
    });
  }
  return [...entries.values()];
}

/** An outbox event as the operator sees it. */
export interface OutboxEventRow {
  readonly eventId: bigint;
  readonly type: string;
  readonly merchantId: string | null;
  readonly createdAt: Date;
  readonly payload: unknown;
}

function toEventRow(r: Record<string, unknown>): OutboxEventRow {
  return {
    eventId: big(r.event_id),
    type: String(r.event_type),
    merchantId: (r.merchant_id as string | null) ?? null,
    createdAt: date(r.created_at),
    payload: json(r.payload),
  };
}

/** Outbox events with an id above `after` (and a type starting with `typePrefix`), in id order. */
export async function outboxEventsAfter(
  sql: Sql,
  q: { after: bigint; limit: number; typePrefix: string },
): Promise<OutboxEventRow[]> {
  const rows = await sql.query(
    `SELECT event_id, event_type, merchant_id, created_at, payload FROM outbox_events
     WHERE event_id > $1 AND starts_with(event_type, $2)
     ORDER BY event_id LIMIT $3`,
    [q.after, q.typePrefix, q.limit],
  );
  return rows.map(toEventRow);
}

/** The newest `limit` outbox events (of a type starting with `typePrefix`), in id order. */
export async function latestOutboxEvents(
  sql: Sql,
  q: { limit: number; typePrefix: string },
): Promise<OutboxEventRow[]> {
  const rows = await sql.query(
    `SELECT * FROM (
       SELECT event_id, event_type, merchant_id, created_at, payload FROM outbox_events
       WHERE starts_with(event_type, $1) ORDER BY event_id DESC LIMIT $2) newest
     ORDER BY event_id`,
    [q.typePrefix, q.limit],
  );
  return rows.map(toEventRow);
}

/** The highest outbox event id so far (0 when there is none). */
export async function lastOutboxEventId(sql: Sql): Promise<bigint> {
  const [row] = await sql.query('SELECT COALESCE(max(event_id), 0) AS id FROM outbox_events');
  return big(row?.id ?? 0);
}
