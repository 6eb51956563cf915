import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  approvedPayment,
  assertLedgerBalanced,
  balanceOf,
  requestBody,
  sandbox,
  startPlatform,
  type TestPlatform,
  v3,
} from './helpers/test-app.ts';

describe('Online v3 payment lifecycle (happy paths)', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('request → approve → confirm → details → partial and full refund', async () => {
    const before = await balanceOf(p, p.alice);
    const req = await v3(p, 'POST', '/v3/payments/request', requestBody('order-1', 1000));
    assert.equal(req.status, 200);
    assert.equal(req.body.returnCode, '0000');
    assert.match(req.raw, /"transactionId":\d{19}[,}]/, 'id is a bare 19-digit integer');
    const id = req.body.info.transactionId as bigint;
    assert.match(id.toString(), /^\d{17}10$/);
    assert.match(req.body.info.paymentAccessToken, /^\d{12}$/);
    assert.match(
      req.body.info.paymentUrl.web,
      /^http:\/\/jinliu\.test\/web\/payment\/wait\?transactionReserveId=/,
    );
    assert.match(req.body.info.paymentUrl.app, /^http:\/\/jinliu\.test\/app\/payment\//);

    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0000');
    const early = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 1000, currency: 'TWD' });
    assert.equal(early.body.returnCode, '1169');

    const approved = await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/approve`, { userId: p.alice });
    assert.equal(approved.status, 200);
    assert.equal(
      approved.body.redirectUrl,
      `https://merchant.example/confirm?transactionId=${id}&orderId=order-1`,
    );
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0110');

    const mismatch = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 999, currency: 'TWD' });
    assert.equal(mismatch.body.returnCode, '1153');
    const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 1000, currency: 'TWD' });
    assert.equal(confirm.body.returnCode, '0000', confirm.raw);
    assert.equal(confirm.body.info.transactionId, id);
    assert.equal(confirm.body.info.orderId, 'order-1');
    assert.deepEqual(confirm.body.info.payInfo, [{ method: 'BALANCE', amount: 1000 }]);
    assert.deepEqual(confirm.body.info.packages, [
      { id: 'pkg-1', amount: 1000, userFeeAmount: 0, name: 'Shop' },
    ]);
    assert.equal(await balanceOf(p, p.alice), before - 1000n);
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0123');
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 1000, currency: 'TWD' })).body.returnCode,
      '1172',
    );

    const details = await v3(p, 'GET', `/v3/payments?transactionId=${id}`);
    assert.equal(details.body.returnCode, '0000');
    assert.equal(details.body.info.length, 1);
    assert.equal(details.body.info[0].payStatus, 'CAPTURE');
    assert.equal(details.body.info[0].transactionType, 'PAYMENT');
    assert.equal(details.body.info[0].packages[0].products[0].name, 'Pen');

    const partial = await v3(p, 'POST', `/v3/payments/${id}/refund`, { refundAmount: 300 });
    assert.equal(partial.body.returnCode, '0000', partial.raw);
    const refundId = partial.body.info.refundTransactionId as bigint;
    assert.match(refundId.toString(), /^\d{17}11$/);
    assert.match(partial.body.info.refundTransactionDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${id}/refund`, { refundAmount: 701 })).body.returnCode,
      '1164',
    );
    const rest = await v3(p, 'POST', `/v3/payments/${id}/refund`, {});
    assert.equal(rest.body.returnCode, '0000');
    assert.equal((await v3(p, 'POST', `/v3/payments/${id}/refund`, {})).body.returnCode, '1165');
    assert.equal(await balanceOf(p, p.alice), before);

    const after = await v3(p, 'GET', `/v3/payments?orderId=order-1&fields=TRANSACTION`);
    const item = after.body.info[0];
    assert.equal(item.packages, undefined, 'TRANSACTION leaves out the order group');
    assert.deepEqual(
      item.refundList.map((r: { refundAmount: number; transactionType: string }) => [
        r.refundAmount,
        r.transactionType,
      ]),
      [
        [-300, 'PARTIAL_REFUND'],
        [-700, 'PARTIAL_REFUND'],
      ],
    );
    const byRefund = await v3(p, 'GET', `/v3/payments?transactionId=${refundId}`);
    assert.equal(byRefund.body.info[0].originalTransactionId, id);
    assert.equal(byRefund.body.info[0].transactionId, refundId);
    await assertLedgerBalanced(p);
  });

  it('authorize only → partial capture releases the rest; → void releases all', async () => {
    const start = await balanceOf(p, p.alice);
    const a = await approvedPayment(p, 'auth-1', 1000, { capture: false });
    const confirm = await v3(p, 'POST', `/v3/payments/${a}/confirm`, { amount: 1000, currency: 'TWD' });
    assert.equal(confirm.body.returnCode, '0000');
    assert.match(confirm.body.info.authorizationExpireDate, /Z$/);
    assert.equal(await balanceOf(p, p.alice), start - 1000n);
    assert.equal((await v3(p, 'POST', `/v3/payments/${a}/refund`, {})).body.returnCode, '1155');
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/authorizations/${a}/capture`, { amount: 1001, currency: 'TWD' }))
        .body.returnCode,
      '1184',
    );
    const cap = await v3(p, 'POST', `/v3/payments/authorizations/${a}/capture`, {
      amount: 600,
      currency: 'TWD',
    });
    assert.equal(cap.body.returnCode, '0000', cap.raw);
    assert.deepEqual(cap.body.info.payInfo, [{ method: 'BALANCE', amount: 600 }]);
    assert.equal(await balanceOf(p, p.alice), start - 600n);
    assert.equal((await v3(p, 'POST', `/v3/payments/authorizations/${a}/void`, {})).body.returnCode, '1155');

    const b = await approvedPayment(p, 'auth-2', 500, { capture: false });
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${b}/confirm`, { amount: 500, currency: 'TWD' })).body.returnCode,
      '0000',
    );
    assert.equal((await v3(p, 'POST', `/v3/payments/authorizations/${b}/void`)).body.returnCode, '0000');
    assert.equal((await v3(p, 'POST', `/v3/payments/authorizations/${b}/void`, {})).body.returnCode, '1165');
    const details = await v3(p, 'GET', `/v3/payments?transactionId=${a}&transactionId=${b}`);
    assert.deepEqual(
      details.body.info.map((i: { payStatus: string }) => i.payStatus),
      ['CAPTURE', 'VOIDED_AUTHORIZATION'],
    );
    assert.equal(await balanceOf(p, p.alice), start - 600n);
    await assertLedgerBalanced(p);
  });

  it('preapproved: confirm issues a regKey → check → pay → expire', async () => {
    const id = await approvedPayment(p, 'sub-1', 300, { payType: 'PREAPPROVED' });
    const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 300, currency: 'TWD' });
    const regKey = confirm.body.info.regKey as string;
    assert.match(regKey, /^RK[A-Z0-9]{13}$/);
    assert.equal((await v3(p, 'GET', `/v3/payments/preapprovedPay/${regKey}/check`)).body.returnCode, '0000');
    const pay = await v3(p, 'POST', `/v3/payments/preapprovedPay/${regKey}/payment`, {
      productName: 'Monthly plan',
      amount: 300,
      currency: 'TWD',
      orderId: 'sub-1-m2',
    });
    assert.equal(pay.body.returnCode, '0000', pay.raw);
    assert.match(pay.body.info.transactionDate, /Z$/);
    const again = await v3(p, 'POST', `/v3/payments/preapprovedPay/${regKey}/payment`, {
      productName: 'Monthly plan',
      amount: 300,
      currency: 'TWD',
      orderId: 'sub-1-m2',
    });
    assert.equal(again.body.returnCode, '1172');
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/preapprovedPay/${regKey}/expire`, {})).body.returnCode,
      '0000',
    );
    assert.equal((await v3(p, 'GET', `/v3/payments/preapprovedPay/${regKey}/check`)).body.returnCode, '1193');
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/preapprovedPay/${regKey}/expire`, {})).body.returnCode,
      '1193',
    );
    assert.equal(
      (await v3(p, 'GET', '/v3/payments/preapprovedPay/RKAAAAAAAAAAAAA/check')).body.returnCode,
      '1190',
    );
    await assertLedgerBalanced(p);
  });

  it('points plus card: payInfo shows the split; refund returns money before points', async () => {
    const points = await balanceOf(p, p.alice, 'user_points');
    const id = await approvedPayment(p, 'split-1', 1000, { approve: { method: 'CREDIT_CARD', points: 100 } });
    const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 1000, currency: 'TWD' });
    assert.equal(confirm.body.returnCode, '0000', confirm.raw);
    assert.deepEqual(confirm.body.info.payInfo, [
      {
        method: 'CREDIT_CARD',
        amount: 900,
        creditCardNickname: "alice's card",
        creditCardBrand: 'VISA',
        maskedCreditCardNumber: '**** **** **** 1111',
      },
      { method: 'POINT', amount: 100 },
    ]);
    assert.equal(await balanceOf(p, p.alice, 'user_points'), points - 100n);
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${id}/refund`, { refundAmount: 900 })).body.returnCode,
      '0000',
    );
    assert.equal(await balanceOf(p, p.alice, 'user_points'), points - 100n, 'points come back last');
    assert.equal((await v3(p, 'POST', `/v3/payments/${id}/refund`, {})).body.returnCode, '0000');
    assert.equal(await balanceOf(p, p.alice, 'user_points'), points);
    await assertLedgerBalanced(p);
  });
});
