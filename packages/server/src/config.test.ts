import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ConfigError, loadConfig, redactUrl } from './config.ts';

it('defaults to a sandbox on the embedded database', () => {
  const c = loadConfig({});
  assert.equal(c.mode, 'sandbox');
  assert.equal(c.port, 8080);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.publicUrl, 'http://127.0.0.1:8080');
  assert.ok(Object.isFrozen(c));
});

it('lists every bad value in one message', () => {
  try {
    loadConfig({
      PORT: 'eighty',
      JINLIU_MODE: 'prod',
      DATABASE_URL: 'mysql://u:secretpw@h/db',
      JINLIU_ENCRYPTION_KEYS: 'k1:short',
    });
    assert.fail('expected ConfigError');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.problems.length, 4);
    assert.match(error.message, /PORT=eighty must be a whole number/);
    assert.match(error.message, /JINLIU_MODE=prod must be one of sandbox, live/);
    assert.match(error.message, /DATABASE_URL must be a postgres: or postgresql: URL/);
    assert.doesNotMatch(error.message, /secretpw/);
  }
});

it('requires encryption keys in live mode and parses them', () => {
  assert.throws(() => loadConfig({ JINLIU_MODE: 'live' }), /JINLIU_ENCRYPTION_KEYS is required/);
  const key = Buffer.alloc(32, 7).toString('base64');
  const c = loadConfig({ JINLIU_MODE: 'live', JINLIU_ENCRYPTION_KEYS: `k2:${key},k1:${key}` });
  assert.deepEqual(
    c.encryptionKeys.map((k) => k.id),
    ['k2', 'k1'],
  );
});

it('redacts passwords in URLs', () => {
  assert.equal(redactUrl('postgres://u:pw@h:5432/db'), 'postgres://u:***@h:5432/db');
});
