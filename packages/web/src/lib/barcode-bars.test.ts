import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barcodeBars, barsPath } from './barcode-bars.ts';

// EAN-13 digit patterns (GS1 General Specifications, figure 5.2.2.2.1-2): L and G code the
// left half, R the right half; the parity of the six left digits codes the first digit.
const L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const R = L.map((p) => [...p].map((b) => (b === '1' ? '0' : '1')).join(''));
const G = R.map((p) => [...p].reverse().join(''));
const parities = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLL',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL',
];

/** Reads 95 EAN-13 modules back into 13 digits, independently of the encoder under test. */
function decodeEan13(modules: string): string {
  assert.equal(modules.length, 95);
  assert.equal(modules.slice(0, 3), '101', 'start guard');
  assert.equal(modules.slice(45, 50), '01010', 'centre guard');
  assert.equal(modules.slice(92), '101', 'end guard');
  let parity = '';
  let left = '';
  for (let i = 0; i < 6; i += 1) {
    const chunk = modules.slice(3 + i * 7, 10 + i * 7);
    const l = L.indexOf(chunk);
    const g = G.indexOf(chunk);
    assert.ok(l >= 0 || g >= 0, `left digit ${i} is an L or G pattern`);
    parity += l >= 0 ? 'L' : 'G';
    left += String(l >= 0 ? l : g);
  }
  let right = '';
  for (let i = 0; i < 6; i += 1) {
    const r = R.indexOf(modules.slice(50 + i * 7, 57 + i * 7));
    assert.ok(r >= 0, `right digit ${i} is an R pattern`);
    right += String(r);
  }
  return String(parities.indexOf(parity)) + left + right;
}

describe('barcodeBars', () => {
  it('draws an EAN-13 whose bars read back as the same 13 digits, check digit included', () => {
    for (const code of ['5901234123457', '4006381333931', '0012345678905', '4710088412348']) {
      const bars = barcodeBars('EAN13', code);
      assert.ok(bars, code);
      assert.equal(decodeEan13(bars.modules), code);
      assert.ok(bars.quietZone >= 11, 'EAN-13 needs 11 light modules on the left');
    }
  });

  it('refuses an EAN-13 with a wrong check digit or the wrong length, instead of correcting it', () => {
    assert.equal(barcodeBars('EAN13', '5901234123458'), undefined);
    assert.equal(
      barcodeBars('EAN13', '590123412345'),
      undefined,
      '12 digits would get a computed check digit',
    );
    assert.equal(barcodeBars('EAN13', '59012341234570'), undefined);
  });

  it('draws CODE128 with a start code, a whole number of symbols and the stop pattern', () => {
    for (const code of ['LOTUS-0042', '1234567890123456', 'a b~!']) {
      const bars = barcodeBars('CODE128', code);
      assert.ok(bars, code);
      const m = bars.modules;
      assert.ok(['11010000100', '11010010000', '11010011100'].includes(m.slice(0, 11)), 'start A, B or C');
      assert.equal(m.slice(-13), '1100011101011', 'stop pattern');
      assert.equal((m.length - 13) % 11, 0, 'symbols of 11 modules');
      assert.ok(bars.quietZone >= 10, 'CODE128 needs 10 light modules each side');
    }
    // Numeric codes use code set C: two digits per symbol, so the bars stay wide enough to scan.
    const digits = barcodeBars('CODE128', '1234567890123456');
    assert.equal(digits?.modules.length, 11 * (1 + 8 + 1) + 13);
  });

  it('refuses what CODE128 cannot carry', () => {
    assert.equal(barcodeBars('CODE128', ''), undefined);
    assert.equal(barcodeBars('CODE128', '會員'), undefined);
  });
});

describe('barsPath', () => {
  it('draws one rectangle per run of dark modules, shifted past the quiet zone', () => {
    assert.equal(barsPath({ modules: '1101', quietZone: 2 }, 50), 'M2 0h2v50h-2zM5 0h1v50h-1z');
  });
});
