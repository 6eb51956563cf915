// The shop's own embedded PostgreSQL (PGlite): one data directory, forward-only migrations.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction } from '@electric-sql/pglite';

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** Something statements run on: the database or an open transaction. */
export interface Sql {
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

/** The shop's database handle. */
export interface ShopDb extends Sql {
  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the migration files live. */
export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

const int8 = 20;
// 19-digit transaction ids and money both come back as bigint, never as a rounded number.
const parsers = { [int8]: (value: string) => BigInt(value) };

function runner(target: PGlite | Transaction): Sql {
  return {
    async query<R extends Row>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      const values = params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
      return (await target.query<R>(text, values, { parsers })).rows;
    },
  };
}

/** The migration files in the order they apply, with a hash of their contents. */
export async function migrationFiles(): Promise<{
  files: Array<{ name: string; sql: string }>;
  hash: string;
}> {
  const names = (await readdir(migrationsDir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const h = createHash('sha256');
  const files = [];
  for (const name of names) {
    const sql = await readFile(join(migrationsDir, name), 'utf8');
    h.update(name).update(sql);
    files.push({ name, sql });
  }
  return { files, hash: h.digest('hex').slice(0, 12) };
}

/** Applies the migrations not applied yet, each in its own transaction; returns their names. */
export async function migrate(db: PGlite): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS shop_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const done = new Set(
    (await db.query<{ name: string }>('SELECT name FROM shop_migrations')).rows.map((r) => r.name),
  );
  const applied: string[] = [];
  for (const { name, sql } of (await migrationFiles()).files) {
    if (done.has(name)) {
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO shop_migrations (name) VALUES ($1)', [name]);
    });
    applied.push(name);
  }
  return applied;
}

/**
 * Opens (creating when needed) the shop's database in `dataDir` and migrates it. PGlite is one
 * connection: statements and transactions run one at a time, which the shop's conditional
 * updates do not rely on but which keeps each transaction simple.
 */
export async function openShopDb(dataDir: string): Promise<ShopDb> {
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { parsers });
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  const direct = runner(db);
  return {
    query: direct.query,
    transaction: <T>(fn: (tx: Sql) => Promise<T>) => db.transaction((tx) => fn(runner(tx))),
    async close() {
      if (!db.closed) {
        await db.close();
      }
    },
  };
}
