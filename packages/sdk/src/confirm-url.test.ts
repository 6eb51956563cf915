import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfirmUrl } from './confirm-url.ts';

describe('parseConfirmUrl', () => {
  const expected = { transactionId: 2021121600698709710n, orderId: 'ORDER 1&2' };

  it('reads transactionId (exact bigint) and orderId from every accepted form', () => {
    const query = 'transactionId=2021121600698709710&orderId=ORDER%201%262';
    assert.deepEqual(parseConfirmUrl(`https://shop.test/confirm?${query}`), expected);
    assert.deepEqual(parseConfirmUrl(new URL(`https://shop.test/confirm?${query}`)), expected);
    assert.deepEqual(parseConfirmUrl(`/confirm?${query}`), expected);
    assert.deepEqual(parseConfirmUrl(`?${query}`), expected);
    assert.deepEqual(parseConfirmUrl(query), expected);
    assert.deepEqual(parseConfirmUrl(new URLSearchParams(query)), expected);
  });

  it('throws INVALID_ARGUMENT when an id is missing, repeated or not digits', () => {
    for (const bad of [
      'https://shop.test/confirm?orderId=a',
      'https://shop.test/confirm?transactionId=12&transactionId=13&orderId=a',
      'https://shop.test/confirm?transactionId=12a&orderId=a',
      'https://shop.test/confirm?transactionId=-12&orderId=a',
      'https://shop.test/confirm?transactionId=0&orderId=a',
      'https://shop.test/confirm?transactionId=12',
      'https://shop.test/confirm?transactionId=12&orderId=',
      'https://shop.test/confirm?transactionId=99999999999999999999&orderId=a',
    ]) {
      assert.throws(
        () => parseConfirmUrl(bad),
        { name: 'LinePayError', returnCode: 'INVALID_ARGUMENT' },
        bad,
      );
    }
  });
});
