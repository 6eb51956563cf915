import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barcodePayload, ean13CheckDigit, isValidEan13, validateMembershipCode } from './code-types.ts';

describe('EAN-13', () => {
  it('computes the check digit of published codes', () => {
    assert.equal(ean13CheckDigit('400638133393'), 1);
    assert.equal(ean13CheckDigit('590123412345'), 7);
    assert.equal(ean13CheckDigit('471000000000'), 4);
    assert.equal(ean13CheckDigit('000000000000'), 0);
    assert.throws(() => ean13CheckDigit('12345'));
  });

  it('accepts a valid code and refuses every wrong check digit', () => {
    assert.ok(isValidEan13('4006381333931'));
    for (let d = 0; d <= 9; d += 1) {
      if (d !== 1) {
        assert.equal(isValidEan13(`400638133393${d}`), false, `check digit ${d}`);
      }
    }
    assert.equal(isValidEan13('400638133393'), false);
    assert.equal(isValidEan13('40063813339311'), false);
    assert.equal(isValidEan13('400638133393a'), false);
  });
});

describe('validateMembershipCode', () => {
  it('EAN13: 13 digits with a valid check digit, else 3110 saying why', () => {
    assert.deepEqual(validateMembershipCode('EAN13', '5901234123457'), { ok: true, value: '5901234123457' });
    const wrong = validateMembershipCode('EAN13', '5901234123458');
    assert.equal(wrong.ok, false);
    assert.equal(!wrong.ok && wrong.code, '3110');
    assert.match(!wrong.ok ? (wrong.message ?? '') : '', /expected 7/);
    assert.equal(validateMembershipCode('EAN13', '59012341234').ok, false);
    assert.equal(validateMembershipCode('EAN13', ' 5901234123457').ok, false);
  });

  it('CODE128: 1 to 48 printable ASCII characters', () => {
    assert.equal(validateMembershipCode('CODE128', 'MEMBER-0042 x').ok, true);
    assert.equal(validateMembershipCode('CODE128', 'A'.repeat(48)).ok, true);
    assert.equal(validateMembershipCode('CODE128', 'A'.repeat(49)).ok, false);
    assert.equal(validateMembershipCode('CODE128', '會員123').ok, false);
    assert.equal(validateMembershipCode('CODE128', 'AB\tC').ok, false);
    assert.equal(validateMembershipCode('CODE128', '').ok, false);
  });

  it('QR: up to 256 characters (counted as code points), no control characters', () => {
    assert.equal(validateMembershipCode('QR', '會員-😀'.repeat(10)).ok, true);
    assert.equal(validateMembershipCode('QR', '😀'.repeat(256)).ok, true);
    assert.equal(validateMembershipCode('QR', 'x'.repeat(257)).ok, false);
    assert.equal(validateMembershipCode('QR', 'line\nbreak').ok, false);
    assert.equal(validateMembershipCode('QR', 42).ok, false);
  });

  it('the barcode payload is the code in the program symbology', () => {
    assert.deepEqual(barcodePayload('EAN13', '5901234123457'), { format: 'EAN13', value: '5901234123457' });
  });
});
