// A migrated shop database made once per migration set and copied for each test: a fresh
// PGlite initdb takes seconds, a copy a fraction of one.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationFiles, openShopDb } from '../../server/db.ts';

async function template(): Promise<string> {
  const dir = join(tmpdir(), `jinliu-shop-pglite-${(await migrationFiles()).hash}`);
  if (
    await stat(dir).then(
      () => true,
      () => false,
    )
  ) {
    return dir;
  }
  const building = `${dir}.build-${process.pid}-${randomBytes(4).toString('hex')}`;
  await (await openShopDb(building)).close();
  // Another test process may have finished first; theirs is equivalent.
  await rename(building, dir).catch(() => rm(building, { recursive: true, force: true }));
  return dir;
}

/** A fresh temporary folder holding a migrated, empty shop database; remove it with `rm`. */
export async function freshShopDataDir(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'jinliu-shop-test-'));
  const dir = join(root, 'shop');
  await cp(await template(), dir, { recursive: true });
  return dir;
}
