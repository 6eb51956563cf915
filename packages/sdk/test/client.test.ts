import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertLedgerBalanced, balanceOf } from '../../server/test/helpers/test-app.ts';
import {
  buildPaymentRequest,
  createClient,
  isLinePayError,
  type LinePayClient,
  parseConfirmUrl,
} from '../src/index.ts';
import { type Jinliu, orderId, startJinliu } from './helpers/jinliu.ts';

let j: Jinliu;
before(async () => {
  j = await startJinliu();
});
after(async () => {
  await j?.close();
});

const urls = { confirmUrl: 'https://shop.test/confirm', cancelUrl: 'https://shop.test/cancel' };

function body(id: string, price: number, options?: Parameters<typeof buildPaymentRequest>[0]['options']) {
  return buildPaymentRequest({
    orderId: id,
    currency: 'TWD',
    packages: [{ id: 'pkg-1', name: 'Shop', products: [{ name: 'Pen', quantity: 2, price }] }],
    redirectUrls: urls,
    ...(options ? { options } : {}),
  });
}

async function rejectsWith(p: Promise<unknown>, code: string, endpoint: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isLinePayError(e), String(e));
    assert.equal(e.returnCode, code, e.message);
    assert.equal(e.endpoint, endpoint);
    assert.equal(e.httpStatus, 200);
    assert.equal(e.retryable, false);
    return true;
  });
}

describe('the ten v3 endpoints against a running Jinliu', () => {
  it('request → check → approve → confirm → details → partial and full refund', async () => {
    const { client } = await j.newClient();
    const alice = j.platform.alice;
    const before = await balanceOf(j.platform, alice);
    const oid = orderId();
    const req = await client.request(body(oid, 250));
    assert.equal(typeof req.transactionId, 'bigint');
    assert.ok(req.transactionId > 2n ** 53n);
    assert.match(req.paymentAccessToken, /^\d{12}$/);
    assert.ok(req.paymentUrl.web.startsWith('http'));
    assert.equal((await client.checkPaymentStatus(req.transactionId)).status, 'WAITING');

    const approved = await j.sandbox.approve(req.transactionId);
    assert.deepEqual(parseConfirmUrl(approved.redirectUrl ?? ''), {
      transactionId: req.transactionId,
      orderId: oid,
    });
    assert.equal((await client.checkPaymentStatus(req.transactionId.toString())).status, 'AUTHENTICATED');

    const confirmed = await client.confirm(req.transactionId, { amount: 500, currency: 'TWD' });
    assert.equal(confirmed.transactionId, req.transactionId);
    assert.equal(confirmed.orderId, oid);
    assert.deepEqual(confirmed.payInfo, [{ method: 'BALANCE', amount: 500 }]);
    assert.equal(confirmed.recovered, undefined);
    assert.equal(await balanceOf(j.platform, alice), before - 500n);
    const status = await client.checkPaymentStatus(req.transactionId);
    assert.equal(status.status, 'COMPLETED');
    assert.equal(status.returnCode, '0123');

    const [detail] = await client.paymentDetails({ transactionId: [req.transactionId] });
    assert.equal(detail?.payStatus, 'CAPTURE');
    assert.equal(detail?.transactionId, req.transactionId);
    assert.deepEqual(detail?.packages?.[0]?.products, [{ name: 'Pen', quantity: 2, price: 250 }]);

    const partial = await client.refund(req.transactionId, { refundAmount: 120 });
    assert.equal(typeof partial.refundTransactionId, 'bigint');
    assert.notEqual(partial.refundTransactionId, req.transactionId);
    const [afterPartial] = await client.paymentDetails({ orderId: [oid], fields: 'TRANSACTION' });
    assert.deepEqual(
      afterPartial?.refundList?.map((r) => [r.refundTransactionId, r.refundAmount, r.transactionType]),
      [[partial.refundTransactionId, -120, 'PARTIAL_REFUND']],
    );
    assert.equal(afterPartial?.packages, undefined);

    const [asRefund] = await client.paymentDetails({ transactionId: [partial.refundTransactionId] });
    assert.equal(asRefund?.transactionId, partial.refundTransactionId);
    assert.equal(asRefund?.originalTransactionId, req.transactionId);

    const rest = await client.refund(req.transactionId);
    assert.notEqual(rest.refundTransactionId, partial.refundTransactionId);
    const [afterAll] = await client.paymentDetails({ transactionId: [req.transactionId] });
    assert.deepEqual(
      afterAll?.refundList?.map((r) => r.refundAmount),
      [-120, -380],
    );
    assert.equal(await balanceOf(j.platform, alice), before);
    await rejectsWith(client.refund(req.transactionId, { refundAmount: 1 }), '1165', 'refund');
    await assertLedgerBalanced(j.platform);
  });

  it('authorize-only → partial capture → refund', async () => {
    const { client } = await j.newClient();
    const req = await client.request(body(orderId(), 500, { payment: { capture: false } }));
    await j.sandbox.approve(req.transactionId);
    const confirmed = await client.confirm(req.transactionId, { amount: 1000, currency: 'TWD' });
    assert.match(confirmed.authorizationExpireDate ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(
      (await client.paymentDetails({ transactionId: [req.transactionId] }))[0]?.payStatus,
      'AUTHORIZATION',
    );

    await rejectsWith(
      client.capture(req.transactionId, { amount: 1001, currency: 'TWD' }),
      '1184',
      'capture',
    );
    const captured = await client.capture(req.transactionId, { amount: 700, currency: 'TWD' });
    assert.equal(captured.transactionId, req.transactionId);
    assert.deepEqual(captured.payInfo, [{ method: 'BALANCE', amount: 700 }]);
    assert.equal(
      (await client.paymentDetails({ transactionId: [req.transactionId] }))[0]?.payStatus,
      'CAPTURE',
    );

    await rejectsWith(client.refund(req.transactionId, { refundAmount: 701 }), '1164', 'refund');
    const refund = await client.refund(req.transactionId, { refundAmount: 700 });
    assert.equal(typeof refund.refundTransactionId, 'bigint');
    await assertLedgerBalanced(j.platform);
  });

  it('authorize-only → void', async () => {
    const { client } = await j.newClient();
    const req = await client.request(body(orderId(), 100, { payment: { capture: false } }));
    await j.sandbox.approve(req.transactionId);
    await client.confirm(req.transactionId, { amount: 200, currency: 'TWD' });
    assert.equal(await client.void(req.transactionId), undefined);
    assert.equal(
      (await client.paymentDetails({ transactionId: [req.transactionId] }))[0]?.payStatus,
      'VOIDED_AUTHORIZATION',
    );
    await rejectsWith(client.void(req.transactionId), '1165', 'void');
  });

  it('preapproved: register → regKey → payPreapproved → expireRegKey → checkRegKey invalid', async () => {
    const { client } = await j.newClient();
    const req = await client.request(body(orderId(), 50, { payment: { payType: 'PREAPPROVED' } }));
    await j.sandbox.approve(req.transactionId);
    const confirmed = await client.confirm(req.transactionId, { amount: 100, currency: 'TWD' });
    const regKey = confirmed.regKey ?? '';
    assert.match(regKey, /^RK[0-9A-Z]{13}$/);
    assert.deepEqual(await client.checkRegKey(regKey), { valid: true, returnCode: '0000' });

    const oid = orderId('monthly');
    const paid = await client.payPreapproved(regKey, {
      productName: 'Monthly',
      amount: 30,
      currency: 'TWD',
      orderId: oid,
    });
    assert.equal(typeof paid.transactionId, 'bigint');
    assert.match(paid.transactionDate, /Z$/);
    const [detail] = await client.paymentDetails({ orderId: [oid] });
    assert.equal(detail?.transactionId, paid.transactionId);
    assert.deepEqual(
      detail?.payInfo?.map((p) => p.amount),
      [30],
    );

    const auth = await client.payPreapproved(regKey, {
      productName: 'Hold',
      amount: 40,
      currency: 'TWD',
      orderId: orderId('hold'),
      capture: false,
    });
    assert.ok(auth.authorizationExpireDate);
    await rejectsWith(
      client.payPreapproved(regKey, { productName: 'Again', amount: 30, currency: 'TWD', orderId: oid }),
      '1172',
      'payPreapproved',
    );

    assert.equal(await client.expireRegKey(regKey), undefined);
    const check = await client.checkRegKey(regKey);
    assert.equal(check.valid, false);
    assert.ok(['1190', '1193'].includes(check.returnCode), check.returnCode);
    await assert.rejects(
      client.payPreapproved(regKey, {
        productName: 'After',
        amount: 30,
        currency: 'TWD',
        orderId: orderId(),
      }),
      (e: unknown) => isLinePayError(e) && ['1190', '1193'].includes(e.returnCode),
    );
    await assertLedgerBalanced(j.platform);
  });
});

describe('errors carry the server returnCode', () => {
  let client: LinePayClient;
  before(async () => {
    ({ client } = await j.newClient());
  });

  it('1172: an orderId used twice', async () => {
    const oid = orderId();
    await client.request(body(oid, 10));
    await rejectsWith(client.request(body(oid, 10)), '1172', 'request');
  });

  it('1150: an unknown transaction id, on confirm, details, refund and check', async () => {
    const unknown = 2026010112345678910n;
    await rejectsWith(client.confirm(unknown, { amount: 10, currency: 'TWD' }), '1150', 'confirm');
    await rejectsWith(client.paymentDetails({ transactionId: [unknown] }), '1150', 'paymentDetails');
    await rejectsWith(client.refund(unknown, { refundAmount: 1 }), '1150', 'refund');
    await rejectsWith(client.checkPaymentStatus(unknown), '1150', 'checkPaymentStatus');
  });

  it('1169: confirm before approval; 1153: confirm with another amount', async () => {
    const req = await client.request(body(orderId(), 10));
    await rejectsWith(client.confirm(req.transactionId, { amount: 20, currency: 'TWD' }), '1169', 'confirm');
    await j.sandbox.approve(req.transactionId);
    await rejectsWith(client.confirm(req.transactionId, { amount: 21, currency: 'TWD' }), '1153', 'confirm');
  });

  it('1190: an unknown regKey is valid:false on check and an error elsewhere', async () => {
    assert.deepEqual(await client.checkRegKey('RK0000000000000'), { valid: false, returnCode: '1190' });
    await rejectsWith(client.expireRegKey('RK0000000000000'), '1190', 'expireRegKey');
  });

  it('1106: a wrong channel secret', async () => {
    const { channelId } = await j.newClient();
    const wrong = createClient({ channelId, channelSecret: 'not-the-secret', baseUrl: j.baseUrl });
    await rejectsWith(wrong.paymentDetails({ orderId: ['x'] }), '1106', 'paymentDetails');
  });
});
