import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, nextChargeAt, periodOrderId } from './billing-schedule.ts';

describe('billing schedule', () => {
  it('keeps the day of the month and the time of day', () => {
    assert.equal(addMonths(new Date('2026-11-23T01:00:00Z'), 1).toISOString(), '2026-12-23T01:00:00.000Z');
    assert.equal(addMonths(new Date('2026-11-23T01:00:00Z'), 2).toISOString(), '2027-01-23T01:00:00.000Z');
  });

  it('clamps to the last day of a shorter month and returns to the start day after', () => {
    const start = new Date('2027-01-31T09:30:00Z');
    assert.equal(nextChargeAt(start, 1).toISOString(), '2027-02-28T09:30:00.000Z');
    assert.equal(nextChargeAt(start, 2).toISOString(), '2027-03-31T09:30:00.000Z');
    assert.equal(nextChargeAt(new Date('2028-01-31T00:00:00Z'), 1).toISOString(), '2028-02-29T00:00:00.000Z');
    assert.equal(nextChargeAt(start, 3).toISOString(), '2027-04-30T09:30:00.000Z');
  });

  it('crosses years in both directions', () => {
    assert.equal(addMonths(new Date('2026-12-15T00:00:00Z'), 13).toISOString(), '2028-01-15T00:00:00.000Z');
    assert.equal(addMonths(new Date('2026-03-31T00:00:00Z'), -1).toISOString(), '2026-02-28T00:00:00.000Z');
  });

  it('names one LINE Pay orderId per period', () => {
    assert.equal(periodOrderId('S-ABC', 2), 'sub-S-ABC-2');
    assert.notEqual(periodOrderId('S-ABC', 2), periodOrderId('S-ABC', 3));
  });
});
