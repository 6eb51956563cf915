import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatWireAmount, parseWireAmount } from './wire-amount.ts';

describe('parseWireAmount', () => {
  it('converts major units to minor units by the currency exponent', () => {
    assert.deepEqual(parseWireAmount(100, 'TWD'), { ok: true, value: 100n });
    assert.deepEqual(parseWireAmount(10.25, 'USD'), { ok: true, value: 1025n });
    assert.deepEqual(parseWireAmount(0.1, 'THB'), { ok: true, value: 10n });
    assert.deepEqual(parseWireAmount(100.0, 'TWD'), { ok: true, value: 100n });
    assert.deepEqual(parseWireAmount('1.5', 'USD'), { ok: true, value: 150n });
    assert.deepEqual(parseWireAmount(-20, 'TWD'), { ok: true, value: -20n });
    assert.deepEqual(parseWireAmount(1e3, 'JPY'), { ok: true, value: 1000n });
  });

  it('refuses a wrong scale with 1124', () => {
    const twd = parseWireAmount(100.5, 'TWD');
    assert.equal(!twd.ok && twd.code, '1124');
    const r = parseWireAmount(10.255, 'USD');
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, '1124');
    const tiny = parseWireAmount(1e-7, 'USD');
    assert.equal(!tiny.ok && tiny.code, '1124');
  });

  it('refuses non-numbers and absurd magnitudes with 2101', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 'abc', null, {}, [], true, 1e21, '1e400', '']) {
      const r = parseWireAmount(bad, 'TWD');
      assert.equal(r.ok, false, `expected failure for ${String(bad)}`);
      assert.equal(!r.ok && r.code, '2101');
    }
  });

  it('round-trips every minor amount through its wire text', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -999_999_999_999_99n, max: 999_999_999_999_99n }),
        fc.constantFrom('TWD', 'USD', 'JPY', 'THB' as const),
        (minor, currency) => {
          const text = formatWireAmount(minor, currency);
          const back = parseWireAmount(JSON.parse(text), currency);
          if (currency === 'TWD' || currency === 'JPY') {
            if (minor > 999_999_999_999n || minor < -999_999_999_999n) {
              return true;
            }
          }
          assert.deepEqual(back, { ok: true, value: minor });
          return true;
        },
      ),
    );
  });
});

describe('formatWireAmount', () => {
  it('writes the shortest exact decimal', () => {
    assert.equal(formatWireAmount(1025n, 'USD'), '10.25');
    assert.equal(formatWireAmount(1000n, 'USD'), '10');
    assert.equal(formatWireAmount(5n, 'USD'), '0.05');
    assert.equal(formatWireAmount(-20n, 'TWD'), '-20');
    assert.equal(formatWireAmount(-5n, 'THB'), '-0.05');
  });
});
