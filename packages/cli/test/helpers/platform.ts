// A real platform on a free port with a private database (PostgreSQL schema when DATABASE_URL
// is set, else a copy of a migrated PGlite directory), and the CLI run as a child process.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKeyring, signV3 } from '@jinliu/core';
import { dropPostgresSchema, migrate, openDatabase } from '@jinliu/db';
import { loadConfig, startServer } from '@jinliu/server';

const cli = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const migrationsDir = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));

/** What a CLI run ended with. */
export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs `jinliu …` in a child process with extra environment (undefined removes a variable). */
export function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: childEnv(env) });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** The environment of a CLI child: this process's, without colours, plus `env`. */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) {
      delete merged[key];
    }
  }
  return merged;
}

/** Parses JSON keeping integers of 16+ digits exact, as strings. */
export function parseIds(text: string): unknown {
  return JSON.parse(text, (_key, value, context?: { source?: string }) =>
    typeof value === 'number' && context?.source && /^-?\d{16,}$/.test(context.source)
      ? context.source
      : value,
  );
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') {
    throw new Error('no free port');
  }
  return address.port;
}

/** A migrated empty PGlite directory, built once per migration set and copied per platform. */
async function pgliteTemplate(): Promise<string> {
  const h = createHash('sha256');
  for (const f of (await readdir(migrationsDir)).sort()) {
    h.update(f).update(await readFile(join(migrationsDir, f)));
  }
  const dir = join(tmpdir(), `jinliu-cli-pglite-${h.digest('hex').slice(0, 12)}`);
  if (
    await stat(dir).then(
      () => true,
      () => false,
    )
  ) {
    return dir;
  }
  const building = `${dir}.build-${process.pid}-${randomBytes(4).toString('hex')}`;
  const db = await openDatabase({ dataDir: building });
  await migrate(db);
  await db.close();
  // A parallel test file may have finished first; its copy is equivalent.
  await rename(building, dir).catch(() => rm(building, { recursive: true, force: true }));
  return dir;
}

/** A running platform and a signed Online v3 caller for any channel. */
export interface TestPlatform {
  readonly url: string;
  v3(
    channel: { channelId: string; channelSecret: string },
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ returnCode: string; info: unknown }>;
  /** Requests a TWD payment on the channel; returns its transaction id (as text). */
  request(
    channel: { channelId: string; channelSecret: string },
    orderId: string,
    amount: number,
  ): Promise<string>;
  close(): Promise<void>;
}

/** A private, migrated, empty database and the configuration of a platform on a free port using it. */
export async function privateStorage(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'jinliu-cli-platform-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PORT: String(port),
    LOG_LEVEL: 'silent',
    JINLIU_DATA_DIR: join(dir, 'data'),
    JINLIU_PUBLIC_URL: url,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
  };
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `cli_${randomBytes(6).toString('hex')}` : undefined;
  if (databaseUrl && schema) {
    await (await openDatabase({ url: databaseUrl, schema, poolSize: 1 })).close();
    env.DATABASE_URL = `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  } else {
    await cp(await pgliteTemplate(), join(dir, 'data'), { recursive: true });
  }
  return {
    env,
    async dispose() {
      await rm(dir, { recursive: true, force: true });
      if (databaseUrl && schema) {
        await dropPostgresSchema(databaseUrl, schema);
      }
    },
  };
}

/** Starts the platform in this process (sandbox mode) with `env` added to its configuration. */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const storage = await privateStorage();
  const url = storage.env.JINLIU_PUBLIC_URL ?? '';
  const keyring = createKeyring(new Map([['cli', new Uint8Array(32).fill(5)]]), 'cli');
  const server = await startServer(loadConfig({ ...storage.env, ...env }), { keyring }).catch(async (e) => {
    await storage.dispose();
    throw e;
  });
  let nonce = 0;
  const platform: TestPlatform = {
    url,
    async v3(channel, method, pathAndQuery, body) {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const [path = '', query = ''] = pathAndQuery.split('?');
      nonce += 1;
      const n = `cli-${process.pid}-${Date.now()}-${nonce}`;
      const res = await fetch(`${url}${pathAndQuery}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-line-channelid': channel.channelId,
          'x-line-authorization-nonce': n,
          'x-line-authorization': signV3(channel.channelSecret, path, method === 'GET' ? query : payload, n),
        },
        ...(method === 'POST' ? { body: payload } : {}),
      });
      const reply = parseIds(await res.text()) as { returnCode?: unknown; info?: unknown };
      return { returnCode: String(reply.returnCode), info: reply.info };
    },
    async request(channel, orderId, amount) {
      const r = await platform.v3(channel, 'POST', '/v3/payments/request', {
        amount,
        currency: 'TWD',
        orderId,
        packages: [{ id: 'p1', amount, products: [{ name: 'Oolong tea', quantity: 1, price: amount }] }],
        redirectUrls: {
          confirmUrl: 'https://shop.example/confirm',
          cancelUrl: 'https://shop.example/cancel',
        },
      });
      if (r.returnCode !== '0000') {
        throw new Error(`request ${orderId} failed: ${r.returnCode}`);
      }
      return String((r.info as { transactionId: string }).transactionId);
    },
    async close() {
      await server.close();
      await storage.dispose();
    },
  };
  return platform;
}
