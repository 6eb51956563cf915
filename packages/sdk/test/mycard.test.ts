// My Card through the SDK against a running Jinliu: the merchant creates a program, a shopper
// reserves a binding in the wallet, and the merchant's side is nothing but SDK calls —
// verifyBindingRequest → apply → bindingCallbackUrl → the browser follows it → the card is
// active and the shopper's payments carry the membership code; then forged tokens, replays and
// unbinding, and a key rotation seen by a client with a cached key set.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type BindingLink, reserve, signedIn } from '../../server/test/helpers/mycard.ts';
import {
  bindingCallbackUrl,
  buildPaymentRequest,
  createClient,
  isLinePayError,
  type LinePayClient,
  type MyCardProgram,
} from '../src/index.ts';
import { type Jinliu, orderId, startJinliu } from './helpers/jinliu.ts';

let j: Jinliu;
before(async () => {
  j = await startJinliu();
});
after(async () => {
  await j?.close();
});

const ean = '5901234123457';

async function newProgram(client: LinePayClient, name: string): Promise<MyCardProgram> {
  return client.mycard.createProgram({
    name,
    codeType: 'EAN13',
    bindingUrl: 'https://shop.test/mycard/bind?src=linepay',
    detail: {
      type: 'TEMPLATE',
      benefits: '10% off',
      terms: 'One card per person',
      contact: 'club@shop.test',
    },
  });
}

/** A fresh sandbox shopper with a balance, signed in to the wallet, who reserves a binding. */
async function shopperReserves(programId: string) {
  const { userId } = await j.sandbox.createUser({ displayName: 'member', balance: 10_000, points: 0 });
  const wallet = await signedIn(j.platform, userId);
  const link: BindingLink = await reserve(wallet, programId);
  return { userId, wallet, link };
}

/**
 * The browser follows the merchant's redirect to the callback. The test platform's public URL
 * is http://jinliu.test, so the request goes to the same path on the listening server.
 */
async function follow(url: string): Promise<{ status: number; location: string | null }> {
  const u = new URL(url);
  assert.equal(u.origin, 'http://jinliu.test');
  const res = await fetch(`${j.baseUrl}${u.pathname}${u.search}`, { redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get('location') };
}

/** A paid TWD order of `userId` at `client`'s channel; returns the transaction id. */
async function approvedPayment(client: LinePayClient, userId: string, price: number): Promise<bigint> {
  const { transactionId } = await client.request(
    buildPaymentRequest({
      orderId: orderId('mycard'),
      currency: 'TWD',
      packages: [{ id: 'p', products: [{ name: 'Tea', quantity: 1, price }] }],
      redirectUrls: { confirmUrl: 'https://shop.test/ok', cancelUrl: 'https://shop.test/no' },
    }),
  );
  await j.sandbox.approve(transactionId, { userId });
  return transactionId;
}

async function rejectsWith(p: Promise<unknown>, returnCode: string, endpoint: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isLinePayError(e), String(e));
    assert.equal(e.returnCode, returnCode, e.message);
    assert.equal(e.endpoint, endpoint);
    assert.equal(e.retryable, false);
    return true;
  });
}

describe('My Card with the SDK against a running Jinliu', () => {
  it('program → reserve → verify → apply → callback → active card → memberships in payments → unbind', async () => {
    const { client, channelId } = await j.newClient();
    const created = await newProgram(client, 'SDK Tea Club');
    assert.match(created.programId, /^CP[A-Z0-9]{14}$/);
    assert.equal(created.channelId, channelId, 'this channel is the Apply channel');
    assert.equal(created.status, 'ACTIVE');
    assert.equal(created.jwksUrl, `http://jinliu.test/v1/mycard/programs/${created.programId}/jwks.json`);
    const program = await client.mycard.updateProgram(created.programId, { name: 'SDK Tea Club Gold' });
    assert.equal(program.name, 'SDK Tea Club Gold');
    assert.equal(program.bindingUrl, created.bindingUrl);
    assert.deepEqual(await client.mycard.program(program.programId), program);
    assert.deepEqual(
      (await client.mycard.programs()).map((p) => p.programId),
      [program.programId],
    );
    const { keys } = await client.mycard.keys(program.programId);
    assert.equal(keys.length, 1);
    assert.equal(keys[0]?.crv, 'P-256');

    const { userId, wallet, link } = await shopperReserves(program.programId);
    // The merchant's binding page, with the URL the browser arrived at.
    const request = await client.mycard.verifyBindingRequest(program.programId, link.redirectUrl);
    assert.deepEqual(request, { nonce: link.nonce, callback: link.callback, token: link.token });
    const applied = await client.mycard.apply({
      token: request.token,
      membershipCode: ean,
      displayName: 'Gold',
    });
    assert.deepEqual(applied, { bindingId: link.bindingId, status: 'APPLIED', callback: request.callback });
    const back = bindingCallbackUrl({
      callback: applied.callback,
      token: request.token,
      channelId,
      status: 'SUCCESS',
    });
    assert.deepEqual(await follow(back), {
      status: 303,
      location: `/wallet/mycard/cards/${link.bindingId}?result=ACTIVE`,
    });
    const card = await wallet.call('GET', `/api/mycard/cards/${link.bindingId}`);
    assert.equal(card.body.status, 'ACTIVE');
    assert.equal(card.body.membershipCode, ean);
    assert.equal(card.body.displayName, 'Gold');

    const expected = [
      {
        programId: program.programId,
        programName: 'SDK Tea Club Gold',
        membershipCode: ean,
        codeType: 'EAN13',
      },
    ];
    const id = await approvedPayment(client, userId, 180);
    const status = await client.checkPaymentStatus(id);
    assert.equal(status.status, 'AUTHENTICATED');
    assert.deepEqual(status.memberships, expected);
    const paid = await client.confirm(id, { amount: 180, currency: 'TWD' });
    assert.equal(paid.transactionId, id);
    assert.deepEqual(paid.memberships, expected);
    const [detail] = await client.paymentDetails({ transactionId: [id] });
    assert.deepEqual(detail?.memberships, expected);

    assert.deepEqual(await client.mycard.unbind({ membershipCode: ean }), {
      unbound: [{ bindingId: link.bindingId, programId: program.programId }],
    });
    assert.equal((await wallet.call('GET', `/api/mycard/cards/${link.bindingId}`)).body.status, 'UNBOUND');
    const after = await client.confirm(await approvedPayment(client, userId, 60), {
      amount: 60,
      currency: 'TWD',
    });
    assert.equal('memberships' in after, false, 'no card, no memberships field');
    await rejectsWith(client.mycard.unbind({ bindingId: link.bindingId }), '3112', 'mycard.unbind');
  });

  it('a forged token fails verification and Apply (3101); a wrong code 3110; a replay 3103', async () => {
    const { client, channelId } = await j.newClient();
    const program = await newProgram(client, 'SDK Forgery Club');
    const { wallet, link } = await shopperReserves(program.programId);
    // Another signature-shaped token: one character of the real one changed.
    const at = 20;
    const forgedToken =
      link.token.slice(0, at) + (link.token[at] === 'A' ? 'B' : 'A') + link.token.slice(at + 1);
    const forged = new URL(link.redirectUrl);
    forged.searchParams.set('token', forgedToken);
    await rejectsWith(
      client.mycard.verifyBindingRequest(program.programId, forged),
      'INVALID_BINDING_TOKEN',
      'mycard.verifyBindingRequest',
    );
    const moved = new URL(link.redirectUrl);
    moved.searchParams.set('callback', 'https://evil.test/mycard/callback');
    await rejectsWith(
      client.mycard.verifyBindingRequest(program.programId, moved),
      'INVALID_BINDING_TOKEN',
      'mycard.verifyBindingRequest',
    );
    await rejectsWith(
      client.mycard.apply({ token: forgedToken, membershipCode: ean }),
      '3101',
      'mycard.apply',
    );

    const request = await client.mycard.verifyBindingRequest(program.programId, link.redirectUrl);
    await rejectsWith(
      client.mycard.apply({ token: request.token, membershipCode: '5901234123450' }),
      '3110',
      'mycard.apply',
    );
    const applied = await client.mycard.apply({ token: request.token, membershipCode: ean });
    assert.equal(applied.status, 'APPLIED');
    await rejectsWith(
      client.mycard.apply({ token: request.token, membershipCode: ean }),
      '3103',
      'mycard.apply',
    );

    const other = await j.newClient();
    await rejectsWith(other.client.mycard.program(program.programId), '3111', 'mycard.program');
    await rejectsWith(client.mycard.keys('CPNOSUCHPROGRAM1'), '3111', 'mycard.keys');

    // The shopper gave up on the merchant's page: CANCEL ends the binding without a card.
    const cancel = bindingCallbackUrl({
      callback: applied.callback,
      token: request.token,
      channelId,
      status: 'CANCEL',
    });
    assert.deepEqual(await follow(cancel), {
      status: 303,
      location: `/wallet/mycard/cards/${link.bindingId}?result=CANCELLED`,
    });
    const card = await wallet.call('GET', `/api/mycard/cards/${link.bindingId}`);
    assert.equal(card.body.status, 'CANCELLED');
    assert.equal(card.body.membershipCode, null);
  });

  it('after a key rotation a client holding the old key set refetches it once and verifies', async () => {
    const { client, channelId, channelSecret } = await j.newClient();
    const program = await newProgram(client, 'SDK Rotation Club');
    const cached = createClient({ channelId, channelSecret, baseUrl: j.baseUrl });
    const before = await cached.mycard.keys(program.programId);
    assert.equal(before.keys.length, 1);
    const rotated = await client.mycard.rotateKey(program.programId);
    assert.equal(rotated.keys.length, 2);
    assert.equal(rotated.keys[0]?.kid, rotated.kid);
    assert.deepEqual(
      await client.mycard.keys(program.programId),
      { keys: rotated.keys },
      'the rotating client knows',
    );
    assert.deepEqual(
      await cached.mycard.keys(program.programId),
      before,
      'the other still holds the old set',
    );

    const { link } = await shopperReserves(program.programId);
    const request = await cached.mycard.verifyBindingRequest(program.programId, link.redirectUrl);
    assert.equal(request.token, link.token);
    assert.deepEqual(
      (await cached.mycard.keys(program.programId)).keys.map((k) => k.kid),
      rotated.keys.map((k) => k.kid),
      'the refetched set is cached',
    );
  });
});
