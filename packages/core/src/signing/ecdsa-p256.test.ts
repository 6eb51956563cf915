import assert from 'node:assert/strict';
import { it } from 'node:test';
import { generateP256KeyPair, publicJwkOf, signP256, verifyP256 } from './ecdsa-p256.ts';

const message = new TextEncoder().encode('https://pay.example/cb' + 'nonce');

it('signs in P1363 form (64 bytes) and verifies with the public JWK', () => {
  const pair = generateP256KeyPair('k1');
  assert.deepEqual(Object.keys(pair.publicJwk).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
  assert.deepEqual(publicJwkOf(pair.privatePem, 'k1'), pair.publicJwk);
  const signature = signP256(pair.privatePem, message);
  assert.equal(signature.length, 64);
  assert.ok(verifyP256(pair.publicJwk, message, signature));
});

it('refuses another key, a changed message, a flipped bit and a DER-encoded signature', async () => {
  const pair = generateP256KeyPair('k1');
  const other = generateP256KeyPair('k2');
  const signature = signP256(pair.privatePem, message);
  assert.equal(verifyP256(other.publicJwk, message, signature), false);
  assert.equal(verifyP256(pair.publicJwk, new TextEncoder().encode('other'), signature), false);
  const flipped = Buffer.from(signature);
  flipped[10] = (flipped[10] ?? 0) ^ 1;
  assert.equal(verifyP256(pair.publicJwk, message, flipped), false);
  assert.equal(verifyP256(pair.publicJwk, message, signature.slice(0, 63)), false);
  assert.equal(verifyP256({ ...pair.publicJwk, x: 'AAAA' }, message, signature), false);
  // WebCrypto agrees with node on the same bytes.
  const key = await crypto.subtle.importKey(
    'jwk',
    pair.publicJwk,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
  assert.equal(
    await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, Uint8Array.from(signature), message),
    true,
  );
});
