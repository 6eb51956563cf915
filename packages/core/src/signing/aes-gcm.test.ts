import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createKeyring, open, seal } from './aes-gcm.ts';

const k1 = new Uint8Array(32).fill(1);
const k2 = new Uint8Array(32).fill(2);

it('seals and opens under the current key, and old keys still open after rotation', () => {
  const ring1 = createKeyring(new Map([['k1', k1]]), 'k1');
  const sealed = seal(ring1, '4111111111111111', 'card:1');
  assert.equal(sealed.keyId, 'k1');
  assert.ok(!Buffer.from(sealed.data).includes(Buffer.from('4111111111111111')));
  const ring2 = createKeyring(
    new Map([
      ['k2', k2],
      ['k1', k1],
    ]),
    'k2',
  );
  assert.equal(open(ring2, sealed, 'card:1'), '4111111111111111');
  assert.equal(seal(ring2, 'x', 'c').keyId, 'k2');
});

it('refuses tampered data, a different context and unknown keys', () => {
  const ring = createKeyring(new Map([['k1', k1]]), 'k1');
  const sealed = seal(ring, 'secret', 'channel:1');
  const tampered = Buffer.from(sealed.data);
  tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
  assert.throws(() => open(ring, { keyId: 'k1', data: tampered }, 'channel:1'));
  assert.throws(() => open(ring, sealed, 'channel:2'));
  assert.throws(() => open(ring, { keyId: 'nope', data: sealed.data }, 'channel:1'));
  assert.throws(() => createKeyring(new Map([['short', new Uint8Array(16)]]), 'short'));
});
