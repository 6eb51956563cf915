// `npm start` (scripts/start.ts) as a newcomer runs it: the platform and the shop in one process,
// both URLs printed, the shop paying through the platform it started, Ctrl+C stopping both. And
// the shop alone (examples/shop/server/main.ts): its help, and a clear word when no platform runs.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dropPostgresSchema, openDatabase } from '@jinliu/db';
import { prepareDataDir } from '../../../packages/web/e2e/helpers/data-dir.ts';
import { freshShopDataDir } from './helpers/shop-data-dir.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') {
    throw new Error('no port');
  }
  return address.port;
}

/** Resolves with everything printed once `marker` appears (rejects if the process exits first). */
function waitFor(child: ChildProcess, marker: string, timeoutMs: number): Promise<string> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "${marker}" within ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes(marker)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before "${marker}":\n${out}`));
    });
  });
}

it('runs the platform and the shop together, prints both URLs, and stops both on SIGTERM', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jinliu-npm-start-'));
  const shopDir = await freshShopDataDir();
  const [port, shopPort] = [await freePort(), await freePort()];
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    SHOP_PORT: String(shopPort),
    JINLIU_DATA_DIR: join(dir, 'data'),
    SHOP_DATA_DIR: shopDir,
    LOG_LEVEL: 'warn',
    SHOP_LOG_LEVEL: 'warn',
    NO_COLOR: '1',
  };
  // Same storage mode as the rest of the suite: a private schema on PostgreSQL, else a PGlite copy.
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `npm_start_${randomBytes(6).toString('hex')}` : undefined;
  if (databaseUrl && schema) {
    await (await openDatabase({ url: databaseUrl, schema, poolSize: 1 })).close();
    env.DATABASE_URL = `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  } else {
    await prepareDataDir(env.JINLIU_DATA_DIR ?? '');
  }
  if (process.env.REDIS_URL) {
    env.REDIS_URL = process.env.REDIS_URL;
  }
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const out = await waitFor(child, 'Press Ctrl+C to stop both.', 90_000);
    const platformUrl = `http://127.0.0.1:${port}`;
    const shopUrl = `http://127.0.0.1:${shopPort}`;
    assert.match(out, /Jinliu is running \(sandbox, role all, ready in \d+ ms\)/);
    assert.ok(
      out.includes(
        `  API        ${platformUrl}   (Online v3 at /v3/payments/..., docs at ${platformUrl}/docs)`,
      ),
      out,
    );
    assert.ok(out.includes(`  Shop       ${shopUrl}   — buy something, pay as alice (PIN 123456)`), out);
    assert.ok(out.includes(`  Admin      ${shopUrl}/admin   (password admin)`), out);
    assert.match(
      out,
      new RegExp(`LINE Pay   ${platformUrl}, channel \\d+ \\(created just now on the sandbox\\)`),
    );

    // The shop pays through the platform it was started with.
    const home = await fetch(shopUrl);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /text\/html/);
    const started = await fetch(`${shopUrl}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'pay', lines: [{ productId: 'house-blend', quantity: 1 }] }),
    });
    assert.equal(started.status, 201);
    const { paymentUrl } = (await started.json()) as { paymentUrl: string };
    assert.ok(paymentUrl.startsWith(`${platformUrl}/web/payment/wait?transactionReserveId=`), paymentUrl);
    assert.equal((await fetch(paymentUrl)).status, 200, 'the hosted checkout page is served');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, 'a clean stop');
    await assert.rejects(fetch(shopUrl), 'the shop is closed');
    await assert.rejects(fetch(`${platformUrl}/healthz`), 'the platform is closed');
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
    await rm(dirname(shopDir), { recursive: true, force: true });
    if (databaseUrl && schema) {
      await dropPostgresSchema(databaseUrl, schema);
    }
  }
});

it('runs the shop alone with --help, and says so in one line when no LINE Pay API answers', async () => {
  const main = 'examples/shop/server/main.ts';
  const help = spawnSync(process.execPath, [main, '--help'], { cwd: repo, encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  for (const name of ['SHOP_PORT', 'LINEPAY_BASE_URL', 'LINEPAY_CHANNEL_ID', 'SHOP_ADMIN_PASSWORD']) {
    assert.ok(help.stdout.includes(name), name);
  }
  const bad = spawnSync(process.execPath, [main, '--colour'], { cwd: repo, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  const badEnv = spawnSync(process.execPath, [main], {
    cwd: repo,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', SHOP_PORT: 'x', LINEPAY_ENV: 'staging' },
  });
  assert.equal(badEnv.status, 2);
  assert.match(badEnv.stderr, /SHOP_PORT must be a whole number/);
  assert.match(badEnv.stderr, /LINEPAY_ENV must be jinliu, sandbox or production/);

  const shopDir = await freshShopDataDir();
  try {
    const closed = await freePort();
    const alone = spawnSync(process.execPath, [main], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        SHOP_PORT: '0',
        SHOP_DATA_DIR: shopDir,
        LINEPAY_BASE_URL: `http://127.0.0.1:${closed}`,
      },
    });
    assert.equal(alone.status, 2, alone.stderr);
    assert.equal(
      alone.stderr.trim(),
      `No LINE Pay API answers at http://127.0.0.1:${closed}: start Jinliu first (npm run jinliu -- start), or set LINEPAY_BASE_URL`,
    );
  } finally {
    await rm(dirname(shopDir), { recursive: true, force: true });
  }
});
