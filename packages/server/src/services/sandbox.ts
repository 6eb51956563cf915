import { createHash } from 'node:crypto';
import { balancedEntry, type Currency, fail, newUserId, ok, type Result } from '@jinliu/core';
import {
  countChannels,
  type Database,
  ensureAccount,
  findTrackedAccount,
  findUser,
  getSetting,
  insertUser,
  postEntry,
  type Sql,
  setSetting,
} from '@jinliu/db';
import type { ChannelCredentials, ChannelService } from './channels.ts';
import { type PaymentDeps, saveCard } from './payments/index.ts';
import { hashPin } from './pin.ts';

/** A sandbox test user's starting wallet. */
export interface TestUserSpec {
  readonly name: string;
  readonly balances: Partial<Record<Currency, bigint>>;
  readonly points: Partial<Record<Currency, bigint>>;
  readonly cards: readonly string[];
}

/** The seeded test users (amounts in minor units). Their ids are stable: see `testUserId`. */
export const seededUsers: readonly TestUserSpec[] = [
  {
    name: 'alice',
    balances: { TWD: 100_000n, USD: 100_000n, THB: 1_000_000n, JPY: 100_000n },
    points: { TWD: 1_000n, USD: 1_000n, THB: 10_000n, JPY: 1_000n },
    cards: ['4111111111111111'],
  },
  { name: 'bob', balances: { TWD: 5_000n, USD: 5_000n }, points: {}, cards: ['5555555555554444'] },
  { name: 'carol', balances: {}, points: {}, cards: [] },
];

/** The default PIN of sandbox users (the hosted checkout asks for it). */
export const sandboxPin = '123456';

/** A stable LINE-style id for a named test user, so docs and scripts can name them. */
export function testUserId(name: string): string {
  return `U${createHash('sha256').update(`jinliu-sandbox-user:${name}`).digest('hex').slice(0, 32)}`;
}

/** Sets a tracked balance to `target` with one balanced adjustment entry against sandbox funding. */
export async function setBalance(
  tx: Sql,
  deps: Pick<PaymentDeps, 'clock' | 'random'>,
  fundingAccount: bigint,
  userId: string,
  kind: 'user_balance' | 'user_points',
  currency: Currency,
  target: bigint,
): Promise<void> {
  const accountId = await ensureAccount(tx, kind, userId, currency);
  const current = (await findTrackedAccount(tx, kind, userId, currency))?.balance ?? 0n;
  const delta = target - current;
  if (delta === 0n) {
    return;
  }
  const funding = fundingAccount;
  const ref = `${kind}:${userId}:${currency}:${Buffer.from(deps.random.bytes(9)).toString('hex')}`;
  const entry = balancedEntry(kind === 'user_points' ? 'points' : 'topup', ref, [
    { accountId, amount: delta },
    { accountId: funding, amount: -delta },
  ]);
  const posted = await postEntry(tx, entry, currency, null, deps.clock.now(), new Set([accountId]));
  if (!posted.ok) {
    throw new Error('balance adjustment refused');
  }
}

/** Creates one test user with a wallet. */
export async function createTestUser(
  db: Database,
  deps: PaymentDeps,
  spec: TestUserSpec & { userId?: string },
): Promise<string> {
  const userId = spec.userId ?? testUserId(spec.name);
  const currencies = new Set([...Object.keys(spec.balances), ...Object.keys(spec.points)] as Currency[]);
  // Resolved before the transaction: the embedded database has one connection.
  const funding = new Map<Currency, bigint>();
  for (const c of currencies) {
    funding.set(c, await deps.accounts.funding(c));
  }
  await db.transaction(async (tx) => {
    await insertUser(tx, {
      userId,
      displayName: spec.name,
      pinHash: hashPin(sandboxPin, userId),
      createdAt: deps.clock.now(),
    });
    for (const [currency, amount] of Object.entries(spec.balances) as Array<[Currency, bigint]>) {
      await setBalance(tx, deps, funding.get(currency) ?? 0n, userId, 'user_balance', currency, amount);
    }
    for (const [currency, amount] of Object.entries(spec.points) as Array<[Currency, bigint]>) {
      await setBalance(tx, deps, funding.get(currency) ?? 0n, userId, 'user_points', currency, amount);
    }
    for (const number of spec.cards) {
      const saved = await saveCard(tx, deps, userId, number, 12, 2030, `${spec.name}'s card`);
      if (!saved.ok) {
        throw new Error(`seed card ${number.slice(-4)} refused: ${saved.code}`);
      }
    }
  });
  return userId;
}

const demoChannelKey = 'sandbox_demo_channel_id';

/** What first start creates. */
export interface SeedResult {
  readonly created: boolean;
  readonly channel?: ChannelCredentials;
  readonly users: readonly string[];
}

/** Progress of the first-start seed: called after each step (a test user, the demo channel). */
export type SeedProgress = (done: number, total: number, step: string) => void;

/** On first start (no channels yet): a demo channel and the test users. Idempotent afterwards. */
export async function seedSandbox(
  db: Database,
  deps: PaymentDeps,
  channels: ChannelService,
  onProgress?: SeedProgress,
): Promise<SeedResult> {
  if ((await countChannels(db)) > 0) {
    // Show the demo channel again on later starts: these are sandbox credentials.
    const demoId = await getSetting(db, demoChannelKey);
    const demo = demoId ? await channels.lookup(BigInt(demoId)) : undefined;
    return demo
      ? {
          created: false,
          channel: { channelId: demo.channelId, channelSecret: demo.secret, merchantId: demo.merchantId },
          users: [],
        }
      : { created: false, users: [] };
  }
  const users: string[] = [];
  const missing: TestUserSpec[] = [];
  for (const spec of seededUsers) {
    if (!(await findUser(db, testUserId(spec.name)))) {
      missing.push(spec);
    }
  }
  const total = missing.length + 1;
  for (const spec of missing) {
    users.push(await createTestUser(db, deps, spec));
    onProgress?.(users.length, total, `test user ${spec.name}`);
  }
  const channel = await channels.create({ name: 'Jinliu Demo Shop', currency: 'TWD' });
  await setSetting(db, demoChannelKey, channel.channelId.toString());
  onProgress?.(total, total, 'demo channel');
  return { created: true, channel, users };
}

/** Creates a test user on demand with a random id. */
export async function createRandomTestUser(
  db: Database,
  deps: PaymentDeps,
  input: { displayName?: string; currency?: Currency; balance?: bigint; points?: bigint },
): Promise<Result<string>> {
  const userId = newUserId(deps.random);
  const currency = input.currency ?? 'TWD';
  if ((input.balance ?? 0n) < 0n || (input.points ?? 0n) < 0n) {
    return fail('2101', 'balance and points must not be negative');
  }
  await createTestUser(db, deps, {
    userId,
    name: input.displayName ?? `Test user ${userId.slice(1, 7)}`,
    balances: { [currency]: input.balance ?? 0n },
    points: { [currency]: input.points ?? 0n },
    cards: [],
  });
  return ok(userId);
}
