import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signRequest, verifySignature } from './signature.ts';

const secret = 'a917ab6a2367b536f8e5a6e2977e06f4';
const nonce = '44453d45-768e-40e8-8349-748e797c450f';
const requestBody =
  '{"amount":100,"currency":"TWD","orderId":"ORDER-001","packages":[{"id":"pkg-1","amount":100,"products":[{"name":"Pen","quantity":2,"price":50}]}],"redirectUrls":{"confirmUrl":"https://example.com/confirm","cancelUrl":"https://example.com/cancel"}}';
const voidPath = '/v3/payments/authorizations/2021121600698709710/void';
const zeroNonce = '00000000-0000-0000-0000-000000000000';

// Reference §2.1: all eight vectors, then line-pay-merchant's two full-URL ones.
const vectors = [
  [secret, '/v3/payments/request', requestBody, nonce, 'a+bOg92Yu/v0wRrIfwYfpTdpkwU6n/P3lE5lDXw3Dcs='],
  [
    secret,
    '/v3/payments/requests/2021121600698709710/check',
    '',
    nonce,
    'uMZVJqsGcJ+V5aCiXrf2Rakxu3/Gb6i2eHVlZ9MXLLY=',
  ],
  [
    secret,
    '/v3/payments',
    'transactionId=2021121600698709710&orderId=ORDER-001',
    nonce,
    'dYEs8eJfvb6qLzTLvcE9oReNuxal7JtUuiJgxm/9JOc=',
  ],
  [secret, voidPath, '{}', nonce, 'qPl3VYX3VJGhzfbvEpblhFlW1kher9+qvOBwwXrDOm4='],
  [secret, voidPath, '', nonce, 'bsrZOkf7ISZxwxG0IqPwkecOxQcGUcHd15f8xE6JluY='],
  [secret, voidPath, 'null', nonce, 'zrcHhIcd+YrX0fFJfExfvNtsvnbQC7FovT2BnPHMK6g='],
  [
    'channelSecretKey',
    '/v3/payments',
    'transactionId=2021113000697317600',
    zeroNonce,
    'AKeJOML++U7ibctuAHwQScBZs/TpHScKCwRBivdWE3A=',
  ],
  [
    'channelSecretKey',
    '/v3/payments',
    '{"transactionId":"2021113000697317600"}',
    zeroNonce,
    'wrviKghOOBW2VxmROuoS/jzfudKrp5g565DP8XgBNN0=',
  ],
  [
    'channelSecretKey',
    'https://sandbox-api-pay.line.me/v3/payments',
    'transactionId=2021113000697317600',
    zeroNonce,
    'CcToW3HaslH44yvJNliuomtkwufd8aC048p3QXZPlj8=',
  ],
  [
    'channelSecretKey',
    'https://sandbox-api-pay.line.me/v3/payments',
    '{"transactionId":"2021113000697317600"}',
    zeroNonce,
    'En0nRkzzQpXrXo6OHNV+827g+rWIwUq5VTk/n9Jm5Ek=',
  ],
] as const;

describe('signRequest', () => {
  for (const [i, [channelSecret, path, bodyOrQuery, n, expected]] of vectors.entries()) {
    it(`matches reference vector ${i + 1} (${path} ${bodyOrQuery.slice(0, 30) || '<empty>'})`, () => {
      assert.equal(signRequest({ channelSecret, path, bodyOrQuery, nonce: n }), expected);
    });
  }

  it('signs UTF-8 bytes, so non-ASCII bodies differ from their escaped form', () => {
    const a = signRequest({ channelSecret: secret, path: '/p', bodyOrQuery: '{"name":"筆"}', nonce });
    const b = signRequest({ channelSecret: secret, path: '/p', bodyOrQuery: '{"name":"\\u7b46"}', nonce });
    assert.notEqual(a, b);
    assert.equal(a.length, 44);
  });
});

describe('verifySignature', () => {
  const input = { channelSecret: secret, path: '/v3/payments/request', bodyOrQuery: requestBody, nonce };
  const good = 'a+bOg92Yu/v0wRrIfwYfpTdpkwU6n/P3lE5lDXw3Dcs=';

  it('accepts the right signature', () => {
    assert.equal(verifySignature({ ...input, signature: good }), true);
  });

  it('rejects any change to secret, path, body, nonce or signature', () => {
    assert.equal(verifySignature({ ...input, channelSecret: `${secret}x`, signature: good }), false);
    assert.equal(verifySignature({ ...input, path: '/v3/payments/request/', signature: good }), false);
    assert.equal(
      verifySignature({ ...input, bodyOrQuery: requestBody.replace('100', '101'), signature: good }),
      false,
    );
    assert.equal(verifySignature({ ...input, bodyOrQuery: `${requestBody} `, signature: good }), false);
    assert.equal(verifySignature({ ...input, nonce: `${nonce}0`, signature: good }), false);
    assert.equal(verifySignature({ ...input, signature: `B${good.slice(1)}` }), false);
  });

  it('rejects signatures of another length without throwing (timingSafeEqual needs equal lengths)', () => {
    assert.equal(verifySignature({ ...input, signature: good.slice(0, -1) }), false);
    assert.equal(verifySignature({ ...input, signature: `${good}=` }), false);
    assert.equal(verifySignature({ ...input, signature: '' }), false);
  });
});
