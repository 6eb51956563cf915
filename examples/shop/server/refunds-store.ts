// The refunds table. A refund row is 'pending' while LINE Pay is being asked, so the amount it
// reserves counts against what is left to refund; it becomes 'succeeded' with LINE Pay's refund
// transaction id, or is deleted when LINE Pay refused.
import type { Sql } from './db.ts';

/** A refund as stored. */
export interface RefundRow {
  readonly id: bigint;
  readonly amount: bigint;
  readonly status: 'pending' | 'succeeded';
  readonly refundTransactionId: bigint | null;
  readonly createdAt: Date;
  readonly completedAt: Date | null;
}

/** An order's refunds, oldest first. */
export async function orderRefunds(sql: Sql, orderId: string): Promise<RefundRow[]> {
  const rows = await sql.query('SELECT * FROM refunds WHERE order_id = $1 ORDER BY id', [orderId]);
  return rows.map((r) => ({
    id: BigInt(r.id as bigint),
    amount: BigInt(r.amount as bigint),
    status: r.status as RefundRow['status'],
    refundTransactionId: r.refund_transaction_id === null ? null : BigInt(r.refund_transaction_id as bigint),
    createdAt: new Date(r.created_at as Date),
    completedAt: r.completed_at === null ? null : new Date(r.completed_at as Date),
  }));
}

/** Σ refunds in `statuses` of an order. */
export async function refundTotal(
  sql: Sql,
  orderId: string,
  statuses: ReadonlyArray<RefundRow['status']>,
): Promise<bigint> {
  const [row] = await sql.query<{ total: bigint }>(
    'SELECT COALESCE(SUM(amount), 0)::bigint AS total FROM refunds WHERE order_id = $1 AND status = ANY($2::text[])',
    [orderId, [...statuses]],
  );
  return BigInt(row?.total ?? 0n);
}

/** Reserves `amount` as a pending refund; returns its id. */
export async function reserveRefund(sql: Sql, orderId: string, amount: bigint, now: Date): Promise<bigint> {
  const [row] = await sql.query<{ id: bigint }>(
    `INSERT INTO refunds (order_id, amount, status, created_at) VALUES ($1, $2, 'pending', $3) RETURNING id`,
    [orderId, amount, now],
  );
  if (!row) {
    throw new Error('refund reservation was not stored');
  }
  return BigInt(row.id);
}

/** Marks a pending refund done with LINE Pay's refund transaction id. */
export async function completeRefund(
  sql: Sql,
  id: bigint,
  refundTransactionId: bigint,
  now: Date,
): Promise<void> {
  await sql.query(
    `UPDATE refunds SET status = 'succeeded', refund_transaction_id = $2, completed_at = $3
     WHERE id = $1 AND status = 'pending'`,
    [id, refundTransactionId, now],
  );
}

/** Drops a pending refund LINE Pay did not make (nothing stays half-written). */
export async function dropPendingRefund(sql: Sql, id: bigint): Promise<void> {
  await sql.query(`DELETE FROM refunds WHERE id = $1 AND status = 'pending'`, [id]);
}

/** Drops pending refunds from `before` or earlier (their call is long over); returns how many. */
export async function dropStalePendingRefunds(sql: Sql, orderId: string, before: Date): Promise<number> {
  const rows = await sql.query(
    `DELETE FROM refunds WHERE order_id = $1 AND status = 'pending' AND created_at <= $2 RETURNING id`,
    [orderId, before],
  );
  return rows.length;
}

/** Orders that have a pending refund from `before` or earlier. */
export async function ordersWithStaleRefunds(sql: Sql, before: Date): Promise<string[]> {
  const rows = await sql.query(
    `SELECT DISTINCT order_id FROM refunds WHERE status = 'pending' AND created_at <= $1 LIMIT 100`,
    [before],
  );
  return rows.map((r) => String(r.order_id));
}

/** Records a refund LINE Pay made that the shop has no row for (found in payment details). */
export async function insertPlatformRefund(
  sql: Sql,
  orderId: string,
  r: { refundTransactionId: bigint; amount: bigint; at: Date },
): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO refunds (order_id, amount, status, refund_transaction_id, created_at, completed_at)
     VALUES ($1, $2, 'succeeded', $3, $4, $4) ON CONFLICT (refund_transaction_id) DO NOTHING RETURNING id`,
    [orderId, r.amount, r.refundTransactionId, r.at],
  );
  return rows.length > 0;
}
