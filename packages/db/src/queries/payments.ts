import type { Currency, FundingPart, PaymentState, PaymentStatus } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';
import { big, date, dateOrNull, decodeFunding, encodeFunding, json } from './rows.ts';

/** A payment as stored. `request` is the validated request, encoded by the server. */
export interface PaymentRow extends PaymentState {
  readonly channelId: bigint;
  readonly merchantId: string;
  readonly orderId: string;
  readonly source: 'ONLINE' | 'PREAPPROVED';
  readonly productName: string;
  readonly request: unknown;
  readonly accessToken: string | null;
  readonly reserveId: string | null;
  readonly userId: string | null;
  readonly regKey: string | null;
  readonly failureCode: string | null;
  readonly createdAt: Date;
  readonly approvedAt: Date | null;
  readonly confirmedAt: Date | null;
  readonly closedAt: Date | null;
  readonly pinFailures?: number;
}

/** Maps a database row to a PaymentRow. */
export function toPaymentRow(r: Record<string, unknown>): PaymentRow {
  return {
    transactionId: big(r.transaction_id),
    channelId: big(r.channel_id),
    merchantId: String(r.merchant_id),
    orderId: String(r.order_id),
    currency: r.currency as Currency,
    amount: big(r.amount),
    status: r.status as PaymentStatus,
    payType: r.pay_type as PaymentRow['payType'],
    capture: Boolean(r.capture),
    source: r.source as PaymentRow['source'],
    productName: String(r.product_name),
    request: json(r.request),
    accessToken: (r.access_token as string | null) ?? null,
    reserveId: (r.reserve_id as string | null) ?? null,
    userId: (r.user_id as string | null) ?? null,
    funding: decodeFunding(r.funding),
    capturedAmount: big(r.captured_amount),
    refundedAmount: big(r.refunded_amount),
    regKey: (r.reg_key as string | null) ?? null,
    failureCode: (r.failure_code as string | null) ?? null,
    createdAt: date(r.created_at),
    expiresAt: date(r.expires_at),
    approvedAt: dateOrNull(r.approved_at),
    confirmedAt: dateOrNull(r.confirmed_at),
    authExpiresAt: dateOrNull(r.auth_expires_at),
    capturedAt: dateOrNull(r.captured_at),
    closedAt: dateOrNull(r.closed_at),
    pinFailures: Number(r.pin_failures ?? 0),
  };
}

/** The single payment matching `where` (a trusted SQL fragment with parameters), if any. */
async function onePayment(
  sql: Sql,
  where: string,
  params: unknown[],
  name?: string,
): Promise<PaymentRow | undefined> {
  const [row] = await sql.query(`SELECT * FROM payments WHERE ${where}`, params, name);
  return row ? toPaymentRow(row) : undefined;
}

/** Columns of a new payment. */
export interface NewPayment {
  readonly transactionId: bigint;
  readonly channelId: bigint;
  readonly merchantId: string;
  readonly orderId: string;
  readonly currency: Currency;
  readonly amount: bigint;
  readonly status: PaymentStatus;
  readonly payType: 'NORMAL' | 'PREAPPROVED';
  readonly capture: boolean;
  readonly source: 'ONLINE' | 'PREAPPROVED';
  readonly productName: string;
  readonly request: unknown;
  readonly accessToken: string | null;
  readonly reserveId: string | null;
  readonly userId: string | null;
  readonly funding: readonly FundingPart[] | null;
  readonly capturedAmount: bigint;
  readonly regKey: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly confirmedAt: Date | null;
  readonly authExpiresAt: Date | null;
  readonly capturedAt: Date | null;
}

/** Inserts a payment; a duplicate (merchant, orderId) raises payments_order_unique. */
export async function insertPayment(tx: Sql, p: NewPayment): Promise<void> {
  await tx.query(
    `INSERT INTO payments (transaction_id, channel_id, merchant_id, order_id, currency, amount, status, pay_type,
       capture, source, product_name, request, access_token, reserve_id, user_id, funding, captured_amount,
       reg_key, created_at, expires_at, confirmed_at, auth_expires_at, captured_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
    [
      p.transactionId,
      p.channelId,
      p.merchantId,
      p.orderId,
      p.currency,
      p.amount,
      p.status,
      p.payType,
      p.capture,
      p.source,
      p.productName,
      JSON.stringify(p.request),
      p.accessToken,
      p.reserveId,
      p.userId,
      encodeFunding(p.funding),
      p.capturedAmount,
      p.regKey,
      p.createdAt,
      p.expiresAt,
      p.confirmedAt,
      p.authExpiresAt,
      p.capturedAt,
    ],
    'insert_payment',
  );
}

/** Reads and row-locks a channel's payment for a transition. */
export async function lockPayment(
  tx: Sql,
  transactionId: bigint,
  channelId: bigint,
): Promise<PaymentRow | undefined> {
  return onePayment(
    tx,
    'transaction_id = $1 AND channel_id = $2 FOR UPDATE',
    [transactionId, channelId],
    'lock_payment',
  );
}

/** Reads and row-locks a payment by id alone (consumer side and sweeps). */
export async function lockPaymentById(tx: Sql, transactionId: bigint): Promise<PaymentRow | undefined> {
  return onePayment(tx, 'transaction_id = $1 FOR UPDATE', [transactionId]);
}

/** Reads a channel's payment without locking. */
export async function findPayment(
  sql: Sql,
  transactionId: bigint,
  channelId: bigint,
): Promise<PaymentRow | undefined> {
  return onePayment(
    sql,
    'transaction_id = $1 AND channel_id = $2',
    [transactionId, channelId],
    'find_payment',
  );
}

/** Finds a payment by the reserve id in its payment URL. */
export async function findPaymentByReserveId(sql: Sql, reserveId: string): Promise<PaymentRow | undefined> {
  return onePayment(sql, 'reserve_id = $1', [reserveId]);
}

/** Finds a payment by its 12-digit access token. */
export async function findPaymentByAccessToken(sql: Sql, token: string): Promise<PaymentRow | undefined> {
  return onePayment(sql, 'access_token = $1', [token]);
}

/** Finds a payment by id alone. */
export async function findPaymentById(sql: Sql, transactionId: bigint): Promise<PaymentRow | undefined> {
  return onePayment(sql, 'transaction_id = $1', [transactionId]);
}

/** Finds a merchant's payment by orderId. */
export async function findPaymentByOrderId(
  sql: Sql,
  merchantId: string,
  orderId: string,
): Promise<PaymentRow | undefined> {
  return onePayment(sql, 'merchant_id = $1 AND order_id = $2', [merchantId, orderId]);
}

/** Payments of a channel matching any of the ids or orderIds, oldest first, at most `limit`. */
export async function listPayments(
  sql: Sql,
  channelId: bigint,
  transactionIds: readonly bigint[],
  orderIds: readonly string[],
  limit: number,
): Promise<PaymentRow[]> {
  const rows = await sql.query(
    `SELECT * FROM payments WHERE channel_id = $1
       AND (transaction_id = ANY($2::bigint[]) OR order_id = ANY($3::text[]))
     ORDER BY created_at, seq LIMIT $4`,
    [channelId, transactionIds.map(String), orderIds, limit],
    'list_payments',
  );
  return rows.map(toPaymentRow);
}

/** The fields a transition changes; undefined leaves a column as it is. */
export interface PaymentChange {
  readonly status: PaymentStatus;
  readonly funding: readonly FundingPart[] | null;
  readonly capturedAmount: bigint;
  readonly refundedAmount: bigint;
  readonly userId?: string | null;
  readonly approvedAt?: Date;
  readonly confirmedAt?: Date;
  readonly authExpiresAt?: Date | null;
  readonly capturedAt?: Date;
  readonly closedAt?: Date;
  readonly regKey?: string;
  readonly failureCode?: string;
}

/** An event for the transactional outbox. */
export interface OutboxEvent {
  readonly merchantId: string | null;
  readonly type: string;
  readonly payload: unknown;
}

/** Writes a payment's new state and its outbox event in one statement (one round trip). */
export async function updatePayment(
  tx: Sql,
  transactionId: bigint,
  change: PaymentChange,
  event: OutboxEvent,
  at: Date,
): Promise<void> {
  await tx.query(
    `WITH u AS (
       UPDATE payments SET status = $2, funding = $3::jsonb, captured_amount = $4, refunded_amount = $5,
         user_id = CASE WHEN $6::boolean THEN $7 ELSE user_id END,
         approved_at = COALESCE($8, approved_at),
         confirmed_at = COALESCE($9, confirmed_at),
         auth_expires_at = CASE WHEN $10::boolean THEN $11 ELSE auth_expires_at END,
         captured_at = COALESCE($12, captured_at),
         closed_at = COALESCE($13, closed_at),
         reg_key = COALESCE($14, reg_key),
         failure_code = COALESCE($15, failure_code)
       WHERE transaction_id = $1 RETURNING transaction_id)
     INSERT INTO outbox_events (merchant_id, event_type, payload, created_at)
     SELECT $16, $17, $18::jsonb, $19 FROM u`,
    [
      transactionId,
      change.status,
      encodeFunding(change.funding),
      change.capturedAmount,
      change.refundedAmount,
      change.userId !== undefined,
      change.userId ?? null,
      change.approvedAt ?? null,
      change.confirmedAt ?? null,
      change.authExpiresAt !== undefined,
      change.authExpiresAt ?? null,
      change.capturedAt ?? null,
      change.closedAt ?? null,
      change.regKey ?? null,
      change.failureCode ?? null,
      event.merchantId,
      event.type,
      JSON.stringify(event.payload),
      at,
    ],
    'update_payment',
  );
}

/** Ids of payments whose request or authorization has expired by `now` (for the sweeper). */
export async function dueExpiries(
  sql: Sql,
  now: Date,
  limit: number,
): Promise<Array<{ transactionId: bigint; merchantId: string; currency: Currency }>> {
  const rows = await sql.query(
    `(SELECT transaction_id, merchant_id, currency FROM payments
       WHERE status = 'AUTHORIZED' AND auth_expires_at <= $1 LIMIT $2)
     UNION ALL
     (SELECT transaction_id, merchant_id, currency FROM payments
       WHERE status IN ('REQUESTED', 'AUTHENTICATED') AND expires_at <= $1 LIMIT $2)`,
    [now, limit],
  );
  return rows.map((r) => ({
    transactionId: big(r.transaction_id),
    merchantId: String(r.merchant_id),
    currency: r.currency as Currency,
  }));
}

/** A refund as stored. */
export interface RefundRow {
  readonly refundId: bigint;
  readonly transactionId: bigint;
  readonly channelId: bigint;
  readonly merchantId: string;
  readonly amount: bigint;
  readonly type: 'PAYMENT_REFUND' | 'PARTIAL_REFUND';
  readonly createdAt: Date;
}

function toRefundRow(r: Record<string, unknown>): RefundRow {
  return {
    refundId: big(r.refund_id),
    transactionId: big(r.transaction_id),
    channelId: big(r.channel_id),
    merchantId: String(r.merchant_id),
    amount: big(r.amount),
    type: r.refund_type as RefundRow['type'],
    createdAt: date(r.created_at),
  };
}

/** Records a refund. */
export async function insertRefund(tx: Sql, r: RefundRow): Promise<void> {
  await tx.query(
    `INSERT INTO refunds (refund_id, transaction_id, channel_id, merchant_id, amount, refund_type, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.refundId, r.transactionId, r.channelId, r.merchantId, r.amount, r.type, r.createdAt],
    'insert_refund',
  );
}

/** Refunds of the given payments, oldest first. */
export async function refundsOf(sql: Sql, transactionIds: readonly bigint[]): Promise<RefundRow[]> {
  if (transactionIds.length === 0) {
    return [];
  }
  const rows = await sql.query(
    'SELECT * FROM refunds WHERE transaction_id = ANY($1::bigint[]) ORDER BY created_at, seq',
    [transactionIds.map(String)],
    'refunds_of',
  );
  return rows.map(toRefundRow);
}

/** Refunds of a channel with the given refund ids. */
export async function refundsById(
  sql: Sql,
  channelId: bigint,
  refundIds: readonly bigint[],
): Promise<RefundRow[]> {
  if (refundIds.length === 0) {
    return [];
  }
  const rows = await sql.query(
    'SELECT * FROM refunds WHERE channel_id = $1 AND refund_id = ANY($2::bigint[]) ORDER BY created_at, seq',
    [channelId, refundIds.map(String)],
    'refunds_by_id',
  );
  return rows.map(toRefundRow);
}

/** Counts a wrong PIN on a payment; returns the new count. */
export async function addPinFailure(tx: Sql, transactionId: bigint): Promise<number> {
  const [row] = await tx.query(
    'UPDATE payments SET pin_failures = pin_failures + 1 WHERE transaction_id = $1 RETURNING pin_failures',
    [transactionId],
  );
  return Number(row?.pin_failures ?? 0);
}

/** A user's payments, newest first (wallet history). */
export async function paymentsOfUser(sql: Sql, userId: string, limit: number): Promise<PaymentRow[]> {
  const rows = await sql.query(
    `SELECT * FROM payments WHERE user_id = $1 AND status IN ('AUTHORIZED', 'CAPTURED', 'VOIDED', 'EXPIRED_AUTHORIZATION', 'FAILED')
     ORDER BY created_at DESC, seq DESC LIMIT $2`,
    [userId, limit],
  );
  return rows.map(toPaymentRow);
}

/** Marks the browser that first opened a payment link; returns whether `browser` is that browser. */
export async function claimStartBrowser(sql: Sql, reserveId: string, browser: string): Promise<boolean> {
  const [row] = await sql.query(
    `WITH claimed AS (
       UPDATE payments SET started_browser = $2 WHERE reserve_id = $1 AND started_browser IS NULL RETURNING started_browser)
     SELECT COALESCE((SELECT started_browser FROM claimed), (SELECT started_browser FROM payments WHERE reserve_id = $1)) AS starter`,
    [reserveId, browser],
  );
  return row?.starter === browser;
}
