// A real Jinliu platform (its own database, manual clock, seeded test users) and the shop
// running against it over HTTP, plus the calls a test makes as the shopper, the admin and the
// LINE Pay user (through the sandbox helpers).
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { after, before } from 'node:test';
import { type Endpoint, parseConfirmUrl, type Sandbox } from '@jinliu/sdk';
import { startPlatform, type TestPlatform } from '../../../../packages/server/test/helpers/test-app.ts';
import { loadShopConfig } from '../../server/config.ts';
import { type RunningShop, startShop } from '../../server/start-shop.ts';
import { freshShopDataDir } from './shop-data-dir.ts';

/** An HTTP answer of the shop. */
export interface Reply {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the shop's JSON by its documented shape
  readonly body: any;
  readonly headers: Headers;
}

/** Options of a harness. */
export interface HarnessOptions {
  /** Wraps the real fetch the shop's SDK client uses (to lose answers on purpose). */
  readonly transport?: (real: typeof fetch) => typeof fetch;
  readonly timeouts?: Partial<Record<Endpoint, number>>;
  readonly adminPassword?: string;
}

/** A running platform shared by the tests of one file (each test gets its own shop). */
export interface SharedPlatform {
  readonly platform: TestPlatform;
  readonly url: string;
}

/**
 * Registers hooks that start one platform for the file and stop it at the end; returns a getter.
 * Tests run one after another within a file, so a test that moves the sandbox clock only
 * shifts later tests in time; each test's own shop makes its own channel and orders.
 */
export function platformForFile(): () => SharedPlatform {
  let shared: SharedPlatform | undefined;
  before(async () => {
    const platform = await startPlatform({ listen: true });
    shared = { platform, url: `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}` };
  });
  after(async () => {
    await shared?.platform.close();
  });
  return () => {
    if (!shared) {
      throw new Error('the platform is not started: call platformForFile() inside describe()');
    }
    return shared;
  };
}

/** Runs `test` with a fresh shop on the file's platform, closing the shop afterwards. */
export async function withShop(
  platform: () => SharedPlatform,
  test: (h: Harness) => Promise<void>,
  options: HarnessOptions = {},
): Promise<void> {
  const h = await startHarness(platform(), options);
  try {
    await test(h);
  } finally {
    await h.close();
  }
}

/** A shop on the shared platform, for one test. */
export interface Harness {
  readonly platform: TestPlatform;
  readonly platformUrl: string;
  readonly shop: RunningShop;
  readonly sandbox: Sandbox;
  api(method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Puts a cart through checkout; returns the order id and its LINE Pay transaction id. */
  checkout(
    lines: ReadonlyArray<{ productId: string; quantity: number }>,
    mode?: 'pay' | 'reserve',
  ): Promise<{ orderId: string; transactionId: bigint; paymentUrl: string }>;
  /** Approves as alice (or `userId`) on the payment page; returns the URL the browser is sent to. */
  approve(transactionId: bigint, input?: Parameters<Sandbox['approve']>[1]): Promise<string>;
  /** What the shop's return page does with LINE Pay's confirm URL. */
  returnFrom(confirmUrl: string): Promise<Reply>;
  /** Calls the admin API signed in. */
  admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply>;
  /** alice's TWD balance on the platform. */
  aliceBalance(): Promise<number>;
  close(): Promise<void>;
}

/** Starts a shop against the shared platform (background jobs off: tests run them by hand). */
export async function startHarness(shared: SharedPlatform, options: HarnessOptions = {}): Promise<Harness> {
  const { platform, url: platformUrl } = shared;
  const dataDir = await freshShopDataDir();
  const password = options.adminPassword ?? 'test-admin-password';
  let shop: RunningShop;
  try {
    shop = await startShop(
      loadShopConfig({
        SHOP_PORT: '0',
        SHOP_DATA_DIR: dataDir,
        LINEPAY_BASE_URL: platformUrl,
        SHOP_ADMIN_PASSWORD: password,
        SHOP_LOG_LEVEL: 'silent',
        SHOP_RECONCILE_INTERVAL_SECONDS: '0',
        SHOP_BILLING_INTERVAL_SECONDS: '0',
      }),
      {
        ...(options.transport ? { fetch: options.transport(globalThis.fetch) } : {}),
        ...(options.timeouts ? { timeouts: options.timeouts } : {}),
      },
    );
  } catch (e) {
    await rm(dirname(dataDir), { recursive: true, force: true });
    throw e;
  }
  const sandbox = shop.sandbox;
  if (!sandbox) {
    throw new Error('the shop did not recognise the Jinliu sandbox');
  }
  let cookie: string | undefined;

  const api: Harness['api'] = async (method, path, body, headers = {}) => {
    const res = await fetch(`${shop.url}${path}`, {
      method,
      headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };

  const harness: Harness = {
    platform,
    platformUrl,
    shop,
    sandbox,
    api,
    async checkout(lines, mode = 'pay') {
      const started = await api('POST', '/api/checkout', { lines, mode });
      if (started.status !== 201) {
        throw new Error(`checkout failed: ${started.status} ${JSON.stringify(started.body)}`);
      }
      const order = await api('GET', `/api/orders/${started.body.orderId}`);
      return {
        orderId: started.body.orderId,
        transactionId: BigInt(order.body.transactionId),
        paymentUrl: started.body.paymentUrl,
      };
    },
    async approve(transactionId, input = {}) {
      const { redirectUrl } = await sandbox.approve(transactionId, { userId: platform.alice, ...input });
      if (!redirectUrl) {
        throw new Error('the approval sent the browser nowhere');
      }
      return redirectUrl;
    },
    async returnFrom(confirmUrl) {
      const { transactionId, orderId } = parseConfirmUrl(confirmUrl);
      return api('POST', `/api/orders/${orderId}/return`, { transactionId: transactionId.toString() });
    },
    async admin(method, path, body) {
      if (!cookie) {
        const signIn = await api('POST', '/api/admin/session', { password });
        cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
      }
      return api(method, path, body, { cookie: cookie ?? '' });
    },
    async aliceBalance() {
      const alice = (await sandbox.users()).find((u) => u.userId === platform.alice);
      const account = alice?.accounts.find((a) => a.kind === 'balance' && a.currency === 'TWD');
      if (!account) {
        throw new Error('alice has no TWD balance');
      }
      return account.balance;
    },
    async close() {
      await shop.close();
      await rm(dirname(dataDir), { recursive: true, force: true });
    },
  };
  return harness;
}
