import { Redis } from 'ioredis';

/** Remembers used nonces for a window so a captured request cannot be replayed. */
export interface NonceStore {
  /** Records the nonce; false when it was already used within the window. */
  claim(channelId: bigint, nonce: string): Promise<boolean>;
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * In-process store for a single node. Expired entries are dropped lazily in insertion
 * order (a Map iterates oldest first), so memory stays bounded by the window's traffic.
 */
export function memoryNonceStore(windowSeconds: number, now: () => number = Date.now): NonceStore {
  const seen = new Map<string, number>();
  const windowMs = windowSeconds * 1000;
  return {
    async claim(channelId, nonce) {
      const at = now();
      for (const [key, expiresAt] of seen) {
        if (expiresAt > at) {
          break;
        }
        seen.delete(key);
      }
      const key = `${channelId}:${nonce}`;
      const expiresAt = seen.get(key);
      if (expiresAt !== undefined && expiresAt > at) {
        return false;
      }
      seen.set(key, at + windowMs);
      return true;
    },
    ready: async () => true,
    close: async () => {},
  };
}

/** Redis store shared by every API node: SET NX with the window as TTL. */
export function redisNonceStore(url: string, windowSeconds: number, prefix = 'jinliu:nonce:'): NonceStore {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  // Connection errors surface on commands (answered 9000) and in /readyz; they must not crash the process.
  redis.on('error', () => {});
  return {
    async claim(channelId, nonce) {
      const reply = await redis.set(`${prefix}${channelId}:${nonce}`, '1', 'EX', windowSeconds, 'NX');
      return reply === 'OK';
    },
    async ready() {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
