import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { onCleanup } from './cleanup.ts';

const run = promisify(execFile);

/** Runs one SQL statement with psql on the admin database; returns its unaligned output. */
export async function psql(adminUrl: string, sql: string): Promise<string> {
  const { stdout } = await run('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-X', '-Atc', sql]);
  return stdout.trim();
}

/** The URL of database `name` on the admin URL's server. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function quoted(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`refusing database name ${name}`);
  }
  return `"${name}"`;
}

/** Drops a benchmark database (connections are closed first). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await psql(adminUrl, `DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
}

/**
 * Creates database `name` afresh and registers its drop as a cleanup action; returns its URL
 * and a function that drops it now.
 */
export async function freshDatabase(
  adminUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  await dropDatabase(adminUrl, name);
  await psql(adminUrl, `CREATE DATABASE ${quoted(name)}`);
  const forget = onCleanup(`drop database ${name}`, () => dropDatabase(adminUrl, name));
  return {
    url: databaseUrl(adminUrl, name),
    async drop() {
      forget();
      await dropDatabase(adminUrl, name);
    },
  };
}

/** PostgreSQL's version string and the settings that matter for write throughput. */
export async function postgresFacts(adminUrl: string): Promise<Record<string, string>> {
  const facts: Record<string, string> = { version: await psql(adminUrl, 'SHOW server_version') };
  for (const setting of ['max_connections', 'shared_buffers', 'synchronous_commit', 'fsync', 'wal_level']) {
    facts[setting] = await psql(adminUrl, `SHOW ${setting}`);
  }
  return facts;
}

/** Pids of the backends serving databases other than `own` (another workload's). */
export async function foreignBackends(adminUrl: string, own: readonly string[]): Promise<Set<number>> {
  const list = own.map((name) => `'${quoted(name).slice(1, -1)}'`).join(', ');
  const out = await psql(
    adminUrl,
    `SELECT pid FROM pg_stat_activity WHERE datname IS NOT NULL AND datname NOT IN (${list}) AND pid <> pg_backend_pid()`,
  );
  return new Set(out.split('\n').filter(Boolean).map(Number));
}
