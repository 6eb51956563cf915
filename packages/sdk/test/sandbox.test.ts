import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { balanceOf } from '../../server/test/helpers/test-app.ts';
import { buildPaymentRequest, createSandbox, isLinePayError, type LinePayClient } from '../src/index.ts';
import { type Jinliu, orderId, startJinliu } from './helpers/jinliu.ts';

let j: Jinliu;
let client: LinePayClient;
before(async () => {
  j = await startJinliu();
  ({ client } = await j.newClient());
});
after(async () => {
  await j?.close();
});

function body(price: number) {
  return buildPaymentRequest({
    orderId: orderId(),
    currency: 'TWD',
    packages: [{ id: 'p', products: [{ name: 'Tea', quantity: 1, price }] }],
    redirectUrls: { confirmUrl: 'https://shop.test/ok', cancelUrl: 'https://shop.test/cancelled' },
  });
}

async function rejectsWith(p: Promise<unknown>, code: string, endpoint: string, httpStatus: number) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isLinePayError(e), String(e));
    assert.equal(e.returnCode, code, e.message);
    assert.equal(e.endpoint, endpoint);
    assert.equal(e.httpStatus, httpStatus);
    return true;
  });
}

describe('sandbox helpers against a running Jinliu', () => {
  it('createChannel gives working credentials in the asked currency', async () => {
    const channel = await j.sandbox.createChannel({ name: 'USD shop', currency: 'USD' });
    assert.match(channel.channelId, /^\d+$/);
    assert.ok(channel.channelSecret.length >= 32);
    assert.ok(channel.merchantId.length > 0);
    await rejectsWith(
      j.sandbox.createChannel({ currency: 'EUR' as 'USD' }),
      '1178',
      'sandbox.createChannel',
      422,
    );
  });

  it('users lists the seeded users with accounts; createUser and setBalance change them', async () => {
    const users = await j.sandbox.users();
    assert.ok(users.some((u) => u.userId === j.platform.alice));
    const created = await j.sandbox.createUser({
      displayName: 'Dora',
      currency: 'TWD',
      balance: 300,
      points: 20,
    });
    assert.equal(created.pin, '123456');
    const dora = (await j.sandbox.users()).find((u) => u.userId === created.userId);
    assert.equal(dora?.displayName, 'Dora');
    assert.deepEqual(dora?.accounts.map((a) => [a.kind, a.currency, a.balance]).sort(), [
      ['balance', 'TWD', 300],
      ['points', 'TWD', 20],
    ]);
    await j.sandbox.setBalance(created.userId, { currency: 'TWD', balance: 40 });
    assert.equal(await balanceOf(j.platform, created.userId), 40n);
    await rejectsWith(
      j.sandbox.setBalance('nobody', { currency: 'TWD', balance: 1 }),
      '1101',
      'sandbox.setBalance',
      404,
    );
  });

  it('approve as a chosen user, with points, pays from that user', async () => {
    const { userId } = await j.sandbox.createUser({ currency: 'TWD', balance: 500, points: 100 });
    const req = await client.request(body(150));
    const approved = await j.sandbox.approve(req.transactionId, { userId, method: 'BALANCE', points: 50 });
    assert.match(approved.redirectUrl ?? '', /^https:\/\/shop\.test\/ok\?/);
    const paid = await client.confirm(req.transactionId, { amount: 150, currency: 'TWD' });
    assert.deepEqual(paid.payInfo.map((p) => [p.method, p.amount]).sort(), [
      ['BALANCE', 100],
      ['POINT', 50],
    ]);
    assert.equal(await balanceOf(j.platform, userId), 400n);
  });

  it('testCards lists cards; a decline card fails confirm with its code', async () => {
    const cards = await j.sandbox.testCards();
    assert.ok(cards.approve.length > 0);
    const decline = cards.decline[0] as { number: string; code: string };
    assert.match(decline.code, /^\d{4}$/);
    const req = await client.request(body(80));
    await j.sandbox.approve(req.transactionId, { method: 'CREDIT_CARD', cardNumber: decline.number });
    await assert.rejects(client.confirm(req.transactionId, { amount: 80, currency: 'TWD' }), {
      returnCode: decline.code,
    });
    const approve = cards.approve[0] as { number: string };
    const ok = await client.request(body(90));
    await j.sandbox.approve(ok.transactionId, { method: 'CREDIT_CARD', cardNumber: approve.number });
    const paid = await client.confirm(ok.transactionId, { amount: 90, currency: 'TWD' });
    assert.equal(paid.payInfo[0]?.method, 'CREDIT_CARD');
  });

  it('cancel returns to the cancelUrl and the status becomes CANCELLED', async () => {
    const req = await client.request(body(10));
    const cancelled = await j.sandbox.cancel(req.transactionId.toString());
    assert.equal(cancelled.redirectUrl, 'https://shop.test/cancelled');
    assert.equal((await client.checkPaymentStatus(req.transactionId)).status, 'CANCELLED');
    await rejectsWith(j.sandbox.approve(req.transactionId), '1180', 'sandbox.approve', 409);
  });

  it('approve of an unknown id is a 1150 LinePayError from sandbox.approve', async () => {
    await rejectsWith(j.sandbox.approve(2026010112345678910n), '1150', 'sandbox.approve', 404);
    await assert.rejects(j.sandbox.approve('12ab'), {
      returnCode: 'INVALID_ARGUMENT',
      endpoint: 'sandbox.approve',
    });
  });

  it('clock and advanceClock move time; a waiting payment expires after 20 minutes', async () => {
    const start = await j.sandbox.clock();
    assert.ok(start.now instanceof Date);
    const req = await client.request(body(10));
    const moved = await j.sandbox.advanceClock(21 * 60);
    assert.equal(moved.offsetSeconds - start.offsetSeconds, 21 * 60);
    assert.equal(moved.now.getTime() - start.now.getTime(), 21 * 60 * 1000);
    assert.ok(moved.expired >= 1);
    assert.equal((await client.checkPaymentStatus(req.transactionId)).status, 'CANCELLED');
    await rejectsWith(j.sandbox.advanceClock(0), '2101', 'sandbox.advanceClock', 400);
  });

  it('a server that is not there is a NETWORK error', async () => {
    const gone = createSandbox({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    await assert.rejects(gone.clock(), { returnCode: 'NETWORK', endpoint: 'sandbox.clock', retryable: true });
  });
});
