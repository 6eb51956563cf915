import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { dropPostgresSchema, migrate, openDatabase } from '../src/index.ts';

it('migrates PGlite on a data directory once, and the data survives a reopen', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jinliu-db-'));
  try {
    const db = await openDatabase({ dataDir: dir });
    assert.deepEqual(await migrate(db), [
      '0001_init',
      '0002_jobs',
      '0003_wallet',
      '0004_checkout_browser',
      '0005_mycard',
    ]);
    await db.query("INSERT INTO platform_settings (key, value) VALUES ('k', 'v')");
    await db.close();
    const again = await openDatabase({ dataDir: dir });
    assert.deepEqual(await migrate(again), []);
    assert.deepEqual(await again.query('SELECT value FROM platform_settings'), [{ value: 'v' }]);
    await again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it('migrates PostgreSQL concurrently without racing', {
  skip: !process.env.DATABASE_URL && 'DATABASE_URL not set',
}, async () => {
  const url = process.env.DATABASE_URL ?? '';
  const schema = `t_migrate_${process.pid}`;
  const a = await openDatabase({ url, schema, poolSize: 2 });
  const b = await openDatabase({ url, schema, poolSize: 2 });
  try {
    const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
    assert.deepEqual([...ra, ...rb].sort(), [
      '0001_init',
      '0002_jobs',
      '0003_wallet',
      '0004_checkout_browser',
      '0005_mycard',
    ]);
  } finally {
    await a.close();
    await b.close();
    await dropPostgresSchema(url, schema);
  }
});
