import type { CommandSpec } from '../command.ts';
import { progress, say } from '../output.ts';

/** `jinliu migrate`. */
export const migrateSpec: CommandSpec = {
  words: ['migrate'],
  args: [],
  summary: 'apply database migrations and exit',
  description:
    'Applies the pending forward-only migrations to the configured database (DATABASE_URL, or the\n' +
    'embedded one in JINLIU_DATA_DIR) with a progress bar, then exits. Stop an embedded server first.',
  options: {},
  remote: false,
  run: ({ json }) => migrateCommand(json),
};

/** `jinliu migrate`: applies pending migrations and exits. */
export async function migrateCommand(json: boolean): Promise<number> {
  // Loaded here, not at the top: the platform's modules take a second to load, and only the
  // commands that open the database need them.
  const { migrate, openDatabase } = await import('@jinliu/db');
  const { loadConfig } = await import('@jinliu/server');
  const config = loadConfig(process.env);
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl, poolSize: 2 } : { dataDir: config.dataDir },
  );
  try {
    const applied = await migrate(db, (done, total, name) => progress(`Migrating ${name}`, done, total));
    say(
      json
        ? JSON.stringify({ applied })
        : applied.length === 0
          ? 'Database is up to date.'
          : `Applied ${applied.join(', ')}.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
