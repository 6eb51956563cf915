import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateP256KeyPair, signP256 } from '../signing/ecdsa-p256.ts';
import {
  bindingCallbackUrl,
  bindingRedirectUrl,
  bindingTokenHash,
  bindingTokenMessage,
} from './binding-link.ts';

const params = {
  nonce: 'n0nce_-',
  callback: 'https://pay.example/mycard/bindings/B1/callback',
  token: 'tok',
};
const encodedCallback = encodeURIComponent(params.callback);

describe('binding redirect URL', () => {
  it('starts a query when the binding URL has none', () => {
    assert.equal(
      bindingRedirectUrl('https://shop.example/bind', params),
      `https://shop.example/bind?nonce=n0nce_-&callback=${encodedCallback}&token=tok`,
    );
  });

  it('keeps an existing query byte for byte and puts the parameters before a fragment', () => {
    assert.equal(
      bindingRedirectUrl('https://shop.example/bind?src=line%20pay&x=+#top', params),
      `https://shop.example/bind?src=line%20pay&x=+&nonce=n0nce_-&callback=${encodedCallback}&token=tok#top`,
    );
    assert.equal(
      bindingRedirectUrl('https://shop.example/bind?', params),
      `https://shop.example/bind?nonce=n0nce_-&callback=${encodedCallback}&token=tok`,
    );
    const parsed = new URL(bindingRedirectUrl('https://shop.example/bind?a=1&', params));
    assert.equal(parsed.searchParams.get('a'), '1');
    assert.equal(parsed.searchParams.get('callback'), params.callback);
  });

  it('builds the callback from the public URL', () => {
    assert.equal(
      bindingCallbackUrl('http://jinliu.test/', 'BX'),
      'http://jinliu.test/mycard/bindings/BX/callback',
    );
  });
});

describe('binding token', () => {
  it('a merchant verifies Base64Url(ECDSA-SHA256(callback + nonce)) with the JWK through WebCrypto', async () => {
    const pair = generateP256KeyPair('kid-1');
    const token = Buffer.from(
      signP256(pair.privatePem, bindingTokenMessage(params.callback, 'abc')),
    ).toString('base64url');
    assert.match(token, /^[A-Za-z0-9_-]{86}$/);
    // Exactly what a merchant's page or server does with the JWK set.
    const key = await crypto.subtle.importKey(
      'jwk',
      pair.publicJwk,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    const verify = (message: string) =>
      crypto.subtle.verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        key,
        Buffer.from(token, 'base64url'),
        new TextEncoder().encode(message),
      );
    assert.equal(await verify(`${params.callback}abc`), true);
    assert.equal(await verify(`${params.callback}abd`), false);
    assert.equal(await verify(`${params.callback}/abc`), false);
  });

  it('stores a stable hash, not the token', () => {
    assert.equal(bindingTokenHash('t'), bindingTokenHash('t'));
    assert.notEqual(bindingTokenHash('t'), bindingTokenHash('u'));
    assert.doesNotMatch(bindingTokenHash('secret-token'), /secret/);
  });
});
