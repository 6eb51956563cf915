// The subscriptions and subscription_charges tables. Like orders, every change is conditional
// on the state the writer expects, so a billing run, a second billing run and the shopper's
// "cancel" never step on each other.
import { nextChargeAt } from './billing-schedule.ts';
import type { Row, Sql } from './db.ts';

/** A subscription's state. */
export type SubscriptionStatus = 'pending' | 'active' | 'ended' | 'cancelled';

/** A subscription as stored. */
export interface SubscriptionRow {
  readonly id: string;
  readonly plan: string;
  readonly status: SubscriptionStatus;
  readonly currency: string;
  readonly amount: bigint;
  readonly firstOrderId: string;
  /** The preapproved-payment key: a secret of this shop, never shown in full. */
  readonly regKey: string | null;
  readonly periodsPaid: number;
  readonly startedAt: Date | null;
  readonly nextChargeAt: Date | null;
  readonly endReason: string | null;
  readonly endedAt: Date | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
}

/** One paid month. */
export interface ChargeRow {
  readonly period: number;
  readonly orderId: string;
  readonly transactionId: bigint;
  readonly amount: bigint;
  readonly chargedAt: Date;
  /** The payer's membership code at this shop, when LINE Pay reported one. */
  readonly membershipCode: string | null;
}

function date(v: unknown): Date | null {
  return v === null || v === undefined ? null : new Date(v as string | Date);
}

function toSubscription(r: Row): SubscriptionRow {
  return {
    id: String(r.id),
    plan: String(r.plan),
    status: r.status as SubscriptionStatus,
    currency: String(r.currency),
    amount: BigInt(r.amount as bigint),
    firstOrderId: String(r.first_order_id),
    regKey: (r.reg_key as string | null) ?? null,
    periodsPaid: Number(r.periods_paid),
    startedAt: date(r.started_at),
    nextChargeAt: date(r.next_charge_at),
    endReason: (r.end_reason as string | null) ?? null,
    endedAt: date(r.ended_at),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: date(r.created_at) ?? new Date(0),
  };
}

/** Stores a subscription waiting for its first payment. */
export async function insertSubscription(
  sql: Sql,
  s: { id: string; plan: string; currency: string; amount: bigint; firstOrderId: string; now: Date },
): Promise<void> {
  await sql.query(
    `INSERT INTO subscriptions (id, plan, status, currency, amount, first_order_id, created_at, updated_at)
     VALUES ($1, $2, 'pending', $3, $4, $5, $6, $6)`,
    [s.id, s.plan, s.currency, s.amount, s.firstOrderId, s.now],
  );
}

/** The subscription with this id. */
export async function findSubscription(sql: Sql, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await sql.query('SELECT * FROM subscriptions WHERE id = $1', [id]);
  return row ? toSubscription(row) : undefined;
}

/** The subscription an order started, if it started one. */
export async function subscriptionOfOrder(sql: Sql, orderId: string): Promise<SubscriptionRow | undefined> {
  const [row] = await sql.query('SELECT * FROM subscriptions WHERE first_order_id = $1', [orderId]);
  return row ? toSubscription(row) : undefined;
}

async function insertCharge(
  sql: Sql,
  c: {
    subscriptionId: string;
    period: number;
    orderId: string;
    transactionId: bigint;
    amount: bigint;
    at: Date;
  },
): Promise<void> {
  await sql.query(
    `INSERT INTO subscription_charges (subscription_id, period, order_id, transaction_id, amount, charged_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [c.subscriptionId, c.period, c.orderId, c.transactionId, c.amount, c.at],
  );
}

/**
 * The first payment went through: with a regKey the subscription starts (month 1 paid, month 2
 * due in a month); without one it cannot be charged again and ends, saying why.
 */
export async function startSubscription(
  sql: Sql,
  firstOrderId: string,
  p: { regKey: string | undefined; transactionId: bigint; amount: bigint; now: Date },
): Promise<SubscriptionRow | undefined> {
  const [row] = p.regKey
    ? await sql.query(
        `UPDATE subscriptions SET status = 'active', reg_key = $2, periods_paid = 1, started_at = $3,
           next_charge_at = $4, updated_at = $3
         WHERE first_order_id = $1 AND status = 'pending' RETURNING *`,
        [firstOrderId, p.regKey, p.now, nextChargeAt(p.now, 1)],
      )
    : await sql.query(
        `UPDATE subscriptions SET status = 'ended', periods_paid = 1, started_at = $2, ended_at = $2,
           end_reason = $3, updated_at = $2
         WHERE first_order_id = $1 AND status = 'pending' RETURNING *`,
        [
          firstOrderId,
          p.now,
          'LINE Pay’s confirm answer, which carries the payment key, was lost (the payment was confirmed and read back from payment details, which do not carry it). This month is paid; subscribe again to continue.',
        ],
      );
  if (!row) {
    return undefined;
  }
  const s = toSubscription(row);
  await insertCharge(sql, {
    subscriptionId: s.id,
    period: 1,
    orderId: firstOrderId,
    transactionId: p.transactionId,
    amount: p.amount,
    at: p.now,
  });
  return s;
}

/** Ends a subscription that is in one of `from`; undefined when it was not. */
export async function endSubscription(
  sql: Sql,
  id: string,
  from: readonly SubscriptionStatus[],
  to: 'ended' | 'cancelled',
  reason: string,
  now: Date,
): Promise<SubscriptionRow | undefined> {
  const [row] = await sql.query(
    `UPDATE subscriptions SET status = $3, end_reason = $4, ended_at = $5, next_charge_at = NULL,
       billing_claim = NULL, billing_claimed_at = NULL, updated_at = $5
     WHERE id = $1 AND status = ANY($2::text[]) RETURNING *`,
    [id, [...from], to, reason, now],
  );
  return row ? toSubscription(row) : undefined;
}

/** Active subscriptions due at `now` that no billing run holds (or whose holder went quiet). */
export async function dueSubscriptions(sql: Sql, now: Date, staleBefore: Date): Promise<SubscriptionRow[]> {
  const rows = await sql.query(
    `SELECT * FROM subscriptions
     WHERE status = 'active' AND next_charge_at <= $1 AND (billing_claim IS NULL OR billing_claimed_at < $2)
     ORDER BY next_charge_at, id LIMIT 100`,
    [now, staleBefore],
  );
  return rows.map(toSubscription);
}

/** Takes a due subscription for one billing run; undefined when another run has it. */
export async function claimForBilling(
  sql: Sql,
  id: string,
  token: string,
  now: Date,
  staleBefore: Date,
): Promise<SubscriptionRow | undefined> {
  const [row] = await sql.query(
    `UPDATE subscriptions SET billing_claim = $2, billing_claimed_at = $3
     WHERE id = $1 AND status = 'active' AND next_charge_at <= $3
       AND (billing_claim IS NULL OR billing_claimed_at < $4)
     RETURNING *`,
    [id, token, now, staleBefore],
  );
  return row ? toSubscription(row) : undefined;
}

/** Records a paid period and moves the next charge a month on; releases the run's hold. */
export async function recordPeriodPaid(
  sql: Sql,
  s: SubscriptionRow,
  c: { period: number; orderId: string; transactionId: bigint; amount: bigint; at: Date },
): Promise<void> {
  await insertCharge(sql, { subscriptionId: s.id, ...c });
  await sql.query(
    `UPDATE subscriptions SET periods_paid = GREATEST(periods_paid, $2),
       next_charge_at = CASE WHEN status = 'active' THEN $3::timestamptz ELSE next_charge_at END,
       billing_claim = NULL, billing_claimed_at = NULL, last_error = NULL, updated_at = $4
     WHERE id = $1`,
    [s.id, c.period, s.startedAt ? nextChargeAt(s.startedAt, c.period) : null, c.at],
  );
}

/** Releases a billing run's hold after a failed attempt, keeping what went wrong. */
export async function releaseBilling(
  sql: Sql,
  id: string,
  token: string,
  error: string,
  now: Date,
): Promise<void> {
  await sql.query(
    `UPDATE subscriptions SET billing_claim = NULL, billing_claimed_at = NULL, last_error = $3, updated_at = $4
     WHERE id = $1 AND billing_claim = $2`,
    [id, token, error, now],
  );
}

/** A subscription's paid months, newest first. */
export async function subscriptionCharges(sql: Sql, id: string): Promise<ChargeRow[]> {
  const rows = await sql.query(
    'SELECT * FROM subscription_charges WHERE subscription_id = $1 ORDER BY period DESC',
    [id],
  );
  return rows.map((r) => ({
    period: Number(r.period),
    orderId: String(r.order_id),
    transactionId: BigInt(r.transaction_id as bigint),
    amount: BigInt(r.amount as bigint),
    chargedAt: new Date(r.charged_at as Date),
    membershipCode: (r.membership_code as string | null) ?? null,
  }));
}

/** The newest subscriptions first (admin list). */
export async function recentSubscriptions(sql: Sql, limit: number): Promise<SubscriptionRow[]> {
  const rows = await sql.query('SELECT * FROM subscriptions ORDER BY created_at DESC, id LIMIT $1', [limit]);
  return rows.map(toSubscription);
}
