import { migrate, openDatabase } from '@jinliu/db';
import { loadConfig } from '@jinliu/server';
import { progress, say } from '../output.ts';

/** `jinliu migrate`: applies pending migrations and exits. */
export async function migrateCommand(json: boolean): Promise<number> {
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
