import pg from 'pg';
import type { Database, Row, Sql } from './sql.ts';
import { sqlState } from './sql.ts';

/** Options for a PostgreSQL connection pool. */
export interface PostgresOptions {
  readonly url: string;
  readonly poolSize: number;
  /** A schema to create and use (tests isolate themselves this way). */
  readonly schema?: string;
  readonly applicationName?: string;
}

const int8 = 20;
const retryableStates = new Set(['40001', '40P01']);

// int8 columns come back as bigint, never as strings or lossy numbers.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === int8 ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format ?? 'text'),
};

function runner(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<R extends Row>(text: string, params: readonly unknown[] = [], name?: string): Promise<R[]> {
      const config = name
        ? { name, text, values: params as unknown[] }
        : { text, values: params as unknown[] };
      const result = await client.query<R>(config);
      return result.rows;
    },
  };
}

/** Opens a pool on PostgreSQL. Transactions that deadlock or fail to serialise are retried. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  if (options.schema) {
    const setup = new pg.Client({ connectionString: options.url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replaceAll('"', '')}"`);
    } catch (error) {
      // Two pools creating the same schema at once: the loser sees a duplicate, which is fine.
      if (sqlState(error) !== '23505' && sqlState(error) !== '42P06') {
        throw error;
      }
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types,
    application_name: options.applicationName ?? 'jinliu',
    ...(options.schema ? { options: `-c search_path="${options.schema.replaceAll('"', '')}"` } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const direct = runner(pool);
  return {
    kind: 'postgres',
    query: direct.query,
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt += 1) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const value = await fn(runner(client));
          await client.query('COMMIT');
          return value;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          if (attempt < 4 && retryableStates.has(sqlState(error) ?? '')) {
            continue;
          }
          throw error;
        } finally {
          client.release();
        }
      }
    },
    async exec(script: string): Promise<void> {
      await pool.query(script);
    },
    async close(): Promise<void> {
      if (!pool.ended) {
        await pool.end();
      }
    },
  };
}

/** Drops a schema created for a test. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '')}" CASCADE`);
  } finally {
    await client.end();
  }
}
