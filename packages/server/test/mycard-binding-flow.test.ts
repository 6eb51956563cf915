// The My Card binding flow end to end (wallet → merchant page → Apply → callback → card), the
// wallet's card pages, and unbinding by the shopper and by the merchant.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recentOutboxEvents } from '@jinliu/db';
import {
  apply,
  bindCard,
  bindingRow,
  createProgram,
  followCallback,
  merchantOf,
  merchantVerifies,
  newMerchant,
  newUser,
  reserve,
  signedIn,
  walletBrowser,
} from './helpers/mycard.ts';
import { startPlatform, type TestPlatform, v3 } from './helpers/test-app.ts';

describe('My Card binding flow', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('reserve → merchant verifies with the JWK set → Apply → callback SUCCESS → an active card', async () => {
    const m = merchantOf(p);
    const program = await createProgram(m, { codeType: 'EAN13', name: 'Pearl Milk Club' });
    const user = await newUser(p);
    const b = await signedIn(p, user);

    const link = await reserve(b, program.programId);
    const url = new URL(link.redirectUrl);
    assert.equal(url.origin + url.pathname, 'https://shop.example/mycard/bind');
    assert.equal(url.searchParams.get('src'), 'linepay', "the merchant's own query is kept");
    assert.match(link.nonce, /^[A-Za-z0-9_-]{22}$/, '128-bit nonce, base64url');
    assert.equal(link.callback, `http://jinliu.test/mycard/bindings/${link.bindingId}/callback`);
    assert.ok(
      await merchantVerifies(p, program.programId, link),
      'WebCrypto verifies the token with the JWK',
    );
    assert.equal(await merchantVerifies(p, program.programId, { ...link, nonce: `${link.nonce}x` }), false);
    assert.equal((await bindingRow(p, link.bindingId)).status, 'RESERVED');

    const applied = await apply(m, link.token, '5901234123457', { displayName: 'Gold member' });
    assert.equal(applied.body.returnCode, '0000', applied.raw);
    assert.deepEqual(applied.body.info, {
      bindingId: link.bindingId,
      status: 'APPLIED',
      callback: link.callback,
    });
    const stored = await bindingRow(p, link.bindingId);
    assert.equal(stored.status, 'APPLIED');
    assert.ok(stored.codeEnc && stored.codeEnc.length > 28, 'the code is stored sealed');
    assert.equal(stored.codeEnc.includes(Buffer.from('5901234123457')), false, 'the column holds ciphertext');
    const [tokenRow] = await p.services.db.query(
      'SELECT token_hash FROM mycard_bindings WHERE binding_id = $1',
      [link.bindingId],
    );
    assert.notEqual(tokenRow?.token_hash, link.token, 'only a hash of the token is stored');

    const done = await followCallback(p, link, p.channel.channelId);
    assert.equal(done.status, 303);
    assert.equal(done.location, `/wallet/mycard/cards/${link.bindingId}?result=ACTIVE`);

    const card = await b.call('GET', `/api/mycard/cards/${link.bindingId}`);
    assert.equal(card.status, 200);
    assert.equal(card.body.status, 'ACTIVE');
    assert.equal(card.body.membershipCode, '5901234123457', 'the code decrypts for its owner');
    assert.deepEqual(card.body.barcode, { format: 'EAN13', value: '5901234123457' });
    assert.equal(card.body.displayName, 'Gold member');
    assert.equal(card.body.program.name, 'Pearl Milk Club');
    assert.equal(card.body.program.merchantName, 'Test shop');
    assert.deepEqual(card.body.program.detail.type, 'TEMPLATE');
    const cards = await b.call('GET', '/api/mycard/cards');
    assert.deepEqual(
      cards.body.cards.map((c: { bindingId: string }) => c.bindingId),
      [link.bindingId],
    );
    assert.equal(cards.body.cards[0].membershipCode, undefined, 'the list never carries codes');
    const events = await recentOutboxEvents(p.services.db, 20);
    assert.ok(
      events.some(
        (e) => e.type === 'mycard.bound' && (e.payload as { bindingId: string }).bindingId === link.bindingId,
      ),
    );
  });

  it('the catalogue searches by name and marks the cards the shopper holds', async () => {
    const m = merchantOf(p);
    const program = await createProgram(m, { name: 'Zebra Noodle 100% Club' });
    const user = await newUser(p);
    const b = await signedIn(p, user);
    const found = await b.call('GET', `/api/mycard/programs?q=${encodeURIComponent('zebra noodle')}`);
    assert.equal(found.status, 200);
    assert.deepEqual(
      found.body.programs.map((x: { programId: string; held: boolean }) => [x.programId, x.held]),
      [[program.programId, false]],
    );
    const literalPercent = await b.call('GET', `/api/mycard/programs?q=${encodeURIComponent('0% C')}`);
    assert.deepEqual(
      literalPercent.body.programs.map((x: { programId: string }) => x.programId),
      [program.programId],
      '% is matched literally',
    );
    const bindingId = await bindCard(p, m, program.programId, user, 'Z-1');
    const held = await b.call('GET', `/api/mycard/programs/${program.programId}`);
    assert.equal(held.body.held, true);
    assert.equal(held.body.bindingId, bindingId);
    assert.equal(held.body.detail.benefits, '10% off');
    const anonymous = walletBrowser(p);
    const view = await anonymous.call('GET', `/api/mycard/programs/${program.programId}`);
    assert.equal(view.status, 200, 'the catalogue is readable before sign-in');
    assert.equal(view.body.held, false);
    assert.equal((await anonymous.call('GET', '/api/mycard/programs/CPNOSUCHPROGRAM9')).status, 404);
  });

  it('reserving needs a signed-in shopper and the CSRF token, and one active card per program', async () => {
    const m = merchantOf(p);
    const program = await createProgram(m);
    const anonymous = walletBrowser(p);
    await anonymous.call('GET', '/api/session');
    assert.equal(
      (await anonymous.call('POST', `/api/mycard/programs/${program.programId}/bindings`)).status,
      401,
    );
    const user = await newUser(p);
    const b = await signedIn(p, user);
    const noCsrf = await p.app.inject({
      method: 'POST',
      url: `/api/mycard/programs/${program.programId}/bindings`,
    });
    assert.equal(noCsrf.statusCode, 403);
    await bindCard(p, m, program.programId, user, 'ONE-1');
    const again = await b.call('POST', `/api/mycard/programs/${program.programId}/bindings`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, '3109');
  });

  it("a shopper sees only their own cards; the code is never shown for another user's binding", async () => {
    const m = merchantOf(p);
    const program = await createProgram(m);
    const owner = await newUser(p);
    const bindingId = await bindCard(p, m, program.programId, owner, 'PRIVATE-1');
    const stranger = await signedIn(p, await newUser(p));
    const peek = await stranger.call('GET', `/api/mycard/cards/${bindingId}`);
    assert.equal(peek.status, 404);
    assert.doesNotMatch(JSON.stringify(peek.body), /PRIVATE-1/);
    assert.equal((await stranger.call('DELETE', `/api/mycard/cards/${bindingId}`)).status, 404);
    assert.equal((await bindingRow(p, bindingId)).status, 'ACTIVE');
  });

  it('the shopper unbinds: the card is gone, its code discarded, the merchant told', async () => {
    const m = merchantOf(p);
    const program = await createProgram(m);
    const user = await newUser(p);
    const bindingId = await bindCard(p, m, program.programId, user, 'BYE-1');
    const b = await signedIn(p, user);
    const removed = await b.call('DELETE', `/api/mycard/cards/${bindingId}`);
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.deepEqual(removed.body, { bindingId, status: 'UNBOUND' });
    assert.deepEqual(await bindingRow(p, bindingId), { status: 'UNBOUND', hasCode: false, codeEnc: null });
    assert.deepEqual((await b.call('GET', '/api/mycard/cards')).body.cards, []);
    const card = await b.call('GET', `/api/mycard/cards/${bindingId}`);
    assert.equal(card.body.status, 'UNBOUND');
    assert.equal(card.body.membershipCode, null);
    assert.equal((await b.call('DELETE', `/api/mycard/cards/${bindingId}`)).status, 404);
    const events = await recentOutboxEvents(p.services.db, 20);
    const unbound = events.find((e) => e.type === 'mycard.unbound');
    assert.deepEqual(unbound?.payload, { bindingId, programId: program.programId, by: 'SHOPPER' });
    // The shopper can bind the program again afterwards.
    await bindCard(p, m, program.programId, user, 'BYE-2');
  });

  it('the merchant unbinds by membership code or by binding id; not another merchant’s card', async () => {
    const m = merchantOf(p);
    const program = await createProgram(m);
    const first = await bindCard(p, m, program.programId, await newUser(p), 'CODE-A');
    const second = await bindCard(p, m, program.programId, await newUser(p), 'CODE-B');
    const byCode = await v3(m, 'POST', '/v1/mycard/bindings/unbind', { membershipCode: 'CODE-A' });
    assert.equal(byCode.body.returnCode, '0000', byCode.raw);
    assert.deepEqual(byCode.body.info.unbound, [{ bindingId: first, programId: program.programId }]);
    assert.equal((await bindingRow(p, first)).status, 'UNBOUND');
    assert.equal((await bindingRow(p, second)).status, 'ACTIVE');
    const other = await newMerchant(p);
    const foreign = await v3(other, 'POST', '/v1/mycard/bindings/unbind', { bindingId: second });
    assert.equal(foreign.body.returnCode, '3112');
    assert.equal((await bindingRow(p, second)).status, 'ACTIVE');
    const byId = await v3(m, 'POST', '/v1/mycard/bindings/unbind', { bindingId: second });
    assert.equal(byId.body.returnCode, '0000');
    assert.equal((await bindingRow(p, second)).status, 'UNBOUND');
    const none = await v3(m, 'POST', '/v1/mycard/bindings/unbind', { membershipCode: 'CODE-A' });
    assert.equal(none.body.returnCode, '3112');
    assert.equal((await v3(m, 'POST', '/v1/mycard/bindings/unbind', {})).body.returnCode, '2101');
  });
});
