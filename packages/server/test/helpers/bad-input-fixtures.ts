// Shared fixtures of the bad-input suites: a platform with a USD channel and payments in each state.
import assert from 'node:assert/strict';
import { approvedPayment, requestBody, sandbox, startPlatform, type TestPlatform, v3 } from './test-app.ts';

/** A JSON object body. */
export type Body = Record<string, unknown>;

/** A deep copy of a valid request body with `edit` applied (for one-field mutations). */
export function mutated(orderId: string, edit: (b: Body) => void): Body {
  const body = structuredClone(requestBody(orderId, 1000)) as Body;
  edit(body);
  return body;
}

/** The first package of a request body. */
export function pkg(b: Body): Body {
  return (b.packages as Body[])[0] as Body;
}

/** The first product of a request body. */
export function product(b: Body): Body {
  return (pkg(b).products as Body[])[0] as Body;
}

/** How many payments have an orderId starting with the prefix (nothing half-written is stored). */
export async function storedCount(p: TestPlatform, orderIdPrefix: string): Promise<number> {
  const [row] = await p.services.db.query('SELECT count(*) AS n FROM payments WHERE order_id LIKE $1', [
    `${orderIdPrefix}%`,
  ]);
  return Number(row?.n ?? -1);
}

/** The platform and the payments every bad-input test starts from. */
export interface BadInputFixtures {
  readonly p: TestPlatform;
  readonly usd: { channelId: string; secret: string };
  readonly approved: bigint;
  readonly authorized: bigint;
  readonly captured: bigint;
  readonly regKey: string;
}

async function confirmed(
  p: TestPlatform,
  orderId: string,
  amount: number,
  extra: Parameters<typeof approvedPayment>[3] = {},
) {
  const id = await approvedPayment(p, orderId, amount, extra);
  const r = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount, currency: 'TWD' });
  assert.equal(r.body.returnCode, '0000', r.raw);
  return { id, info: r.body.info };
}

/** Starts a platform with a USD channel, an approved, an authorized and a captured payment, and a regKey. */
export async function startBadInputFixtures(): Promise<BadInputFixtures> {
  const p = await startPlatform();
  const created = await sandbox(p, 'POST', '/sandbox/v1/channels', { name: 'Dollar shop', currency: 'USD' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const usd = { channelId: String(created.body.channelId), secret: String(created.body.channelSecret) };
  const approved = await approvedPayment(p, 'bad-approved', 1000);
  const authorized = (await confirmed(p, 'bad-authorized', 1000, { capture: false })).id;
  const captured = (await confirmed(p, 'bad-captured', 1000)).id;
  const regKey = (await confirmed(p, 'bad-reg', 100, { payType: 'PREAPPROVED' })).info.regKey as string;
  assert.match(regKey, /^RK[A-Z0-9]{13}$/);
  return { p, usd, approved, authorized, captured, regKey };
}
