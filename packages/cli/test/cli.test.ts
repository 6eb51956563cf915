import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dropPostgresSchema, migrate, openDatabase } from '@jinliu/db';

const cli = fileURLToPath(new URL('../src/main.ts', import.meta.url));

function run(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
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

describe('jinliu CLI', () => {
  let dir: string;
  let env: Record<string, string | undefined>;
  let schema: string | undefined;
  const url = process.env.DATABASE_URL;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jinliu-cli-'));
    if (url) {
      schema = `t_cli_${randomBytes(5).toString('hex')}`;
      const sep = url.includes('?') ? '&' : '?';
      env = {
        DATABASE_URL: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        JINLIU_DATA_DIR: join(dir, 'data'),
      };
      const db = await openDatabase({ url, schema, poolSize: 1 });
      await db.close();
    } else {
      env = { DATABASE_URL: undefined, JINLIU_DATA_DIR: join(dir, 'data') };
    }
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    if (url && schema) {
      await dropPostgresSchema(url, schema);
    }
  });

  it('prints help with every command and configuration variable', async () => {
    const r = await run(['--help'], env);
    assert.equal(r.code, 0);
    assert.match(r.out, /jinliu start \[--role all\|api\|worker\]/);
    assert.match(r.out, /jinliu ledger verify/);
    assert.match(r.out, /JINLIU_NONCE_WINDOW_SECONDS/);
  });

  it('exits 2 with one line per bad configuration value', async () => {
    const r = await run(['migrate'], { ...env, PORT: 'eighty', JINLIU_MODE: 'prod' });
    assert.equal(r.code, 2);
    assert.match(r.err, /PORT=eighty must be a whole number/);
    assert.match(r.err, /JINLIU_MODE=prod must be one of sandbox, live/);
  });

  it('exits 2 on an unknown command or role', async () => {
    assert.equal((await run(['frobnicate'], env)).code, 2);
    assert.equal((await run(['start', '--role', 'chef'], env)).code, 2);
  });

  it('migrates, then verifies the ledger (exit 0) and finds a broken entry (exit 1)', async () => {
    const migrated = await run(['migrate', '--json'], env);
    assert.equal(migrated.code, 0, migrated.err);
    assert.deepEqual(JSON.parse(migrated.out), {
      applied: ['0001_init', '0002_jobs', '0003_wallet', '0004_checkout_browser', '0005_mycard'],
    });
    const ok = await run(['ledger', 'verify', '--json'], env);
    assert.equal(ok.code, 0, ok.err);
    assert.deepEqual(JSON.parse(ok.out).problems, []);

    // Corrupt the ledger behind the platform's back: an entry whose postings do not balance.
    const db =
      url && schema
        ? await openDatabase({ url, schema, poolSize: 1 })
        : await openDatabase({ dataDir: join(dir, 'data') });
    try {
      await migrate(db);
      await db.query(
        "INSERT INTO accounts (kind, owner, currency, tracked) VALUES ('sandbox_funding', 'x', 'TWD', false)",
      );
      await db.query(
        "INSERT INTO journal_entries (kind, ref, currency, created_at) VALUES ('topup', 'broken', 'TWD', now())",
      );
      await db.query(
        "INSERT INTO postings (entry_id, account_id, currency, amount) SELECT e.entry_id, a.account_id, 'TWD', 5 FROM journal_entries e, accounts a WHERE e.ref = 'broken' AND a.owner = 'x'",
      );
    } finally {
      await db.close();
    }
    const broken = await run(['ledger', 'verify'], env);
    assert.equal(broken.code, 1);
    assert.match(broken.out, /\[entry-balances\] entry \d+ sums to 5 TWD/);
  });
});
