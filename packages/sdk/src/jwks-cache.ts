// Program public keys kept per programId for a few minutes, so a binding page does not fetch
// the JWK set for every shopper; the caller forces a reload when a token fails to verify with
// a cached set (the program may have rotated its key since).
import type { JsonWebKeySet } from './mycard-types.ts';

/** Default lifetime of a cached set: the platform serves it with `max-age=300`. */
export const keysTtlMs = 5 * 60_000;

/** Programs remembered at most; the oldest is forgotten first. */
const maxPrograms = 200;

/** A set and where it came from. */
export interface CachedKeys {
  keys: JsonWebKeySet;
  /** True when fetched by this call, false when served from the cache. */
  fetched: boolean;
}

/** The cache of one client. */
export interface KeyCache {
  /** The program's set: the cached one while fresh (unless `force`), else `load()`'s, then cached. */
  get(programId: string, load: () => Promise<JsonWebKeySet>, force?: boolean): Promise<CachedKeys>;
  /** Stores a set known to be current (e.g. the answer of a key rotation). */
  put(programId: string, keys: JsonWebKeySet): void;
}

/** Creates an empty cache; `now` is the clock (ms), injectable for tests. */
export function createKeyCache(options: { ttlMs?: number; now?: () => number } = {}): KeyCache {
  const ttlMs = options.ttlMs ?? keysTtlMs;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { keys: JsonWebKeySet; at: number }>();

  function put(programId: string, keys: JsonWebKeySet): void {
    entries.delete(programId);
    entries.set(programId, { keys, at: now() });
    if (entries.size > maxPrograms) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) {
        entries.delete(oldest);
      }
    }
  }

  return {
    async get(programId, load, force = false) {
      const hit = entries.get(programId);
      if (hit && !force && now() - hit.at < ttlMs) {
        return { keys: hit.keys, fetched: false };
      }
      // A failed load keeps nothing: the next call tries again.
      const keys = await load();
      put(programId, keys);
      return { keys, fetched: true };
    },
    put,
  };
}
