// My Card programs through the merchant API: create, list, update (PATCH), JWK set, key rotation, auth.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  apply,
  bindCard,
  createProgram,
  merchantOf,
  merchantVerifies,
  newMerchant,
  newUser,
  reserve,
  signedIn,
} from './helpers/mycard.ts';
import { startPlatform, type TestPlatform, v3 } from './helpers/test-app.ts';

describe('My Card programs', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('creates a program with the calling channel as its Apply channel, and lists and reads it', async () => {
    const m = merchantOf(p);
    const info = await createProgram(m, { name: 'Bubble Tea Club', codeType: 'EAN13' });
    assert.match(info.programId, /^CP[A-Z0-9]{14}$/);
    assert.equal(info.name, 'Bubble Tea Club');
    assert.equal(info.codeType, 'EAN13');
    assert.equal(info.channelId, Number(p.channel.channelId), 'the Apply channel is a bare integer');
    assert.equal(info.groupId, null);
    assert.equal(info.status, 'ACTIVE');
    assert.deepEqual(info.detail, {
      type: 'TEMPLATE',
      benefits: '10% off',
      terms: 'One card per person',
      contact: 'tea@shop.example',
    });
    assert.equal(info.jwksUrl, `http://jinliu.test/v1/mycard/programs/${info.programId}/jwks.json`);
    const list = await v3(m, 'GET', '/v1/mycard/programs');
    assert.equal(list.body.returnCode, '0000');
    assert.match(list.raw, new RegExp(`"channelId":${p.channel.channelId}[,}]`));
    assert.ok(list.body.info.some((x: { programId: string }) => x.programId === info.programId));
    const one = await v3(m, 'GET', `/v1/mycard/programs/${info.programId}`);
    assert.deepEqual(one.body.info, info);
  });

  it("another merchant cannot see or change a merchant's program (3111)", async () => {
    const info = await createProgram(merchantOf(p));
    const other = await newMerchant(p);
    assert.equal((await v3(other, 'GET', `/v1/mycard/programs/${info.programId}`)).body.returnCode, '3111');
    const change = await v3(other, 'POST', `/v1/mycard/programs/${info.programId}`, { name: 'Mine now' });
    assert.equal(change.body.returnCode, '3111');
    const list = await v3(other, 'GET', '/v1/mycard/programs');
    assert.ok(!list.body.info.some((x: { programId: string }) => x.programId === info.programId));
    assert.equal((await v3(other, 'GET', '/v1/mycard/programs/not-an-id')).body.returnCode, '3111');
  });

  it('updates with PATCH semantics: only the fields sent change; bad fields are 2101', async () => {
    const m = merchantOf(p);
    const info = await createProgram(m);
    const r = await v3(m, 'POST', `/v1/mycard/programs/${info.programId}`, {
      name: 'Tea Club Gold',
      logoUrl: null,
      detail: { type: 'EXTERNAL', url: 'https://shop.example/club' },
    });
    assert.equal(r.body.returnCode, '0000', r.raw);
    assert.equal(r.body.info.name, 'Tea Club Gold');
    assert.equal(r.body.info.logoUrl, null);
    assert.deepEqual(r.body.info.detail, { type: 'EXTERNAL', url: 'https://shop.example/club' });
    assert.equal(r.body.info.bindingUrl, info.bindingUrl, 'unsent fields are kept');
    assert.equal(r.body.info.codeType, info.codeType);
    const bad = await v3(m, 'POST', `/v1/mycard/programs/${info.programId}`, { bindingUrl: 'ftp://x' });
    assert.equal(bad.body.returnCode, '2101');
    assert.match(bad.body.returnMessage, /bindingUrl/);
    const empty = await v3(m, 'POST', `/v1/mycard/programs/${info.programId}`, {});
    assert.equal(empty.body.returnCode, '2101');
    const noBody = await v3(m, 'POST', '/v1/mycard/programs', {
      name: 'x',
      codeType: 'PDF417',
      bindingUrl: 'https://a.b',
    });
    assert.equal(noBody.body.returnCode, '2101');
    assert.match(noBody.body.returnMessage, /codeType/);
  });

  it('the code type cannot change while shoppers hold cards of the program', async () => {
    const m = merchantOf(p);
    const info = await createProgram(m);
    await bindCard(p, m, info.programId, await newUser(p), 'MEMBER-1');
    const r = await v3(m, 'POST', `/v1/mycard/programs/${info.programId}`, { codeType: 'QR' });
    assert.equal(r.body.returnCode, '2101');
    assert.match(r.body.returnMessage, /codeType/);
    assert.equal(
      (await v3(m, 'POST', `/v1/mycard/programs/${info.programId}`, { codeType: 'CODE128' })).body.returnCode,
      '0000',
    );
  });

  it('serves the JWK set publicly, cacheable, with one P-256 key carrying a kid', async () => {
    const info = await createProgram(merchantOf(p));
    const res = await p.app.inject({ method: 'GET', url: `/v1/mycard/programs/${info.programId}/jwks.json` });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['cache-control']), /public, max-age=\d+/);
    const { keys } = JSON.parse(res.body);
    assert.equal(keys.length, 1);
    assert.deepEqual(Object.keys(keys[0]).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    assert.equal(keys[0].crv, 'P-256');
    assert.equal(keys[0].alg, 'ES256');
    assert.equal('d' in keys[0], false, 'never the private key');
    const unknown = await p.app.inject({
      method: 'GET',
      url: '/v1/mycard/programs/CPNOSUCHPROGRAM1/jwks.json',
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal(JSON.parse(unknown.body).error.code, '3111');
  });

  it('rotation keeps the old key published until bindings signed with it have expired', async () => {
    const m = merchantOf(p);
    const info = await createProgram(m);
    const b = await signedIn(p, await newUser(p));
    const before = await reserve(b, info.programId);
    const rotated = await v3(m, 'POST', `/v1/mycard/programs/${info.programId}/keys/rotate`);
    assert.equal(rotated.body.returnCode, '0000', rotated.raw);
    assert.equal(rotated.body.info.keys.length, 2);
    assert.equal(rotated.body.info.keys[0].kid, rotated.body.info.kid, 'the current key comes first');
    // A binding reserved before the rotation still verifies and still completes its Apply.
    assert.ok(await merchantVerifies(p, info.programId, before));
    const afterRotation = await reserve(b, info.programId);
    assert.ok(await merchantVerifies(p, info.programId, afterRotation));
    assert.equal((await apply(m, before.token, 'OLD-KEY-1')).body.returnCode, '0000');
    // One binding lifetime later (10 minutes) only the new key is published.
    p.clock.advance(10 * 60_000 + 1000);
    const jwks = JSON.parse(
      (await p.app.inject({ method: 'GET', url: `/v1/mycard/programs/${info.programId}/jwks.json` })).body,
    );
    assert.deepEqual(
      jwks.keys.map((k: { kid: string }) => k.kid),
      [rotated.body.info.kid],
    );
    assert.equal(await merchantVerifies(p, info.programId, before), false, 'the retired key is gone');
    const [old] = await p.services.db.query(
      "SELECT private_enc FROM mycard_program_keys WHERE program_id = $1 AND status = 'RETIRED'",
      [info.programId],
    );
    assert.equal(old?.private_enc, null, 'the retired private key is wiped');
  });

  it('refuses unsigned, badly signed and replayed merchant calls with 1106', async () => {
    const m = merchantOf(p);
    const unsigned = await p.app.inject({ method: 'GET', url: '/v1/mycard/programs' });
    assert.equal(unsigned.statusCode, 200);
    assert.equal(JSON.parse(unsigned.body).returnCode, '1106');
    const wrong = await v3(m, 'GET', '/v1/mycard/programs', undefined, { secret: 'not-the-secret' });
    assert.equal(wrong.body.returnCode, '1106');
    const nonce = `replay-${Date.now()}`;
    assert.equal((await v3(m, 'GET', '/v1/mycard/programs', undefined, { nonce })).body.returnCode, '0000');
    assert.equal((await v3(m, 'GET', '/v1/mycard/programs', undefined, { nonce })).body.returnCode, '1106');
    const notJson = await v3(m, 'POST', '/v1/mycard/programs', undefined, { rawBody: '{nope' });
    assert.equal(notJson.body.returnCode, '2102');
  });
});
