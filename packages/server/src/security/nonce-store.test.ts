import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { memoryNonceStore, redisNonceStore } from './nonce-store.ts';

describe('memory nonce store', () => {
  it('refuses a nonce inside the window and accepts it after', async () => {
    let now = 0;
    const store = memoryNonceStore(10, () => now);
    assert.equal(await store.claim(1n, 'a'), true);
    assert.equal(await store.claim(1n, 'a'), false);
    assert.equal(await store.claim(2n, 'a'), true, 'nonces are per channel');
    now = 10_001;
    assert.equal(await store.claim(1n, 'a'), true);
  });
});

describe('redis nonce store', { skip: !process.env.REDIS_URL && 'REDIS_URL not set' }, () => {
  it('is shared by two nodes: a nonce used on one is refused on the other', async () => {
    const url = process.env.REDIS_URL ?? '';
    const prefix = `jinliu:test:${randomUUID()}:`;
    const a = redisNonceStore(url, 5, prefix);
    const b = redisNonceStore(url, 5, prefix);
    try {
      assert.equal(await a.ready(), true);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim(7n, 'same')),
      );
      assert.equal(results.filter(Boolean).length, 1, 'exactly one claim wins');
      assert.equal(await b.claim(7n, 'other'), true);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
