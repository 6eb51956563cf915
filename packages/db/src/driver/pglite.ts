import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Row, Sql } from './sql.ts';

const int8 = 20;
const parsers = { [int8]: (value: string) => BigInt(value) };

function runner(target: PGlite | Transaction): Sql {
  return {
    async query<R extends Row>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await target.query<R>(text, params as unknown[], { parsers });
      return result.rows;
    },
  };
}

/**
 * Opens the embedded database (Postgres compiled to WASM, in-process). With a data
 * directory the data survives restarts; without one it lives in memory. PGlite has a single
 * connection, so transactions run one at a time: each transition is still atomic.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
  }
  const db = dataDir ? await PGlite.create(dataDir, { parsers }) : await PGlite.create({ parsers });
  const direct = runner(db);
  return {
    kind: 'pglite',
    query: direct.query,
    transaction: <T>(fn: (tx: Sql) => Promise<T>) => db.transaction((tx) => fn(runner(tx))),
    async exec(script: string): Promise<void> {
      await db.exec(script);
    },
    async close(): Promise<void> {
      if (!db.closed) {
        await db.close();
      }
    },
  };
}
