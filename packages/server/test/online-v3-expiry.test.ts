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

describe('expiry and cancel follow the platform clock', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('a request expires after 20 minutes: check → 0121, approve and confirm → 1180', async () => {
    const req = await v3(p, 'POST', '/v3/payments/request', requestBody('exp-1', 100));
    const id = req.body.info.transactionId as bigint;
    const early = await sandbox(p, 'POST', '/sandbox/v1/clock/advance', { seconds: 19 * 60 });
    assert.equal(early.status, 200);
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0000');
    const late = await sandbox(p, 'POST', '/sandbox/v1/clock/advance', { seconds: 60 });
    assert.equal(late.body.expired >= 1, true);
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0121');
    const approve = await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/approve`, {});
    assert.equal(approve.status, 409);
    assert.equal(approve.body.error.code, '1180');
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 100, currency: 'TWD' })).body.returnCode,
      '1180',
    );
  });

  it('an unconfirmed authorization expires and its hold returns to the user', async () => {
    const start = await balanceOf(p, p.alice);
    const id = await approvedPayment(p, 'exp-auth', 400, { capture: false });
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 400, currency: 'TWD' })).body.returnCode,
      '0000',
    );
    assert.equal(await balanceOf(p, p.alice), start - 400n);
    const advanced = await sandbox(p, 'POST', '/sandbox/v1/clock/advance', { seconds: 5 * 86_400 });
    assert.equal(advanced.status, 200);
    assert.equal(await balanceOf(p, p.alice), start, 'the sweep released the hold');
    const details = await v3(p, 'GET', `/v3/payments?transactionId=${id}`);
    assert.equal(details.body.info[0].payStatus, 'EXPIRED_AUTHORIZATION');
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/authorizations/${id}/capture`, { amount: 400, currency: 'TWD' }))
        .body.returnCode,
      '1180',
    );
    assert.equal((await v3(p, 'POST', `/v3/payments/authorizations/${id}/void`, {})).body.returnCode, '1165');
    await assertLedgerBalanced(p);
  });

  it('an authorization seen after its expiry by capture is expired lazily, exactly once', async () => {
    const start = await balanceOf(p, p.alice);
    const id = await approvedPayment(p, 'exp-lazy', 300, { capture: false });
    await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 300, currency: 'TWD' });
    // Move only the base clock: no sweep runs, so capture meets the expiry first.
    p.clock.advance(6 * 86_400_000);
    const cap = await v3(p, 'POST', `/v3/payments/authorizations/${id}/capture`, {
      amount: 300,
      currency: 'TWD',
    });
    assert.equal(cap.body.returnCode, '1180');
    assert.equal(await balanceOf(p, p.alice), start);
    assert.equal((await sandbox(p, 'POST', '/sandbox/v1/clock/advance', { seconds: 1 })).status, 200);
    assert.equal(await balanceOf(p, p.alice), start, 'released once, not twice');
    await assertLedgerBalanced(p);
  });

  it('the user cancels: the browser goes to cancelUrl as given, check → 0121, confirm → 1180', async () => {
    const req = await v3(p, 'POST', '/v3/payments/request', requestBody('cancel-1', 100));
    const id = req.body.info.transactionId as bigint;
    const cancel = await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/cancel`);
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.redirectUrl, 'https://merchant.example/cancel');
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0121');
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 100, currency: 'TWD' })).body.returnCode,
      '1180',
    );
    assert.equal((await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/cancel`)).status, 409);
  });

  it('declined test cards fail confirm with their code and close the payment (0122)', async () => {
    for (const [card, code] of [
      ['4000000012980009', '1298'],
      ['4000000012880000', '1288'],
    ] as const) {
      const { testCardFor } = await import('@jinliu/core');
      const number = testCardFor(code);
      assert.equal(number.slice(0, 12), card.slice(0, 12));
      const id = await approvedPayment(p, `decline-${code}`, 100, { approve: { cardNumber: number } });
      const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 100, currency: 'TWD' });
      assert.equal(confirm.body.returnCode, code);
      assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0122');
    }
    await assertLedgerBalanced(p);
  });

  it('insufficient balance at confirm answers 1142 and moves nothing', async () => {
    const id = await approvedPayment(p, 'broke-1', 100, { approve: { userId: p.carol } });
    const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 100, currency: 'TWD' });
    assert.equal(confirm.body.returnCode, '1142');
    assert.equal(await balanceOf(p, p.carol), 0n);
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0122');
    await assertLedgerBalanced(p);
  });
});
