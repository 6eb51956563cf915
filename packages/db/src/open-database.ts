import { openPglite } from './driver/pglite.ts';
import { openPostgres } from './driver/postgres.ts';
import type { Database } from './driver/sql.ts';

/** Where the data lives: PostgreSQL when a URL is given, else the embedded PGlite. */
export interface DatabaseOptions {
  readonly url?: string;
  /** PGlite data directory; omitted = in memory. */
  readonly dataDir?: string;
  readonly poolSize?: number;
  /** PostgreSQL schema to create and use. */
  readonly schema?: string;
}

/** Opens PostgreSQL (`url`) or the embedded database (`dataDir`). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    return openPostgres({
      url: options.url,
      poolSize: options.poolSize ?? 10,
      ...(options.schema ? { schema: options.schema } : {}),
    });
  }
  return openPglite(options.dataDir);
}
