import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromWire, toWire } from './money.ts';

describe('money at the LINE Pay edge', () => {
  it('keeps TWD whole and USD to the cent, both ways', () => {
    assert.equal(toWire(1130n, 'TWD'), 1130);
    assert.equal(fromWire(1130, 'TWD'), 1130n);
    assert.equal(toWire(1999n, 'USD'), 19.99);
    assert.equal(fromWire(19.99, 'USD'), 1999n);
    assert.equal(fromWire(3 * 19.99, 'USD'), 5997n);
  });

  it('refuses amounts finer than the currency and unknown currencies', () => {
    assert.throws(() => fromWire(10.5, 'TWD'), /not a whole amount/);
    assert.throws(() => fromWire(1.001, 'USD'), /not a whole amount/);
    assert.throws(() => toWire(1n, 'EUR'), /unsupported currency/);
  });
});
