import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindingCallbackUrl, parseBindingRequest } from './binding-request.ts';

const callback = 'https://pay.example/mycard/bindings/B7K2M/callback';
const token = 'mxZly0yswAXXbUbNGHJYZ8ea8ottnIB2UEAGpJU3I_HByPGPBhB5Lj6mXF6hOFm9oCEpcXXZqZqs141BEpN2pg';
const nonce = 'q8Xc1f0aUu2W9sVbZk3hLg';

describe('parseBindingRequest', () => {
  const query = `nonce=${nonce}&callback=${encodeURIComponent(callback)}&token=${token}`;
  const expected = { nonce, callback, token };

  it('reads nonce, callback and token from every accepted form', () => {
    assert.deepEqual(parseBindingRequest(`https://shop.test/mycard/bind?src=linepay&${query}#top`), expected);
    assert.deepEqual(parseBindingRequest(new URL(`https://shop.test/bind?${query}`)), expected);
    assert.deepEqual(parseBindingRequest(`/bind?${query}`), expected);
    assert.deepEqual(parseBindingRequest(`?${query}`), expected);
    assert.deepEqual(parseBindingRequest(query), expected);
    assert.deepEqual(parseBindingRequest(new URLSearchParams(query)), expected);
  });

  it('keeps a callback that has its own query, decoded exactly once', () => {
    const withQuery = 'https://pay.example/cb?a=1&b=%20x';
    const r = parseBindingRequest(
      `https://shop.test/bind?nonce=n&callback=${encodeURIComponent(withQuery)}&token=${token}`,
    );
    assert.equal(r.callback, withQuery);
  });

  it('throws INVALID_ARGUMENT for a missing, repeated, empty or malformed part', () => {
    const cb = encodeURIComponent(callback);
    for (const bad of [
      `callback=${cb}&token=${token}`,
      `nonce=${nonce}&token=${token}`,
      `nonce=${nonce}&callback=${cb}`,
      `nonce=&callback=${cb}&token=${token}`,
      `nonce=${nonce}&nonce=${nonce}&callback=${cb}&token=${token}`,
      `nonce=${nonce}&callback=${cb}&token=${token}&token=${token}`,
      `nonce=${nonce}&callback=/relative/callback&token=${token}`,
      `nonce=${nonce}&callback=${encodeURIComponent('javascript:alert(1)')}&token=${token}`,
      `nonce=${nonce}&callback=${cb}&token=${encodeURIComponent('abc+def/ghi=')}`,
      `nonce=${'n'.repeat(3000)}&callback=${cb}&token=${token}`,
    ]) {
      assert.throws(
        () => parseBindingRequest(`https://shop.test/bind?${bad}`),
        { name: 'LinePayError', returnCode: 'INVALID_ARGUMENT', endpoint: 'mycard.parseBindingRequest' },
        bad,
      );
    }
    assert.throws(() => parseBindingRequest(42 as never), { returnCode: 'INVALID_ARGUMENT' });
  });
});

describe('bindingCallbackUrl', () => {
  it('appends token, channelId and status to a callback without a query', () => {
    const url = bindingCallbackUrl({ callback, token, channelId: '1234567890', status: 'SUCCESS' });
    assert.equal(url, `${callback}?token=${token}&channelId=1234567890&status=SUCCESS`);
    const read = new URL(url).searchParams;
    assert.deepEqual(
      [read.get('token'), read.get('channelId'), read.get('status')],
      [token, '1234567890', 'SUCCESS'],
    );
  });

  it('keeps a callback query byte for byte and puts the parameters before the fragment', () => {
    assert.equal(
      bindingCallbackUrl({
        callback: 'https://pay.example/cb?b=%20x&a=1#done',
        token: 'T',
        channelId: '42',
        status: 'CANCEL',
      }),
      'https://pay.example/cb?b=%20x&a=1&token=T&channelId=42&status=CANCEL#done',
    );
    assert.equal(
      bindingCallbackUrl({
        callback: 'https://pay.example/cb?',
        token: 'T',
        channelId: '42',
        status: 'FAIL',
      }),
      'https://pay.example/cb?token=T&channelId=42&status=FAIL',
    );
    assert.equal(
      bindingCallbackUrl({
        callback: 'https://pay.example/cb?x=1&',
        token: 'a b',
        channelId: '4&2',
        status: 'FAIL',
      }),
      'https://pay.example/cb?x=1&token=a%20b&channelId=4%262&status=FAIL',
    );
  });

  it('throws INVALID_ARGUMENT for a relative callback, an empty token or channelId, or another status', () => {
    const good = { callback, token, channelId: '1', status: 'SUCCESS' as const };
    for (const bad of [
      { ...good, callback: '/mycard/bindings/B/callback' },
      { ...good, callback: 'ftp://pay.example/cb' },
      { ...good, token: '' },
      { ...good, channelId: '' },
      { ...good, status: 'DONE' },
      { ...good, status: 'success' },
    ]) {
      assert.throws(
        () => bindingCallbackUrl(bad as never),
        { name: 'LinePayError', returnCode: 'INVALID_ARGUMENT', endpoint: 'mycard.bindingCallbackUrl' },
        JSON.stringify(bad),
      );
    }
  });
});
