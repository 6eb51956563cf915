import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseDetailsQuery } from './details-query.ts';

const a = '2021121600698709710';
const b = '2021121600698709711';

it('accepts every list encoding clients send', () => {
  const encodings = [
    `transactionId=${a}&transactionId=${b}`,
    `transactionId=${a}%2C${b}`,
    `transactionId%5B0%5D=${a}&transactionId%5B1%5D=${b}`,
    `transactionId[]=${a}&transactionId[]=${b}`,
  ];
  for (const q of encodings) {
    const r = parseDetailsQuery(q);
    assert.ok(r.ok, q);
    assert.deepEqual(r.value.transactionIds, [BigInt(a), BigInt(b)], q);
  }
});

it('decodes orderIds and fields', () => {
  const r = parseDetailsQuery('orderId=a%20b%26c&orderId=x+y&fields=ORDER');
  assert.ok(r.ok);
  assert.deepEqual(r.value.orderIds, ['a b&c', 'x y']);
  assert.equal(r.value.fields, 'ORDER');
});

it('refuses empty, malformed and non-numeric queries with 2101', () => {
  for (const q of [
    '',
    'fields=ALL',
    'transactionId=abc',
    'transactionId=%E0%A4%A',
    'fields=SOME&orderId=1',
  ]) {
    const r = parseDetailsQuery(q);
    assert.equal(!r.ok && r.code, '2101', q);
  }
});
