import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, dropPostgresSchema, migrate, openDatabase } from '@jinliu/db';

const migrationsDir = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));

async function migrationsHash(): Promise<string> {
  const h = createHash('sha256');
  for (const f of (await readdir(migrationsDir)).sort()) {
    h.update(f).update(await readFile(join(migrationsDir, f)));
  }
  return h.digest('hex').slice(0, 12);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * A migrated PGlite data directory made once per migration set and copied per test:
 * a fresh PGlite initdb takes seconds, reopening a copy a few hundred milliseconds.
 */
async function pgliteTemplate(): Promise<string> {
  const dir = join(tmpdir(), `jinliu-pglite-template-${await migrationsHash()}`);
  if (await exists(dir)) {
    return dir;
  }
  const building = `${dir}.build-${process.pid}-${randomBytes(4).toString('hex')}`;
  const db = await openDatabase({ dataDir: building });
  await migrate(db);
  await db.close();
  await rename(building, dir).catch(async () => {
    // Another test process finished first; theirs is equivalent.
    await rm(building, { recursive: true, force: true });
  });
  return dir;
}

/** A private database for one test app: a PostgreSQL schema when DATABASE_URL is set, else a PGlite copy. */
export async function openTestDatabase(): Promise<{ db: Database; dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
    const db = await openDatabase({ url, schema, poolSize: 8 });
    return {
      db,
      async dispose() {
        await db.close();
        await dropPostgresSchema(url, schema);
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'jinliu-test-db-'));
  await cp(await pgliteTemplate(), dir, { recursive: true });
  const db = await openDatabase({ dataDir: dir });
  return {
    db,
    async dispose() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
