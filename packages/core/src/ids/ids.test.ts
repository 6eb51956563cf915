import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manualClock, seededRandom } from '../runtime/index.ts';
import {
  isRegKey,
  newPaymentAccessToken,
  newRegKey,
  newReserveId,
  newTransactionId,
  parseTransactionId,
  transactionKindOf,
} from './ids.ts';

describe('ids', () => {
  const clock = manualClock(new Date('2026-11-23T10:00:00Z'));

  it('makes 19-digit transaction ids with the date and a kind suffix', () => {
    const random = seededRandom(7);
    const payment = newTransactionId(clock, random, 'payment');
    const refund = newTransactionId(clock, random, 'refund');
    assert.match(payment.toString(), /^20261123\d{9}10$/);
    assert.match(refund.toString(), /^20261123\d{9}11$/);
    assert.ok(payment > BigInt(Number.MAX_SAFE_INTEGER));
    assert.equal(transactionKindOf(payment), 'payment');
    assert.equal(transactionKindOf(refund), 'refund');
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = newTransactionId(clock, seededRandom(1), 'payment');
    const b = newTransactionId(clock, seededRandom(1), 'payment');
    const c = newTransactionId(clock, seededRandom(2), 'payment');
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('parses ids losslessly and refuses non-digits or overflow', () => {
    assert.equal(parseTransactionId('2021121600698709710'), 2021121600698709710n);
    assert.equal(parseTransactionId('abc'), undefined);
    assert.equal(parseTransactionId('1e5'), undefined);
    assert.equal(parseTransactionId('99999999999999999999'), undefined);
    assert.equal(parseTransactionId('0'), undefined);
    assert.equal(parseTransactionId('9999999999999999999'), undefined);
  });

  it('makes tokens, regKeys and reserve ids of the documented shapes', () => {
    const random = seededRandom(3);
    assert.match(newPaymentAccessToken(random), /^\d{12}$/);
    const regKey = newRegKey(random);
    assert.equal(regKey.length, 15);
    assert.ok(isRegKey(regKey));
    assert.ok(!isRegKey('RK123'));
    assert.match(newReserveId(random), /^[A-Za-z0-9_-]{24}$/);
  });
});
