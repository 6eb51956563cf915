// Starts the shop: its database, its LINE Pay connection, the HTTP app and the two background
// jobs (reconciler and billing). Used by `node examples/shop/server/main.ts`, `npm start` and
// the tests.
import { createServer } from 'node:net';
import type { Endpoint, Sandbox } from '@jinliu/sdk';
import { buildShopApp } from './app.ts';
import { type BillingReport, runBilling } from './billing.ts';
import type { ShopClock } from './clock.ts';
import type { ShopConfig } from './config.ts';
import { type MembershipSetup, randomId, type ShopContext } from './context.ts';
import { openShopDb, type ShopDb } from './db.ts';
import { ensureDemoMembers } from './members-store.ts';
import {
  bindingUrlOf,
  defaultLogoUrl,
  type MembershipProgram,
  setUpMembershipProgram,
} from './membership-program.ts';
import { type LinePaySetup, setUpLinePay } from './payment-setup.ts';
import { type ReconcileReport, reconcileOnce } from './reconcile.ts';
import { every } from './ticker.ts';

/** What tests (and careful embedders) may replace. */
export interface ShopOverrides {
  /** Transport of the SDK client and sandbox helper (tests simulate lost answers with it). */
  readonly fetch?: typeof fetch;
  readonly timeouts?: Partial<Record<Endpoint, number>>;
  readonly clock?: ShopClock;
  readonly newId?: (prefix: string) => string;
  readonly distDir?: string;
  /** How long a confirmer holds an order (default 2 minutes: longer than a confirm can take). */
  readonly confirmLeaseMs?: number;
}

/** A running shop. */
export interface RunningShop {
  /** Where it listens. */
  readonly url: string;
  /** Where shoppers reach it. */
  readonly publicUrl: string;
  readonly ctx: ShopContext;
  readonly channelId: string;
  readonly channelSource: LinePaySetup['channelSource'];
  /** The shop's My Card program (on a Jinliu sandbox), or why there is none. */
  readonly membership:
    | (MembershipSetup & { readonly source: MembershipProgram['source']; readonly bindingUrl: string })
    | { readonly unavailable: string };
  /** The Jinliu sandbox helper when the shop runs against one. */
  readonly sandbox: Sandbox | undefined;
  /** One reconciliation pass now (orders older than `olderThanMs`, default the configured threshold). */
  reconcile(olderThanMs?: number): Promise<ReconcileReport>;
  /** One billing run now. */
  runBilling(): Promise<BillingReport>;
  close(): Promise<void>;
}

async function freePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') {
    throw new Error('no free port');
  }
  return address.port;
}

/**
 * On a Jinliu sandbox: the demo members and the card program (registered once, kept in
 * shop_settings). Elsewhere, or when the platform refuses, the shop runs without cards and says why.
 */
async function setUpMembership(
  db: ShopDb,
  linePay: LinePaySetup,
  config: ShopConfig,
  publicUrl: string,
): Promise<RunningShop['membership']> {
  if (!linePay.sandbox) {
    return { unavailable: 'My Card is a Jinliu feature; this LINE Pay host has no card programs' };
  }
  try {
    await ensureDemoMembers(db, await linePay.clock.now());
    const program = await setUpMembershipProgram(db, linePay.client, {
      baseUrl: config.linePayBaseUrl,
      channelId: linePay.channelId,
      publicUrl,
      logoUrl: config.membershipLogoUrl ?? defaultLogoUrl(publicUrl),
    });
    return {
      programId: program.programId,
      channelId: linePay.channelId,
      walletOrigin: program.walletOrigin,
      demo: true,
      source: program.source,
      bindingUrl: bindingUrlOf(publicUrl),
    };
  } catch (e) {
    return {
      unavailable: `registering the card program failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Starts the shop with `config`; SHOP_PORT=0 picks a free port. */
export async function startShop(config: ShopConfig, overrides: ShopOverrides = {}): Promise<RunningShop> {
  const port = config.port === 0 ? await freePort(config.host) : config.port;
  const publicUrl = config.port === 0 ? config.publicUrl.replace(/:0$/, `:${port}`) : config.publicUrl;
  const db = await openShopDb(config.dataDir);
  try {
    const linePay = await setUpLinePay(db, {
      baseUrl: config.linePayBaseUrl,
      channel: config.channel,
      ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
      ...(overrides.timeouts ? { timeouts: overrides.timeouts } : {}),
      ...(overrides.clock ? { clock: overrides.clock } : {}),
    });
    const membership = await setUpMembership(db, linePay, config, publicUrl);
    const { app, ctx } = await buildShopApp({
      context: {
        db,
        linePay: linePay.client,
        clock: linePay.clock,
        publicUrl,
        newId: overrides.newId ?? randomId,
        confirmLeaseMs: overrides.confirmLeaseMs ?? 2 * 60_000,
        membership: 'programId' in membership ? membership : undefined,
      },
      adminPassword: config.adminPassword,
      logLevel: config.logLevel,
      sandbox: linePay.sandbox,
      ...(overrides.distDir ? { distDir: overrides.distDir } : {}),
    });
    // Fastify announces the address at info level; the caller prints its own banner instead.
    const level = app.log.level;
    app.log.level = 'warn';
    await app.listen({ port, host: config.host });
    app.log.level = level;
    if ('unavailable' in membership) {
      ctx.log.warn({ reason: membership.unavailable }, 'membership cards are off');
    }
    const reconciler = every(
      'reconcile',
      config.reconcileIntervalMs,
      () => reconcileOnce(ctx, config.reconcileAfterMs),
      ctx.log,
    );
    const billing = every('billing', config.billingIntervalMs, () => runBilling(ctx), ctx.log);
    let closing: Promise<void> | undefined;
    return {
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      publicUrl,
      ctx,
      channelId: linePay.channelId,
      channelSource: linePay.channelSource,
      membership,
      sandbox: linePay.sandbox,
      reconcile: (olderThanMs = config.reconcileAfterMs) => reconcileOnce(ctx, olderThanMs),
      runBilling: () => runBilling(ctx),
      close() {
        closing ??= (async () => {
          await Promise.all([reconciler.stop(), billing.stop()]);
          await app.close();
          await db.close();
        })();
        return closing;
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
