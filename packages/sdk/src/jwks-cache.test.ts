import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKeyCache, keysTtlMs } from './jwks-cache.ts';
import type { JsonWebKeySet } from './mycard-types.ts';

function loader() {
  let n = 0;
  const load = async (): Promise<JsonWebKeySet> => {
    n += 1;
    return { keys: [{ kid: `k${n}` }] };
  };
  return { load, count: () => n };
}

describe('the program key cache', () => {
  it('serves a set for 5 minutes, then loads it again', async () => {
    let now = 1_000_000;
    const cache = createKeyCache({ now: () => now });
    const l = loader();
    assert.deepEqual(await cache.get('CP1', l.load), { keys: { keys: [{ kid: 'k1' }] }, fetched: true });
    now += keysTtlMs - 1;
    assert.deepEqual(await cache.get('CP1', l.load), { keys: { keys: [{ kid: 'k1' }] }, fetched: false });
    assert.equal(l.count(), 1);
    now += 1;
    assert.deepEqual(await cache.get('CP1', l.load), { keys: { keys: [{ kid: 'k2' }] }, fetched: true });
    assert.equal(l.count(), 2);
  });

  it('keeps one set per program, reloads on force, and stores what put gives it', async () => {
    const now = 0;
    const cache = createKeyCache({ now: () => now });
    const a = loader();
    const b = loader();
    await cache.get('CPA', a.load);
    await cache.get('CPB', b.load);
    assert.equal((await cache.get('CPA', a.load)).fetched, false);
    assert.deepEqual((await cache.get('CPA', a.load, true)).keys, { keys: [{ kid: 'k2' }] });
    assert.deepEqual((await cache.get('CPA', a.load)).keys, { keys: [{ kid: 'k2' }] });
    cache.put('CPB', { keys: [{ kid: 'rotated' }] });
    assert.deepEqual(await cache.get('CPB', b.load), {
      keys: { keys: [{ kid: 'rotated' }] },
      fetched: false,
    });
    assert.equal(b.count(), 1);
  });

  it('remembers nothing when a load fails', async () => {
    const cache = createKeyCache({ now: () => 0 });
    let fail = true;
    const load = async (): Promise<JsonWebKeySet> => {
      if (fail) {
        throw new Error('down');
      }
      return { keys: [{ kid: 'up' }] };
    };
    await assert.rejects(cache.get('CP1', load), /down/);
    fail = false;
    assert.equal((await cache.get('CP1', load)).fetched, true);
  });

  it('forgets the oldest program beyond 200', async () => {
    const cache = createKeyCache({ now: () => 0 });
    const l = loader();
    for (let i = 0; i <= 200; i += 1) {
      await cache.get(`CP${i}`, l.load);
    }
    assert.equal((await cache.get('CP200', l.load)).fetched, false);
    assert.equal((await cache.get('CP0', l.load)).fetched, true);
  });
});
