import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyNobody, verifyPassword } from './passwords.ts';

describe('member passwords', () => {
  it('verifies the password it hashed, and nothing else', async () => {
    const stored = await hashPassword('coffee');
    assert.match(stored, /^scrypt\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(await verifyPassword('coffee', stored), true);
    assert.equal(await verifyPassword('Coffee', stored), false);
    assert.equal(await verifyPassword('', stored), false);
  });

  it('salts every hash, so two members with one password have different hashes', async () => {
    assert.notEqual(await hashPassword('coffee'), await hashPassword('coffee'));
  });

  it('never matches a malformed hash, and an unknown member never signs in', async () => {
    assert.equal(await verifyPassword('coffee', 'coffee'), false);
    assert.equal(await verifyPassword('coffee', 'scrypt$$'), false);
    assert.equal(await verifyNobody('coffee'), false);
  });
});
