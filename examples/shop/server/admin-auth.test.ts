import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminSessions } from './admin-auth.ts';

describe('admin sessions', () => {
  it('opens a session only for the right password', () => {
    const sessions = adminSessions('correct horse');
    assert.equal(sessions.signIn('correct hors'), undefined);
    assert.equal(sessions.signIn(''), undefined);
    assert.equal(sessions.signIn(42), undefined);
    const id = sessions.signIn('correct horse');
    assert.match(id ?? '', /^[\w-]{43}$/);
    assert.equal(sessions.isValid(id), true);
    assert.equal(sessions.isValid(`${id}x`), false);
    assert.equal(sessions.isValid(undefined), false);
    assert.notEqual(sessions.signIn('correct horse'), id, 'every sign-in gets its own id');
  });

  it('ends on sign-out and after eight hours', () => {
    let now = 0;
    const sessions = adminSessions('pw', () => now);
    const a = sessions.signIn('pw');
    const b = sessions.signIn('pw');
    sessions.signOut(a);
    assert.equal(sessions.isValid(a), false);
    assert.equal(sessions.isValid(b), true);
    now = 8 * 60 * 60_000 + 1;
    assert.equal(sessions.isValid(b), false);
  });
});
