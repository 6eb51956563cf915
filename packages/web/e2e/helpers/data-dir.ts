// A migrated embedded-database directory made once per migration set and copied for each
// test file: a fresh PGlite initdb takes seconds, a copy a fraction of one.
import { createHash, randomBytes } from 'node:crypto';
import { cp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase } from '@jinliu/db';

const migrationsDir = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));

async function migrationsHash(): Promise<string> {
  const h = createHash('sha256');
  for (const f of (await readdir(migrationsDir)).sort()) {
    h.update(f).update(await readFile(join(migrationsDir, f)));
  }
  return h.digest('hex').slice(0, 12);
}

async function template(): Promise<string> {
  const dir = join(tmpdir(), `jinliu-e2e-pglite-${await migrationsHash()}`);
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
  // Another test process may have finished first; theirs is equivalent.
  await rename(building, dir).catch(() => rm(building, { recursive: true, force: true }));
  return dir;
}

/** Fills `dataDir` with a migrated, empty embedded database. */
export async function prepareDataDir(dataDir: string): Promise<void> {
  await cp(await template(), dataDir, { recursive: true });
}
