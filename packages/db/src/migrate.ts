import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './driver/sql.ts';

const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

/** Progress callback: called once per migration applied. */
export type MigrationProgress = (done: number, total: number, name: string) => void;

/**
 * Applies the forward-only migrations not yet applied, each in its own transaction.
 * A transaction-scoped advisory lock lets several nodes start at once without racing.
 */
export async function migrate(db: Database, onProgress?: MigrationProgress): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(72657001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const applied: string[] = [];
  for (const [index, file] of files.entries()) {
    const version = file.replace(/\.sql$/, '');
    const script = await readFile(migrationsDir + file, 'utf8');
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(72657001)');
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (done.length > 0) {
        return false;
      }
      for (const statement of splitStatements(script)) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      return true;
    });
    if (ran) {
      applied.push(version);
    }
    onProgress?.(index + 1, files.length, version);
  }
  return applied;
}

/** Splits a migration script on semicolons at line ends (our migrations keep one statement per `;`). */
function splitStatements(script: string): string[] {
  return script
    .split(/;\s*$/m)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}
