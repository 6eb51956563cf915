// Connects the shop to LINE Pay through @jinliu/sdk: which channel to use, whether the host is a
// Jinliu sandbox (then the shop can make its own channel and reads the platform's clock).
import {
  createClient,
  createSandbox,
  type Endpoint,
  isLinePayError,
  type LinePayClient,
  type Sandbox,
} from '@jinliu/sdk';
import { platformClock, type ShopClock, systemClock } from './clock.ts';
import { linePayHosts } from './config.ts';
import type { Sql } from './db.ts';
import { readSetting, writeSetting } from './settings-store.ts';

/** What the rest of the shop uses to pay. */
export interface LinePaySetup {
  readonly client: LinePayClient;
  /** Present when the host is a Jinliu platform in sandbox mode. */
  readonly sandbox: Sandbox | undefined;
  readonly clock: ShopClock;
  readonly channelId: string;
  /** Where the credentials came from. */
  readonly channelSource: 'environment' | 'stored' | 'created';
}

/** Options tests (and careful operators) can set. */
export interface LinePayOptions {
  readonly baseUrl: string;
  readonly channel: { readonly channelId: string; readonly channelSecret: string } | undefined;
  /** Injected transport for the SDK client (tests simulate lost answers with it). */
  readonly fetch?: typeof fetch;
  readonly timeouts?: Partial<Record<Endpoint, number>>;
  /** Replaces the clock picked from the host. */
  readonly clock?: ShopClock;
}

/** Thrown when the shop cannot get working channel credentials. */
export class ChannelSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelSetupError';
  }
}

const channelSetting = 'linepay.channel';
const channelName = 'Jinliu Coffee';

function isLinePayHost(baseUrl: string): boolean {
  return baseUrl === linePayHosts.sandbox || baseUrl === linePayHosts.production;
}

/** What the host is: a Jinliu sandbox (answers its clock), something else, or nothing at all. */
async function probeHost(sandbox: Sandbox, baseUrl: string): Promise<'jinliu' | 'other' | 'unreachable'> {
  if (isLinePayHost(baseUrl)) {
    return 'other';
  }
  try {
    await sandbox.clock();
    return 'jinliu';
  } catch (e) {
    return isLinePayError(e) && (e.returnCode === 'NETWORK' || e.returnCode === 'TIMEOUT')
      ? 'unreachable'
      : 'other';
  }
}

/** True when the channel is known to the host: an unknown orderId answers 1150, a bad channel 1104/1106. */
async function channelWorks(client: LinePayClient): Promise<boolean> {
  try {
    await client.paymentDetails({ orderId: ['jinliu-coffee-channel-check'] });
    return true;
  } catch (e) {
    if (isLinePayError(e) && e.returnCode === '1150') {
      return true;
    }
    if (isLinePayError(e) && (e.returnCode === '1104' || e.returnCode === '1106')) {
      return false;
    }
    throw e;
  }
}

/**
 * Picks the channel: LINEPAY_CHANNEL_ID/SECRET when set; else the one this shop created earlier
 * on the same host (kept in shop_settings so restarts reuse it); else, on a Jinliu sandbox, a new
 * channel named "Jinliu Coffee". Real LINE Pay hosts need the variables.
 */
export async function setUpLinePay(db: Sql, o: LinePayOptions): Promise<LinePaySetup> {
  const sandbox = createSandbox({
    baseUrl: o.baseUrl,
    timeoutMs: 10_000,
    ...(o.fetch ? { fetch: o.fetch } : {}),
  });
  const host = await probeHost(sandbox, o.baseUrl);
  const jinliu = host === 'jinliu';
  const clock = o.clock ?? (jinliu ? platformClock(sandbox) : systemClock());
  const client = (channelId: string, channelSecret: string) =>
    createClient({
      channelId,
      channelSecret,
      baseUrl: o.baseUrl,
      ...(o.fetch ? { fetch: o.fetch } : {}),
      ...(o.timeouts ? { timeouts: o.timeouts } : {}),
    });
  const base = { sandbox: jinliu ? sandbox : undefined, clock };

  if (o.channel) {
    return {
      ...base,
      client: client(o.channel.channelId, o.channel.channelSecret),
      channelId: o.channel.channelId,
      channelSource: 'environment',
    };
  }
  const stored = await readSetting(db, channelSetting);
  if (stored) {
    const saved = JSON.parse(stored) as { baseUrl: string; channelId: string; channelSecret: string };
    if (saved.baseUrl === o.baseUrl) {
      const c = client(saved.channelId, saved.channelSecret);
      // A platform whose data was reset no longer knows the channel: make a new one then.
      if (!jinliu || (await channelWorks(c))) {
        return { ...base, client: c, channelId: saved.channelId, channelSource: 'stored' };
      }
    }
  }
  if (host === 'unreachable') {
    throw new ChannelSetupError(
      `No LINE Pay API answers at ${o.baseUrl}: start Jinliu first (npm run jinliu -- start), or set LINEPAY_BASE_URL`,
    );
  }
  if (!jinliu) {
    throw new ChannelSetupError(
      `${o.baseUrl} is not a Jinliu sandbox, so the shop cannot create its own channel: set LINEPAY_CHANNEL_ID and LINEPAY_CHANNEL_SECRET`,
    );
  }
  const created = await sandbox.createChannel({ name: channelName, currency: 'TWD' });
  await writeSetting(
    db,
    channelSetting,
    JSON.stringify({
      baseUrl: o.baseUrl,
      channelId: created.channelId,
      channelSecret: created.channelSecret,
    }),
  );
  return {
    ...base,
    client: client(created.channelId, created.channelSecret),
    channelId: created.channelId,
    channelSource: 'created',
  };
}
