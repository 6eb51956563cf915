// Starts the real platform (its public entry) on a free port with a private database, plus a
// tiny merchant site the checkout sends the browser back to, and makes signed v3 calls.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyring, signV3 } from '@jinliu/core';
import { dropPostgresSchema, openDatabase } from '@jinliu/db';
import { loadConfig, type RunningServer, startServer } from '@jinliu/server';
import { prepareDataDir } from './data-dir.ts';

/** A request the merchant site received. */
export interface MerchantHit {
  readonly path: string;
  readonly query: URLSearchParams;
}

/** A JSON answer: HTTP status and the parsed body (19-digit ids kept as strings). */
export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
}

/** A LINE Pay answer: its return code and `info`. */
export interface V3Reply {
  readonly status: number;
  readonly returnCode: string;
  readonly info: unknown;
}

/** How a confirmed payment was paid: [method, amount] pairs. */
export type PayInfo = ReadonlyArray<readonly [string, number]>;

/** A payment request as the merchant made it. */
export interface Requested {
  readonly transactionId: string;
  readonly reserveId: string;
  readonly webUrl: string;
  readonly appUrl: string;
  readonly accessToken: string;
  readonly orderId: string;
}

/** The running platform, its demo channel and the merchant site. */
export interface Platform {
  readonly url: string;
  readonly merchantUrl: string;
  readonly hits: MerchantHit[];
  v3(method: 'GET' | 'POST', pathAndQuery: string, body?: unknown): Promise<V3Reply>;
  /** The merchant confirms (TWD): the return code and how it was paid. */
  confirm(transactionId: string, amount: number): Promise<{ returnCode: string; payInfo: PayInfo }>;
  sandbox(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<JsonReply>;
  /** A test user's id by display name. */
  userId(displayName: string): Promise<string>;
  requestPayment(input: {
    orderId: string;
    amount: number;
    locale?: string;
    confirmUrlType?: 'CLIENT' | 'SERVER' | 'NONE';
    /** Only the browser that started the payment may open the confirmUrl. */
    checkConfirmUrlBrowser?: boolean;
    products?: ReadonlyArray<{ name: string; quantity: number; price: number }>;
  }): Promise<Requested>;
  close(): Promise<void>;
}

/** Parses JSON keeping integers of 16+ digits exact, as strings. */
function parseIds(text: string): unknown {
  return JSON.parse(text, (_key, value, context?: { source?: string }) =>
    typeof value === 'number' && context?.source && /^-?\d{16,}$/.test(context.source)
      ? context.source
      : value,
  );
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') {
    throw new Error('no port');
  }
  return address.port;
}

async function merchantSite(hits: MerchantHit[]): Promise<{ server: Server; url: string }> {
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://merchant.test');
    hits.push({ path: url.pathname, query: url.searchParams });
    const title = url.pathname === '/confirm' ? 'Thanks for your order' : 'Payment cancelled';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>${title}</title><h1>${title}</h1><p>Test merchant</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') {
    throw new Error('no merchant port');
  }
  return { server, url: `http://127.0.0.1:${address.port}` };
}

/** Starts a platform for one test file. */
export async function startPlatform(): Promise<Platform> {
  const dir = await mkdtemp(join(tmpdir(), 'jinliu-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    JINLIU_DATA_DIR: join(dir, 'data'),
    JINLIU_PUBLIC_URL: url,
  };
  const databaseUrl = process.env.DATABASE_URL;
  let schema: string | undefined;
  if (databaseUrl) {
    schema = `e2e_${randomBytes(6).toString('hex')}`;
    await (await openDatabase({ url: databaseUrl, schema, poolSize: 1 })).close();
    env.DATABASE_URL = `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  if (!databaseUrl) {
    await prepareDataDir(env.JINLIU_DATA_DIR ?? '');
  }
  if (process.env.REDIS_URL) {
    env.REDIS_URL = process.env.REDIS_URL;
  }
  const keyring = createKeyring(new Map([['e2e', new Uint8Array(32).fill(7)]]), 'e2e');
  let server: RunningServer;
  try {
    server = await startServer(loadConfig(env), { keyring });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const channel = server.seed?.channel;
  if (!channel) {
    throw new Error('the sandbox did not seed a demo channel');
  }
  const hits: MerchantHit[] = [];
  const merchant = await merchantSite(hits);
  let nonce = 0;

  const call = async (method: string, path: string, headers: Record<string, string>, body?: string) => {
    const res = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    return { status: res.status, body: text ? parseIds(text) : undefined };
  };
  const platform: Platform = {
    url,
    merchantUrl: merchant.url,
    hits,
    async v3(method, pathAndQuery, body) {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const [path = '', query = ''] = pathAndQuery.split('?');
      nonce += 1;
      const n = `e2e-${process.pid}-${Date.now()}-${nonce}`;
      const signature = signV3(channel.channelSecret, path, method === 'GET' ? query : payload, n);
      const r = await call(
        method,
        pathAndQuery,
        {
          'content-type': 'application/json',
          'x-line-channelid': channel.channelId.toString(),
          'x-line-authorization-nonce': n,
          'x-line-authorization': signature,
        },
        method === 'POST' ? payload : undefined,
      );
      const reply = (r.body ?? {}) as { returnCode?: unknown; info?: unknown };
      return { status: r.status, returnCode: String(reply.returnCode), info: reply.info };
    },
    async confirm(transactionId, amount) {
      const r = await platform.v3('POST', `/v3/payments/${transactionId}/confirm`, {
        amount,
        currency: 'TWD',
      });
      const parts =
        (r.info as { payInfo?: Array<{ method: string; amount: number }> } | undefined)?.payInfo ?? [];
      return { returnCode: r.returnCode, payInfo: parts.map((x) => [x.method, x.amount] as const) };
    },
    async userId(displayName) {
      const r = await platform.sandbox('GET', '/sandbox/v1/users');
      const users = (r.body as { users: Array<{ userId: string; displayName: string }> }).users;
      const user = users.find((u) => u.displayName === displayName);
      if (!user) {
        throw new Error(`no test user ${displayName}`);
      }
      return user.userId;
    },
    sandbox(method, path, body) {
      return call(
        method,
        path,
        { 'content-type': 'application/json' },
        body === undefined ? undefined : JSON.stringify(body),
      );
    },
    async requestPayment({ orderId, amount, locale, confirmUrlType, checkConfirmUrlBrowser, products }) {
      const lines = products ?? [{ name: 'Green tea latte', quantity: 1, price: amount }];
      const display = {
        ...(locale ? { locale } : {}),
        ...(checkConfirmUrlBrowser ? { checkConfirmUrlBrowser } : {}),
      };
      const r = await platform.v3('POST', '/v3/payments/request', {
        amount,
        currency: 'TWD',
        orderId,
        packages: [{ id: 'pkg-1', amount, name: 'Cafe', products: lines }],
        redirectUrls: {
          confirmUrl: `${merchant.url}/confirm`,
          cancelUrl: `${merchant.url}/cancel`,
          ...(confirmUrlType ? { confirmUrlType } : {}),
        },
        ...(Object.keys(display).length > 0 ? { options: { display } } : {}),
      });
      if (r.returnCode !== '0000') {
        throw new Error(`request failed: ${r.returnCode}`);
      }
      const info = r.info as {
        transactionId: string;
        paymentAccessToken: string;
        paymentUrl: { web: string; app: string };
      };
      const web = new URL(info.paymentUrl.web);
      return {
        transactionId: String(info.transactionId),
        reserveId: web.searchParams.get('transactionReserveId') ?? '',
        webUrl: info.paymentUrl.web,
        appUrl: info.paymentUrl.app,
        accessToken: info.paymentAccessToken,
        orderId,
      };
    },
    async close() {
      await new Promise((resolve) => merchant.server.close(resolve));
      await server.close();
      await rm(dir, { recursive: true, force: true });
      if (databaseUrl && schema) {
        await dropPostgresSchema(databaseUrl, schema);
      }
    },
  };
  return platform;
}
