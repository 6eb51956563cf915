import assert from 'node:assert/strict';
import { createKeyring, type ManualClock, manualClock, seededRandom, signV3 } from '@jinliu/core';
import { verifyLedger } from '@jinliu/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { memoryNonceStore, redisNonceStore } from '../../src/security/nonce-store.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { seedSandbox, testUserId } from '../../src/services/sandbox.ts';
import { openTestDatabase } from './test-database.ts';

/** The start of every test's platform clock. */
export const testEpoch = new Date('2026-11-23T01:00:00Z');

/** A running test platform: app (inject), services, its manual base clock. */
export interface TestPlatform {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly clock: ManualClock;
  readonly channel: { channelId: string; channelSecret: string; merchantId: string };
  readonly alice: string;
  readonly bob: string;
  readonly carol: string;
  close(): Promise<void>;
}

/** Options for a test platform. */
export interface TestPlatformOptions {
  readonly env?: Record<string, string>;
  readonly seed?: number;
  readonly currency?: 'TWD' | 'USD' | 'THB' | 'JPY';
  readonly listen?: boolean;
}

/**
 * Builds a platform on its own database (PostgreSQL schema or PGlite copy), seeded with the
 * sandbox users and a fresh channel. The nonce store is Redis when REDIS_URL is set.
 */
export async function startPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const { db, dispose } = await openTestDatabase();
  const config: Config = loadConfig({
    LOG_LEVEL: 'silent',
    JINLIU_PUBLIC_URL: 'http://jinliu.test',
    ...options.env,
  });
  const clock = manualClock(testEpoch);
  const redis = process.env.REDIS_URL;
  const services = await createServices(config, {
    db,
    clock,
    random: seededRandom(options.seed ?? (process.pid ^ Date.now()) >>> 0),
    keyring: createKeyring(new Map([['test', new Uint8Array(32).fill(9)]]), 'test'),
    nonces: redis
      ? redisNonceStore(redis, config.nonceWindowSeconds, `jinliu:test:${process.pid}:${Date.now()}:`)
      : memoryNonceStore(config.nonceWindowSeconds),
  });
  await seedSandbox(db, services.payments, services.channels);
  const created = await services.channels.create({ name: 'Test shop', currency: options.currency ?? 'TWD' });
  const app = await buildApp(services, { logger: false });
  if (options.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
  }
  return {
    app,
    services,
    clock,
    channel: {
      channelId: created.channelId.toString(),
      channelSecret: created.channelSecret,
      merchantId: created.merchantId,
    },
    alice: testUserId('alice'),
    bob: testUserId('bob'),
    carol: testUserId('carol'),
    async close() {
      await app.close();
      await services.close();
      await dispose();
    },
  };
}

/** Parses JSON keeping integers beyond 2^53 exact (as bigint), the way careful clients do. */
export function parseLossless(text: string): unknown {
  return JSON.parse(text, (_key, value, context?: { source?: string }) => {
    if (typeof value === 'number' && context?.source && /^-?\d{16,}$/.test(context.source)) {
      return BigInt(context.source);
    }
    return value;
  });
}

/** A LINE Pay answer as the tests read it. */
export interface V3Reply {
  readonly status: number;
  readonly raw: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read LINE Pay replies by their documented shape
  readonly body: { returnCode: string; returnMessage: string; info?: any };
}

let nonceCounter = 0;

/** Sends a signed Online v3 request through inject() and parses the answer losslessly. */
export async function v3(
  platform: Pick<TestPlatform, 'app' | 'channel'>,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body?: unknown,
  overrides: { nonce?: string; secret?: string; channelId?: string; rawBody?: string } = {},
): Promise<V3Reply> {
  const payload =
    overrides.rawBody ??
    (body === undefined ? '' : JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  const [path = '', query = ''] = pathAndQuery.split('?');
  nonceCounter += 1;
  const nonce = overrides.nonce ?? `nonce-${process.pid}-${Date.now()}-${nonceCounter}`;
  const secret = overrides.secret ?? platform.channel.channelSecret;
  const signature = signV3(secret, path, method === 'GET' ? query : payload, nonce);
  const res = await platform.app.inject({
    method,
    url: pathAndQuery,
    headers: {
      'content-type': 'application/json',
      'x-line-channelid': overrides.channelId ?? platform.channel.channelId,
      'x-line-authorization-nonce': nonce,
      'x-line-authorization': signature,
    },
    ...(method === 'POST' ? { payload } : {}),
  });
  return { status: res.statusCode, raw: res.body, body: parseLossless(res.body) as V3Reply['body'] };
}

/** A valid request body for `amount` (one package, one product). */
export function requestBody(
  orderId: string,
  amount = 1000,
  extra: { capture?: boolean; payType?: 'NORMAL' | 'PREAPPROVED'; currency?: string } = {},
) {
  return {
    amount,
    currency: extra.currency ?? 'TWD',
    orderId,
    packages: [
      { id: 'pkg-1', amount, name: 'Shop', products: [{ name: 'Pen', quantity: 1, price: amount }] },
    ],
    redirectUrls: {
      confirmUrl: 'https://merchant.example/confirm',
      cancelUrl: 'https://merchant.example/cancel',
    },
    options: { payment: { capture: extra.capture ?? true, payType: extra.payType ?? 'NORMAL' } },
  };
}

/** Sends a sandbox helper call (plain JSON). */
export async function sandbox(
  platform: Pick<TestPlatform, 'app'>,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
) {
  const res = await platform.app.inject({
    method,
    url,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read helper replies by their documented shape
  return { status: res.statusCode, body: res.body ? (parseLossless(res.body) as any) : undefined };
}

/** Requests and approves a payment; returns its transaction id. */
export async function approvedPayment(
  platform: TestPlatform,
  orderId: string,
  amount = 1000,
  extra: Parameters<typeof requestBody>[2] & { approve?: Record<string, unknown> } = {},
): Promise<bigint> {
  const req = await v3(platform, 'POST', '/v3/payments/request', requestBody(orderId, amount, extra));
  assert.equal(req.body.returnCode, '0000', req.raw);
  const id = req.body.info.transactionId as bigint;
  const approved = await sandbox(platform, 'POST', `/sandbox/v1/payments/${id}/approve`, {
    userId: platform.alice,
    ...extra.approve,
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  return id;
}

/** Asserts every ledger invariant holds (called after each scenario). */
export async function assertLedgerBalanced(platform: Pick<TestPlatform, 'services'>): Promise<void> {
  const report = await verifyLedger(platform.services.db);
  assert.deepEqual(report.problems, [], `ledger problems: ${JSON.stringify(report.problems)}`);
}

/** A user's balance of one kind and currency, in minor units. */
export async function balanceOf(
  platform: Pick<TestPlatform, 'services'>,
  userId: string,
  kind: 'user_balance' | 'user_points' = 'user_balance',
  currency = 'TWD',
): Promise<bigint> {
  const [row] = await platform.services.db.query(
    'SELECT balance FROM accounts WHERE owner = $1 AND kind = $2 AND currency = $3',
    [userId, kind, currency],
  );
  return row ? BigInt(String(row.balance)) : 0n;
}
