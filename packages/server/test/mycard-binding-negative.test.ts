// Every way a binding can go wrong: each fails with its own code, changes nothing, and leaves
// no half-bound card (no ACTIVE binding, and no kept code unless the binding is APPLIED).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sweepExpiredBindings } from '../src/services/mycard/index.ts';
import {
  apply,
  type BindingLink,
  bindingRow,
  createProgram,
  followCallback,
  type Merchant,
  merchantOf,
  newMerchant,
  newUser,
  reserve,
  secondChannel,
  signedIn,
} from './helpers/mycard.ts';
import { startPlatform, type TestPlatform } from './helpers/test-app.ts';

describe('My Card binding: negative cases', () => {
  let p: TestPlatform;
  let m: Merchant;
  let programId: string;
  before(async () => {
    p = await startPlatform();
    m = merchantOf(p);
    programId = (await createProgram(m, { codeType: 'CODE128' })).programId;
  });
  after(async () => {
    await p.close();
  });

  /** A fresh shopper's reservation of the test program. */
  async function reserved(): Promise<BindingLink & { user: string }> {
    const user = await newUser(p);
    return { ...(await reserve(await signedIn(p, user), programId)), user };
  }

  /** A fresh shopper's binding after a successful Apply. */
  async function appliedLink(): Promise<BindingLink & { user: string }> {
    const link = await reserved();
    assert.equal((await apply(m, link.token, 'M-APPLIED')).body.returnCode, '0000');
    return link;
  }

  async function assertState(bindingId: string, status: string, hasCode: boolean) {
    const row = await bindingRow(p, bindingId);
    assert.equal(row.status, status);
    assert.equal(row.hasCode, hasCode, hasCode ? 'the code is kept' : 'no code is kept');
  }

  it('an expired reservation: Apply answers 3102 and nothing is bound', async () => {
    const link = await reserved();
    p.clock.advance(10 * 60_000);
    const r = await apply(m, link.token, 'M-LATE');
    assert.equal(r.body.returnCode, '3102', r.raw);
    await assertState(link.bindingId, 'EXPIRED', false);
  });

  it('a binding applied but not completed in time: the callback answers 3102 and the code is discarded', async () => {
    const link = await appliedLink();
    await assertState(link.bindingId, 'APPLIED', true);
    p.clock.advance(10 * 60_000 + 1);
    const done = await followCallback(p, link, m.channel.channelId);
    assert.deepEqual([done.result, done.code], ['ERROR', '3102']);
    await assertState(link.bindingId, 'EXPIRED', false);
  });

  it('the worker sweep expires an applied-but-abandoned binding and discards its code without anyone touching it', async () => {
    const link = await appliedLink();
    const live = await reserved();
    assert.equal(await sweepExpiredBindings(p.services.mycard), 0, 'nothing is due yet');
    p.clock.advance(10 * 60_000 + 1);
    const fresh = await reserved();
    assert.equal(await sweepExpiredBindings(p.services.mycard), 2);
    await assertState(link.bindingId, 'EXPIRED', false);
    await assertState(live.bindingId, 'EXPIRED', false);
    await assertState(fresh.bindingId, 'RESERVED', false);
    assert.equal(await sweepExpiredBindings(p.services.mycard), 0, 'a second sweep finds nothing');
  });

  it('a replayed Apply (the same token twice) answers 3103 and keeps the first code', async () => {
    const link = await reserved();
    assert.equal((await apply(m, link.token, 'M-FIRST')).body.returnCode, '0000');
    const replay = await apply(m, link.token, 'M-SECOND');
    assert.equal(replay.body.returnCode, '3103', replay.raw);
    await assertState(link.bindingId, 'APPLIED', true);
    assert.equal((await followCallback(p, link, m.channel.channelId)).result, 'ACTIVE');
    const card = await (await signedIn(p, link.user)).call('GET', `/api/mycard/cards/${link.bindingId}`);
    assert.equal(card.body.membershipCode, 'M-FIRST');
  });

  it('a forged token answers 3101 (well-formed or not) and changes nothing', async () => {
    const link = await reserved();
    const forged = randomBytes(64).toString('base64url');
    assert.equal((await apply(m, forged, 'M-FORGED')).body.returnCode, '3101');
    assert.equal((await apply(m, 'not-a-token', 'M-FORGED')).body.returnCode, '3101');
    const flipped = (link.token[0] === 'A' ? 'B' : 'A') + link.token.slice(1);
    assert.equal((await apply(m, flipped, 'M-FORGED')).body.returnCode, '3101');
    await assertState(link.bindingId, 'RESERVED', false);
  });

  it("a token of another merchant's program answers 3105", async () => {
    const other = await newMerchant(p, 'Noodle shop');
    const otherProgram = await createProgram(other, { name: 'Noodle Club' });
    const link = await reserve(await signedIn(p, await newUser(p)), otherProgram.programId);
    const r = await apply(m, link.token, 'M-WRONG-PROGRAM');
    assert.equal(r.body.returnCode, '3105', r.raw);
    await assertState(link.bindingId, 'RESERVED', false);
    assert.equal(
      (await apply(other, link.token, 'M-RIGHT')).body.returnCode,
      '0000',
      'its own merchant still can',
    );
  });

  it("an Apply from another channel of the same merchant answers 3104 (only the program's Apply channel)", async () => {
    const link = await reserved();
    const sibling = await secondChannel(p, m);
    const r = await apply(sibling, link.token, 'M-SIBLING');
    assert.equal(r.body.returnCode, '3104', r.raw);
    assert.match(r.body.returnMessage, new RegExp(m.channel.channelId));
    await assertState(link.bindingId, 'RESERVED', false);
  });

  it('a callback with another channelId answers 3104 and the binding stays APPLIED', async () => {
    const link = await appliedLink();
    const sibling = await secondChannel(p, m);
    const done = await followCallback(p, link, sibling.channel.channelId);
    assert.equal(done.status, 303);
    assert.deepEqual([done.result, done.code], ['ERROR', '3104']);
    assert.equal(done.location, `/wallet/mycard/cards/${link.bindingId}?result=ERROR&code=3104`);
    await assertState(link.bindingId, 'APPLIED', true);
    assert.equal((await followCallback(p, link, 'not-a-number')).code, '3104');
  });

  it("a callback with another binding's token answers 3101", async () => {
    const link = await appliedLink();
    const stranger = await reserved();
    const done = await followCallback(
      p,
      { callback: link.callback, token: stranger.token },
      m.channel.channelId,
    );
    assert.deepEqual([done.result, done.code], ['ERROR', '3101']);
    await assertState(link.bindingId, 'APPLIED', true);
    await assertState(stranger.bindingId, 'RESERVED', false);
  });

  it('a callback SUCCESS before the Apply answers 3106 and nothing is bound', async () => {
    const link = await reserved();
    const done = await followCallback(p, link, m.channel.channelId);
    assert.deepEqual([done.result, done.code], ['ERROR', '3106']);
    await assertState(link.bindingId, 'RESERVED', false);
  });

  it('an Apply after the binding was completed answers 3107 and the card keeps its code', async () => {
    const link = await appliedLink();
    assert.equal((await followCallback(p, link, m.channel.channelId)).result, 'ACTIVE');
    const late = await apply(m, link.token, 'M-OVERWRITE');
    assert.equal(late.body.returnCode, '3107', late.raw);
    await assertState(link.bindingId, 'ACTIVE', true);
    const card = await (await signedIn(p, link.user)).call('GET', `/api/mycard/cards/${link.bindingId}`);
    assert.equal(card.body.membershipCode, 'M-APPLIED');
  });

  it('a replayed callback answers 3107 and changes nothing', async () => {
    const link = await appliedLink();
    assert.equal((await followCallback(p, link, m.channel.channelId)).result, 'ACTIVE');
    const again = await followCallback(p, link, m.channel.channelId);
    assert.deepEqual([again.result, again.code], ['ERROR', '3107']);
    const cancel = await followCallback(p, link, m.channel.channelId, 'CANCEL');
    assert.deepEqual(
      [cancel.result, cancel.code],
      ['ERROR', '3107'],
      'a late CANCEL cannot end an active card',
    );
    await assertState(link.bindingId, 'ACTIVE', true);
  });

  it('callback FAIL ends the binding as FAILED, discards the code, and a later Apply answers 3108', async () => {
    const link = await appliedLink();
    const done = await followCallback(p, link, m.channel.channelId, 'FAIL');
    assert.equal(done.location, `/wallet/mycard/cards/${link.bindingId}?result=FAILED`);
    await assertState(link.bindingId, 'FAILED', false);
    assert.equal((await apply(m, link.token, 'M-RETRY')).body.returnCode, '3108');
    const cards = await (await signedIn(p, link.user)).call('GET', '/api/mycard/cards');
    assert.deepEqual(cards.body.cards, []);
  });

  it('callback CANCEL ends a pending binding as CANCELLED with no card', async () => {
    const link = await reserved();
    const done = await followCallback(p, link, m.channel.channelId, 'CANCEL');
    assert.equal(done.result, 'CANCELLED');
    await assertState(link.bindingId, 'CANCELLED', false);
    const success = await followCallback(p, link, m.channel.channelId);
    assert.deepEqual([success.result, success.code], ['ERROR', '3108']);
  });

  it('a callback with an unknown status answers 2101; an unknown binding 3112', async () => {
    const link = await appliedLink();
    assert.equal((await followCallback(p, link, m.channel.channelId, 'MAYBE')).code, '2101');
    await assertState(link.bindingId, 'APPLIED', true);
    const unknown = await followCallback(
      p,
      { callback: 'http://jinliu.test/mycard/bindings/BNOSUCHBINDING234567890/callback', token: link.token },
      m.channel.channelId,
    );
    assert.equal(unknown.code, '3112');
  });

  it('a membership code not matching the program code type answers 3110 and the binding stays RESERVED', async () => {
    const ean = await createProgram(m, { codeType: 'EAN13' });
    const link = await reserve(await signedIn(p, await newUser(p)), ean.programId);
    const wrong = await apply(m, link.token, '5901234123458');
    assert.equal(wrong.body.returnCode, '3110');
    assert.match(wrong.body.returnMessage, /check digit/);
    await assertState(link.bindingId, 'RESERVED', false);
    assert.equal((await apply(m, link.token, '5901234123457')).body.returnCode, '0000');
  });

  it('ten concurrent Apply calls with one token: exactly one succeeds, nine answer 3103', async () => {
    const link = await reserved();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => apply(m, link.token, `M-RACE-${i}`)),
    );
    const codes = answers.map((a) => a.body.returnCode).sort();
    assert.deepEqual(codes, ['0000', ...Array(9).fill('3103')]);
    await assertState(link.bindingId, 'APPLIED', true);
    const [count] = await p.services.db.query(
      "SELECT count(*) AS n FROM mycard_bindings WHERE binding_id = $1 AND status = 'APPLIED'",
      [link.bindingId],
    );
    assert.equal(Number(count?.n), 1);
  });

  it('two reservations completed for one shopper and program: the second activation answers 3109', async () => {
    const user = await newUser(p);
    const b = await signedIn(p, user);
    const one = await reserve(b, programId);
    const two = await reserve(b, programId);
    assert.equal((await apply(m, one.token, 'M-ONE')).body.returnCode, '0000');
    assert.equal((await apply(m, two.token, 'M-TWO')).body.returnCode, '0000');
    assert.equal((await followCallback(p, one, m.channel.channelId)).result, 'ACTIVE');
    const second = await followCallback(p, two, m.channel.channelId);
    assert.deepEqual([second.result, second.code], ['ERROR', '3109']);
    await assertState(two.bindingId, 'APPLIED', true);
    const [count] = await p.services.db.query(
      "SELECT count(*) AS n FROM mycard_bindings WHERE program_id = $1 AND user_id = $2 AND status = 'ACTIVE'",
      [programId, user],
    );
    assert.equal(Number(count?.n), 1, 'at most one active card per program and shopper');
  });
});
