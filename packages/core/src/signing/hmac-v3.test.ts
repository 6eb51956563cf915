import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signaturesEqual, signV3, verifyV3 } from './hmac-v3.ts';

// Vectors from reference linepay-api.md §2.1.
const secret = 'a917ab6a2367b536f8e5a6e2977e06f4';
const nonce = '44453d45-768e-40e8-8349-748e797c450f';
const requestBody =
  '{"amount":100,"currency":"TWD","orderId":"ORDER-001","packages":[{"id":"pkg-1","amount":100,"products":[{"name":"Pen","quantity":2,"price":50}]}],"redirectUrls":{"confirmUrl":"https://example.com/confirm","cancelUrl":"https://example.com/cancel"}}';
const voidPath = '/v3/payments/authorizations/2021121600698709710/void';

describe('signV3 reference vectors', () => {
  const vectors: Array<[string, string, string, string, string]> = [
    [secret, nonce, '/v3/payments/request', requestBody, 'a+bOg92Yu/v0wRrIfwYfpTdpkwU6n/P3lE5lDXw3Dcs='],
    [
      secret,
      nonce,
      '/v3/payments/requests/2021121600698709710/check',
      '',
      'uMZVJqsGcJ+V5aCiXrf2Rakxu3/Gb6i2eHVlZ9MXLLY=',
    ],
    [
      secret,
      nonce,
      '/v3/payments',
      'transactionId=2021121600698709710&orderId=ORDER-001',
      'dYEs8eJfvb6qLzTLvcE9oReNuxal7JtUuiJgxm/9JOc=',
    ],
    [secret, nonce, voidPath, '{}', 'qPl3VYX3VJGhzfbvEpblhFlW1kher9+qvOBwwXrDOm4='],
    [secret, nonce, voidPath, '', 'bsrZOkf7ISZxwxG0IqPwkecOxQcGUcHd15f8xE6JluY='],
    [secret, nonce, voidPath, 'null', 'zrcHhIcd+YrX0fFJfExfvNtsvnbQC7FovT2BnPHMK6g='],
    [
      'channelSecretKey',
      '00000000-0000-0000-0000-000000000000',
      '/v3/payments',
      'transactionId=2021113000697317600',
      'AKeJOML++U7ibctuAHwQScBZs/TpHScKCwRBivdWE3A=',
    ],
    [
      'channelSecretKey',
      '00000000-0000-0000-0000-000000000000',
      '/v3/payments',
      '{"transactionId":"2021113000697317600"}',
      'wrviKghOOBW2VxmROuoS/jzfudKrp5g565DP8XgBNN0=',
    ],
  ];
  for (const [key, n, path, payload, expected] of vectors) {
    it(`${path} ${payload.slice(0, 30)}`, () => {
      assert.equal(signV3(key, path, payload, n), expected);
      assert.ok(verifyV3(key, path, Buffer.from(payload), n, expected));
    });
  }
});

describe('verifyV3', () => {
  it('accepts a bodiless POST signed over "null" only when the body is empty', () => {
    const signedNull = 'zrcHhIcd+YrX0fFJfExfvNtsvnbQC7FovT2BnPHMK6g=';
    assert.ok(verifyV3(secret, voidPath, Buffer.alloc(0), nonce, signedNull, { bodiless: true }));
    assert.ok(!verifyV3(secret, voidPath, Buffer.from('{}'), nonce, signedNull, { bodiless: false }));
  });

  it('refuses a changed body, path, nonce, secret or a garbage signature', () => {
    const good = signV3(secret, '/v3/payments/request', requestBody, nonce);
    assert.ok(!verifyV3(secret, '/v3/payments/request', Buffer.from(`${requestBody} `), nonce, good));
    assert.ok(!verifyV3(secret, '/v3/payments/requestx', Buffer.from(requestBody), nonce, good));
    assert.ok(!verifyV3(secret, '/v3/payments/request', Buffer.from(requestBody), `${nonce}x`, good));
    assert.ok(!verifyV3(`${secret}x`, '/v3/payments/request', Buffer.from(requestBody), nonce, good));
    assert.ok(!verifyV3(secret, '/v3/payments/request', Buffer.from(requestBody), nonce, 'not base64!'));
    assert.ok(!signaturesEqual(good, ''));
  });
});
