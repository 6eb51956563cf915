import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMemberNumber, memberNumber, ownMembershipCode, pointsFor } from './member-rules.ts';

describe('membership rules', () => {
  it('numbers members JC- and six digits', () => {
    assert.equal(memberNumber(123), 'JC-000123');
    assert.equal(memberNumber(999_999n), 'JC-999999');
    assert.throws(() => memberNumber(0), RangeError);
    assert.throws(() => memberNumber(1_000_000), RangeError);
    assert.equal(isMemberNumber('JC-000123'), true);
    assert.equal(isMemberNumber('JC-123'), false);
    assert.equal(isMemberNumber('jc-000123'), false);
  });

  it('earns 1 point per NT$10, rounded down, and none for other currencies or nothing paid', () => {
    assert.equal(pointsFor(420n, 'TWD'), 42n);
    assert.equal(pointsFor(1130n, 'TWD'), 113n);
    assert.equal(pointsFor(9n, 'TWD'), 0n);
    assert.equal(pointsFor(0n, 'TWD'), 0n);
    assert.equal(pointsFor(1000n, 'USD'), 0n);
  });

  it('picks the code of the shop’s own program only', () => {
    const ours = {
      programId: 'CPOURS',
      programName: 'Club',
      membershipCode: 'JC-000123',
      codeType: 'CODE128',
    };
    const group = { programId: 'CPGROUP', programName: 'Mall', membershipCode: 'M-1', codeType: 'CODE128' };
    assert.equal(ownMembershipCode([group, ours], 'CPOURS'), 'JC-000123');
    assert.equal(ownMembershipCode([group], 'CPOURS'), undefined);
    assert.equal(ownMembershipCode(undefined, 'CPOURS'), undefined);
    assert.equal(ownMembershipCode([ours], undefined), undefined);
  });
});
