import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, it } from 'node:test';
import { isWellFormedToken, verifyBindingToken } from './binding-token.ts';
import type { JsonWebKey } from './mycard-types.ts';

/** A P-256 key pair: the private key signs, the public JWK verifies. */
function keyPair(kid: string): { privateKey: KeyObject; jwk: JsonWebKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } };
}

/** The platform's token: Base64Url(ECDSA-SHA256(callback + nonce)), r‖s. */
function tokenFor(
  privateKey: KeyObject,
  callback: string,
  nonce: string,
  dsaEncoding = 'ieee-p1363',
): string {
  return sign('sha256', Buffer.from(callback + nonce, 'utf8'), {
    key: privateKey,
    dsaEncoding: dsaEncoding as 'ieee-p1363' | 'der',
  }).toString('base64url');
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The same 64 bytes with the 4 unused low bits of the last character set: not the token issued. */
function strayBits(token: string): string {
  const last = alphabet.indexOf(token.slice(-1));
  return token.slice(0, -1) + alphabet[last | 1];
}

const callback = 'https://pay.example/mycard/bindings/B7K2M/callback';
const nonce = 'q8Xc1f0aUu2W9sVbZk3hLg';

describe('verifyBindingToken', () => {
  const a = keyPair('a');
  const b = keyPair('b');
  const token = tokenFor(a.privateKey, callback, nonce);

  it('accepts the signature over callback + nonce with the JWK, the JWK array or the JWK set', async () => {
    assert.equal(token.length, 86);
    assert.equal(await verifyBindingToken({ token, nonce, callback, keys: a.jwk }), true);
    assert.equal(await verifyBindingToken({ token, nonce, callback, keys: [a.jwk] }), true);
    assert.equal(await verifyBindingToken({ token, nonce, callback, keys: { keys: [a.jwk] } }), true);
  });

  it('a set with several keys (after a rotation) verifies a token of any of them', async () => {
    const newer = tokenFor(b.privateKey, callback, nonce);
    const set = { keys: [b.jwk, a.jwk] };
    assert.equal(await verifyBindingToken({ token, nonce, callback, keys: set }), true);
    assert.equal(await verifyBindingToken({ token: newer, nonce, callback, keys: set }), true);
    assert.equal(await verifyBindingToken({ token: newer, nonce, callback, keys: { keys: [a.jwk] } }), false);
  });

  it('is false for a flipped byte, another key, another nonce or another callback', async () => {
    const bytes = Buffer.from(token, 'base64url');
    for (const at of [0, 31, 32, 63]) {
      const flipped = Buffer.from(bytes);
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      assert.equal(
        await verifyBindingToken({ token: flipped.toString('base64url'), nonce, callback, keys: a.jwk }),
        false,
        `byte ${at}`,
      );
    }
    assert.equal(await verifyBindingToken({ token, nonce, callback, keys: b.jwk }), false);
    assert.equal(await verifyBindingToken({ token, nonce: `${nonce}x`, callback, keys: a.jwk }), false);
    assert.equal(
      await verifyBindingToken({ token, nonce, callback: `${callback}?status=SUCCESS`, keys: a.jwk }),
      false,
    );
    // The boundary between callback and nonce is part of what is signed only through the bytes.
    assert.equal(
      await verifyBindingToken({ token, nonce: nonce.slice(1), callback: callback + nonce[0], keys: a.jwk }),
      true,
      'the message is exactly callback + nonce, no separator',
    );
  });

  it('is false for a DER-encoded signature of the right message', async () => {
    const der = tokenFor(a.privateKey, callback, nonce, 'der');
    assert.ok(der.length > 86);
    assert.equal(await verifyBindingToken({ token: der, nonce, callback, keys: a.jwk }), false);
  });

  it('is false, never an exception, for garbage tokens and inputs', async () => {
    const garbage: unknown[] = [
      '',
      '!!!',
      'not base64url at all, with spaces',
      'A'.repeat(86),
      `${token}=`,
      token.slice(0, 85),
      `${token}AAAA`,
      `+${token.slice(1)}`,
      strayBits(token),
      undefined,
      null,
      42,
      { token },
    ];
    for (const t of garbage) {
      assert.equal(
        await verifyBindingToken({ token: t as string, nonce, callback, keys: a.jwk }),
        false,
        String(t),
      );
    }
    assert.equal(
      await verifyBindingToken({ token, nonce: 7 as unknown as string, callback, keys: a.jwk }),
      false,
    );
    assert.equal(
      await verifyBindingToken({ token, nonce, callback: undefined as unknown as string, keys: a.jwk }),
      false,
    );
  });

  it('signs and verifies the UTF-8 bytes of non-ASCII text', async () => {
    const cb = 'https://pay.example/會員/callback';
    const t = tokenFor(a.privateKey, cb, 'nonce-é');
    assert.equal(await verifyBindingToken({ token: t, nonce: 'nonce-é', callback: cb, keys: a.jwk }), true);
  });

  it('skips keys that cannot verify ES256 and uses only the public part of a private JWK', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const privateJwk = privateKey.export({ format: 'jwk' });
    const own = tokenFor(privateKey, callback, nonce);
    assert.equal(await verifyBindingToken({ token: own, nonce, callback, keys: privateJwk }), true);
    const mixed = {
      keys: [
        { kty: 'RSA', n: 'x', e: 'AQAB' },
        { ...a.jwk, alg: 'ES384' },
        { ...a.jwk, use: 'enc' },
        { ...a.jwk, x: 'AAAA' },
        b.jwk,
      ],
    };
    assert.equal(await verifyBindingToken({ token, nonce, callback, keys: mixed as never }), false);
    assert.equal(
      await verifyBindingToken({ token, nonce, callback, keys: { keys: [...mixed.keys, a.jwk] } as never }),
      true,
    );
  });

  it('throws INVALID_ARGUMENT when the keys hold no EC P-256 public key (a setup mistake)', async () => {
    for (const keys of [undefined, null, {}, { keys: [] }, [], { kty: 'RSA', n: 'x', e: 'AQAB' }, 'jwk']) {
      await assert.rejects(
        verifyBindingToken({ token, nonce, callback, keys: keys as never }),
        { name: 'LinePayError', returnCode: 'INVALID_ARGUMENT', endpoint: 'mycard.verifyBindingToken' },
        JSON.stringify(keys),
      );
    }
  });
});

describe('isWellFormedToken', () => {
  it('accepts exactly the canonical 86-character base64url form of 64 bytes', () => {
    const canonical = Buffer.alloc(64, 7).toString('base64url');
    assert.equal(isWellFormedToken(canonical), true);
    assert.deepEqual(Buffer.from(strayBits(canonical), 'base64url'), Buffer.alloc(64, 7), 'same bytes');
    assert.equal(isWellFormedToken(strayBits(canonical)), false);
    assert.equal(isWellFormedToken(`${canonical}==`), false);
    assert.equal(isWellFormedToken(Buffer.alloc(64, 0xfb).toString('base64')), false);
    assert.equal(isWellFormedToken(Buffer.alloc(65, 7).toString('base64url')), false);
    assert.equal(isWellFormedToken(undefined), false);
  });
});
