// The orders table: rows, conditional transitions and the event trail. Every status change is
// one `UPDATE … WHERE status = ANY($expected) RETURNING`, so of two writers racing for the same
// change exactly one gets the row back; the other re-reads and goes along with what it finds.
import type { Row, Sql } from './db.ts';

/** Every state an order can be in. */
export type OrderStatus =
  | 'pending'
  | 'confirming'
  | 'authorized'
  | 'capturing'
  | 'voiding'
  | 'paid'
  | 'partially_refunded'
  | 'refunded'
  | 'voided'
  | 'cancelled'
  | 'expired'
  | 'failed';

/** One way the shopper paid, as LINE Pay reported it. */
export interface PayPart {
  readonly method: string;
  readonly amount: number;
  readonly creditCardBrand?: string;
  readonly maskedCreditCardNumber?: string;
}

/** An order as stored. */
export interface OrderRow {
  readonly id: string;
  readonly kind: 'purchase' | 'subscription';
  readonly status: OrderStatus;
  /** false = authorize only ("reserve — pay when picked up"). */
  readonly capture: boolean;
  readonly currency: string;
  readonly amount: bigint;
  readonly capturedAmount: bigint;
  readonly refundedAmount: bigint;
  readonly transactionId: bigint | null;
  readonly paymentUrl: string | null;
  readonly payInfo: readonly PayPart[] | null;
  readonly authorizationExpiresAt: Date | null;
  readonly statusReason: string | null;
  readonly claimToken: string | null;
  readonly claimedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly paidAt: Date | null;
  /** The payer's membership code at this shop, as LINE Pay reported it with the payment. */
  readonly membershipCode: string | null;
}

/** One line of an order. */
export interface OrderItem {
  readonly productId: string;
  readonly name: string;
  readonly unitPrice: bigint;
  readonly quantity: number;
}

/** Columns a transition may change besides the status (a fixed list: never built from input). */
export interface OrderChanges {
  capturedAmount?: bigint;
  refundedAmount?: bigint;
  payInfo?: readonly PayPart[] | null;
  authorizationExpiresAt?: Date | null;
  statusReason?: string | null;
  paidAt?: Date | null;
  claimToken?: string | null;
  claimedAt?: Date | null;
}

const columns: Record<keyof OrderChanges, string> = {
  capturedAmount: 'captured_amount',
  refundedAmount: 'refunded_amount',
  payInfo: 'pay_info',
  authorizationExpiresAt: 'authorization_expires_at',
  statusReason: 'status_reason',
  paidAt: 'paid_at',
  claimToken: 'claim_token',
  claimedAt: 'claimed_at',
};

function date(v: unknown): Date | null {
  return v === null || v === undefined ? null : new Date(v as string | Date);
}

/** Maps a database row to an OrderRow. */
export function toOrder(r: Row): OrderRow {
  return {
    id: String(r.id),
    kind: r.kind as OrderRow['kind'],
    status: r.status as OrderStatus,
    capture: Boolean(r.capture),
    currency: String(r.currency),
    amount: BigInt(r.amount as bigint),
    capturedAmount: BigInt(r.captured_amount as bigint),
    refundedAmount: BigInt(r.refunded_amount as bigint),
    transactionId: r.transaction_id === null ? null : BigInt(r.transaction_id as bigint),
    paymentUrl: (r.payment_url as string | null) ?? null,
    payInfo: (r.pay_info as PayPart[] | null) ?? null,
    authorizationExpiresAt: date(r.authorization_expires_at),
    statusReason: (r.status_reason as string | null) ?? null,
    claimToken: (r.claim_token as string | null) ?? null,
    claimedAt: date(r.claimed_at),
    createdAt: date(r.created_at) ?? new Date(0),
    updatedAt: date(r.updated_at) ?? new Date(0),
    paidAt: date(r.paid_at),
    membershipCode: (r.membership_code as string | null) ?? null,
  };
}

/** Appends to an order's event trail. */
export async function addEvent(
  sql: Sql,
  orderId: string,
  kind: string,
  detail: string,
  at: Date,
): Promise<void> {
  await sql.query('INSERT INTO order_events (order_id, at, kind, detail) VALUES ($1, $2, $3, $4)', [
    orderId,
    at,
    kind,
    detail,
  ]);
}

/** Stores a new order with its lines, status `pending`, no payment yet. */
export async function insertOrder(
  sql: Sql,
  o: {
    id: string;
    kind: OrderRow['kind'];
    capture: boolean;
    currency: string;
    amount: bigint;
    items: readonly OrderItem[];
    now: Date;
  },
): Promise<void> {
  await sql.query(
    `INSERT INTO orders (id, kind, status, capture, currency, amount, created_at, updated_at)
     VALUES ($1, $2, 'pending', $3, $4, $5, $6, $6)`,
    [o.id, o.kind, o.capture, o.currency, o.amount, o.now],
  );
  for (const [i, item] of o.items.entries()) {
    await sql.query(
      'INSERT INTO order_items (order_id, line, product_id, name, unit_price, quantity) VALUES ($1, $2, $3, $4, $5, $6)',
      [o.id, i + 1, item.productId, item.name, item.unitPrice, item.quantity],
    );
  }
  await addEvent(sql, o.id, 'created', `${o.items.length} line(s), ${o.amount} ${o.currency}`, o.now);
}

/** Records the LINE Pay request of a pending order (once). */
export async function setRequested(
  sql: Sql,
  id: string,
  r: { transactionId: bigint; paymentUrl: string; now: Date },
): Promise<OrderRow | undefined> {
  const [row] = await sql.query(
    `UPDATE orders SET transaction_id = $2, payment_url = $3, updated_at = $4
     WHERE id = $1 AND status = 'pending' AND transaction_id IS NULL RETURNING *`,
    [id, r.transactionId, r.paymentUrl, r.now],
  );
  return row ? toOrder(row) : undefined;
}

/** The order with this id. */
export async function findOrder(sql: Sql, id: string): Promise<OrderRow | undefined> {
  const [row] = await sql.query('SELECT * FROM orders WHERE id = $1', [id]);
  return row ? toOrder(row) : undefined;
}

/**
 * Moves an order from one of `from` to `to` (with `changes`) and records `event`, or returns
 * undefined when the order was not in one of `from` — someone else changed it first.
 */
export async function transition(
  sql: Sql,
  id: string,
  from: readonly OrderStatus[],
  to: OrderStatus,
  changes: OrderChanges,
  event: { kind: string; detail: string; at: Date },
): Promise<OrderRow | undefined> {
  const params: unknown[] = [id, [...from], to, event.at];
  const sets = ['status = $3', 'updated_at = $4'];
  for (const key of Object.keys(changes) as Array<keyof OrderChanges>) {
    const value = changes[key];
    params.push(key === 'payInfo' && value !== null ? JSON.stringify(value) : value);
    sets.push(`${columns[key]} = $${params.length}`);
  }
  const [row] = await sql.query(
    `UPDATE orders SET ${sets.join(', ')} WHERE id = $1 AND status = ANY($2::text[]) RETURNING *`,
    params,
  );
  if (!row) {
    return undefined;
  }
  await addEvent(sql, id, event.kind, event.detail, event.at);
  return toOrder(row);
}

/**
 * Takes the right to call confirm: from `pending`, or from `confirming` when nobody holds it
 * (released after an unclear answer) or the holder went quiet before `staleBefore`.
 */
export async function claimForConfirm(
  sql: Sql,
  id: string,
  token: string,
  now: Date,
  staleBefore: Date,
): Promise<OrderRow | undefined> {
  const [row] = await sql.query(
    `UPDATE orders SET status = 'confirming', claim_token = $2, claimed_at = $3, updated_at = $3
     WHERE id = $1 AND transaction_id IS NOT NULL
       AND (status = 'pending' OR (status = 'confirming' AND (claim_token IS NULL OR claimed_at < $4)))
     RETURNING *`,
    [id, token, now, staleBefore],
  );
  return row ? toOrder(row) : undefined;
}

/** Gives the confirm right back after an unclear answer; the order stays `confirming`. */
export async function releaseClaim(
  sql: Sql,
  id: string,
  token: string,
  reason: string,
  now: Date,
): Promise<void> {
  const [row] = await sql.query(
    `UPDATE orders SET claim_token = NULL, claimed_at = NULL, status_reason = $3, updated_at = $4
     WHERE id = $1 AND claim_token = $2 AND status = 'confirming' RETURNING id`,
    [id, token, reason, now],
  );
  if (row) {
    await addEvent(sql, id, 'confirm-unclear', reason, now);
  }
}

/** The lines of an order. */
export async function orderItems(sql: Sql, id: string): Promise<OrderItem[]> {
  const rows = await sql.query(
    'SELECT product_id, name, unit_price, quantity FROM order_items WHERE order_id = $1 ORDER BY line',
    [id],
  );
  return rows.map((r) => ({
    productId: String(r.product_id),
    name: String(r.name),
    unitPrice: BigInt(r.unit_price as bigint),
    quantity: Number(r.quantity),
  }));
}

/** An order's event trail, oldest first. */
export async function orderEvents(
  sql: Sql,
  id: string,
): Promise<Array<{ id: bigint; at: Date; kind: string; detail: string }>> {
  const rows = await sql.query(
    'SELECT id, at, kind, detail FROM order_events WHERE order_id = $1 ORDER BY id',
    [id],
  );
  return rows.map((r) => ({
    id: BigInt(r.id as bigint),
    at: new Date(r.at as Date),
    kind: String(r.kind),
    detail: String(r.detail),
  }));
}

/** Orders in `statuses` not touched since `before` (the reconciler's work list). */
export async function staleOrders(
  sql: Sql,
  statuses: readonly OrderStatus[],
  before: Date,
  limit = 100,
): Promise<OrderRow[]> {
  const rows = await sql.query(
    'SELECT * FROM orders WHERE status = ANY($1::text[]) AND updated_at <= $2 ORDER BY updated_at LIMIT $3',
    [[...statuses], before, limit],
  );
  return rows.map(toOrder);
}

/** The newest orders first (admin list). */
export async function recentOrders(sql: Sql, limit: number): Promise<OrderRow[]> {
  const rows = await sql.query('SELECT * FROM orders ORDER BY created_at DESC, id LIMIT $1', [limit]);
  return rows.map(toOrder);
}
