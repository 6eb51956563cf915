import assert from 'node:assert/strict';
import { it } from 'node:test';
import { balancedEntry, netPostings } from './journal.ts';

it('nets legs per account and drops zeros', () => {
  assert.deepEqual(
    netPostings([
      { accountId: 1n, amount: -5n },
      { accountId: 2n, amount: 5n },
      { accountId: 1n, amount: 5n },
    ]),
    [{ accountId: 2n, amount: 5n }],
  );
});

it('refuses an unbalanced entry', () => {
  assert.throws(() => balancedEntry('confirm', '1', [{ accountId: 1n, amount: -5n }]), /does not balance/);
  const e = balancedEntry('confirm', '1', [
    { accountId: 1n, amount: -5n },
    { accountId: 2n, amount: 5n },
  ]);
  assert.equal(e.postings.length, 2);
});
