// The members table and the points ledger. Points are credited with one INSERT keyed by the
// payment, so however often a payment is settled (confirm, reconciler, a retried charge) its
// points arrive once.
import type { Row, Sql } from './db.ts';
import { memberNumber, pointsFor } from './member-rules.ts';
import { hashPassword } from './passwords.ts';

/** A member as the shop shows it (never with the password hash). */
export interface MemberRow {
  /** The membership code: what the wallet's card shows and payments report. */
  readonly number: string;
  readonly email: string;
  readonly name: string;
  readonly points: bigint;
  readonly createdAt: Date;
}

/** Demo members on a Jinliu sandbox; the binding page lists them there. */
export const demoMembers = [
  { number: 'JC-000123', email: 'ada@example.com', name: 'Ada Lovelace', password: 'coffee' },
  { number: 'JC-000124', email: 'grace@example.com', name: 'Grace Hopper', password: 'espresso' },
] as const;

function toMember(r: Row): MemberRow {
  return {
    number: String(r.number),
    email: String(r.email),
    name: String(r.name),
    points: BigInt(r.points as bigint),
    createdAt: new Date(r.created_at as string | Date),
  };
}

/** E-mail addresses are compared lower-cased and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The member with this number. */
export async function findMember(sql: Sql, number: string): Promise<MemberRow | undefined> {
  const [row] = await sql.query('SELECT * FROM members WHERE number = $1', [number]);
  return row ? toMember(row) : undefined;
}

/** The member with this e-mail, with the password hash to check a sign-in against. */
export async function findMemberForSignIn(
  sql: Sql,
  email: string,
): Promise<{ member: MemberRow; passwordHash: string } | undefined> {
  const [row] = await sql.query('SELECT * FROM members WHERE email = $1', [normaliseEmail(email)]);
  return row ? { member: toMember(row), passwordHash: String(row.password_hash) } : undefined;
}

/** Creates a member with the next free number; undefined when the e-mail is taken. */
export async function createMember(
  sql: Sql,
  m: { email: string; name: string; passwordHash: string; now: Date },
): Promise<MemberRow | undefined> {
  const [taken] = await sql.query('SELECT 1 FROM members WHERE email = $1', [normaliseEmail(m.email)]);
  if (taken) {
    return undefined; // checked first so a refused sign-up does not use up a number
  }
  const [next] = await sql.query<{ n: bigint }>("SELECT nextval('member_numbers') AS n");
  const [row] = await sql.query(
    `INSERT INTO members (number, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (email) DO NOTHING RETURNING *`,
    [memberNumber(next?.n ?? 0n), normaliseEmail(m.email), m.name.trim(), m.passwordHash, m.now],
  );
  return row ? toMember(row) : undefined;
}

/** Adds the demo members that are missing (sandbox only: their passwords are public). */
export async function ensureDemoMembers(sql: Sql, now: Date): Promise<void> {
  for (const d of demoMembers) {
    const [known] = await sql.query('SELECT 1 FROM members WHERE number = $1 OR email = $2', [
      d.number,
      d.email,
    ]);
    if (!known) {
      await sql.query(
        `INSERT INTO members (number, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [d.number, d.email, d.name, await hashPassword(d.password), now],
      );
    }
  }
}

/**
 * Credits the points a payment earns to the member, once per `paymentKey`. Returns the points
 * credited now, or undefined when this payment was credited before or the member is unknown.
 */
export async function creditPayment(
  tx: Sql,
  c: { paymentKey: string; memberNumber: string; amount: bigint; currency: string; at: Date },
): Promise<bigint | undefined> {
  const [member] = await tx.query('SELECT number FROM members WHERE number = $1 FOR UPDATE', [
    c.memberNumber,
  ]);
  if (!member) {
    return undefined;
  }
  const points = pointsFor(c.amount, c.currency);
  const [inserted] = await tx.query(
    `INSERT INTO member_points (payment_key, member_number, points, amount, currency, credited_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (payment_key) DO NOTHING RETURNING points`,
    [c.paymentKey, c.memberNumber, points, c.amount, c.currency, c.at],
  );
  if (!inserted) {
    return undefined;
  }
  await tx.query('UPDATE members SET points = points + $2 WHERE number = $1', [c.memberNumber, points]);
  return points;
}

/** The points credited for each of these payments (keys without points are left out). */
export async function pointsOfPayments(sql: Sql, keys: readonly string[]): Promise<Map<string, bigint>> {
  if (keys.length === 0) {
    return new Map();
  }
  const rows = await sql.query(
    'SELECT payment_key, points FROM member_points WHERE payment_key = ANY($1::text[])',
    [[...keys]],
  );
  return new Map(rows.map((r) => [String(r.payment_key), BigInt(r.points as bigint)]));
}
