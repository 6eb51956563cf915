import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAlreadyConfirmed, isUnclear, retiresRegKey } from './linepay-codes.ts';

describe('LINE Pay answers', () => {
  it('treats lost or unusable answers as unclear, and business refusals as clear', () => {
    for (const code of ['TIMEOUT', 'NETWORK', 'BAD_RESPONSE', '9000', '1198', 'HTTP_502', 'HTTP_500']) {
      assert.equal(isUnclear(code), true, code);
    }
    for (const code of ['1142', '1172', '1180', 'HTTP_404', 'INVALID_ARGUMENT', '1281']) {
      assert.equal(isUnclear(code), false, code);
    }
  });

  it('knows the two "already confirmed" codes', () => {
    assert.deepEqual(['1172', '1152', '1150', '0000'].map(isAlreadyConfirmed), [true, true, false, false]);
  });

  it('retires the regKey only where LINE Pay discards it: 1190, 1193, 1141, 1282–1287, 1290–1295', () => {
    for (const code of ['1190', '1193', '1141', '1282', '1287', '1290', '1295']) {
      assert.equal(retiresRegKey(code), true, code);
    }
    for (const code of [
      '1142',
      '1172',
      '1264',
      '1280',
      '1281',
      '1288',
      '1289',
      '1296',
      '1298',
      '1300',
      'TIMEOUT',
      '9000',
    ]) {
      assert.equal(retiresRegKey(code), false, code);
    }
  });
});
