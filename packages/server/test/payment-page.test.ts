import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cardErrorCodes, testCardFor } from '@jinliu/core';
import {
  approvedPayment,
  assertLedgerBalanced,
  requestBody,
  startPlatform,
  type TestPlatform,
  v3,
} from './helpers/test-app.ts';

describe('the hosted payment page at paymentUrl', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  async function requested(orderId: string) {
    const req = await v3(p, 'POST', '/v3/payments/request', requestBody(orderId, 480));
    const web = new URL(req.body.info.paymentUrl.web);
    const app = new URL(req.body.info.paymentUrl.app);
    return {
      id: req.body.info.transactionId as bigint,
      web: web.pathname + web.search,
      app: app.pathname,
      reserve: web.searchParams.get('transactionReserveId') ?? '',
    };
  }

  it('shows the merchant, the order and the amount', async () => {
    const r = await requested('page-1');
    for (const url of [`/pay/basic/${r.reserve}`]) {
      const page = await p.app.inject({ method: 'GET', url });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Test shop/);
      assert.match(page.body, /Order page-1/);
      assert.match(page.body, /TWD 480/);
      assert.match(page.body, /<select id="userId" name="userId">/);
    }
    const missing = await p.app.inject({ method: 'GET', url: '/web/payment/wait?transactionReserveId=nope' });
    assert.equal(missing.statusCode, 404);
  });

  it('approving sends the browser to confirmUrl with transactionId and orderId', async () => {
    const r = await requested('page-2');
    const res = await p.app.inject({
      method: 'POST',
      url: `/pay/basic/${r.reserve}/decision`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://jinliu.test' },
      payload: `userId=${p.alice}&method=BALANCE&decision=approve`,
    });
    assert.equal(res.statusCode, 303);
    assert.equal(
      res.headers.location,
      `https://merchant.example/confirm?transactionId=${r.id}&orderId=page-2`,
    );
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${r.id}/check`)).body.returnCode, '0110');
  });

  it('cancelling sends the browser to cancelUrl; a cross-site form post is refused', async () => {
    const r = await requested('page-3');
    const forged = await p.app.inject({
      method: 'POST',
      url: `/pay/basic/${r.reserve}/decision`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      payload: `userId=${p.alice}&decision=approve`,
    });
    assert.equal(forged.statusCode, 403);
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${r.id}/check`)).body.returnCode, '0000');
    const res = await p.app.inject({
      method: 'POST',
      url: `/pay/basic/${r.reserve}/decision`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://jinliu.test' },
      payload: 'decision=cancel',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, 'https://merchant.example/cancel');
  });

  it('every failing test card fails confirm with its own code', async () => {
    for (const code of cardErrorCodes) {
      const id = await approvedPayment(p, `card-${code}`, 100, {
        approve: { cardNumber: testCardFor(code) },
      });
      const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 100, currency: 'TWD' });
      assert.equal(confirm.body.returnCode, code);
    }
    await assertLedgerBalanced(p);
  });
});
