import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { findJob } from '@jinliu/db';
import { confirmCallbackHandler } from '../src/jobs/confirm-callback.ts';
import { retryDelayMs, runDueJobs } from '../src/jobs/job-runner.ts';
import { createMerchantHttp, type MerchantHttp } from '../src/jobs/safe-http.ts';
import { confirmCallbackKind } from '../src/services/payments/index.ts';
import { assertLedgerBalanced, sandbox, startPlatform, type TestPlatform, v3 } from './helpers/test-app.ts';

describe('confirmUrlType SERVER: the platform calls the merchant, durably', () => {
  let p: TestPlatform;
  let merchant: Server;
  let http: MerchantHttp;
  const calls: string[] = [];
  let failuresLeft = 0;
  let base = '';

  before(async () => {
    p = await startPlatform();
    http = createMerchantHttp({ allowPrivate: true });
    merchant = createServer((req, res) => {
      calls.push(req.url ?? '');
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.statusCode = 503;
      }
      res.end();
    });
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;
  });
  after(async () => {
    await http.close();
    merchant.close();
    await p.close();
  });

  const deliver = () =>
    runDueJobs(
      p.services.db,
      p.services.clock,
      { [confirmCallbackKind]: confirmCallbackHandler(http) },
      () => {},
    );

  async function serverTypePayment(orderId: string): Promise<bigint> {
    const req = await v3(p, 'POST', '/v3/payments/request', {
      amount: 300,
      currency: 'TWD',
      orderId,
      packages: [{ id: 'p', amount: 300, products: [{ name: 'Tea', quantity: 1, price: 300 }] }],
      redirectUrls: {
        confirmUrl: `${base}/linepay/confirm?shop=1`,
        confirmUrlType: 'SERVER',
        cancelUrl: `${base}/cancel`,
      },
    });
    assert.equal(req.body.returnCode, '0000', req.raw);
    return req.body.info.transactionId as bigint;
  }

  it('after approval the merchant gets GET confirmUrl with the ids, and the browser is not redirected', async () => {
    const id = await serverTypePayment('srv-1');
    const approved = await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/approve`, {});
    assert.equal(approved.status, 200);
    assert.equal(approved.body.redirectUrl, null);
    assert.equal(await deliver(), 1);
    assert.deepEqual(calls.splice(0), [`/linepay/confirm?shop=1&transactionId=${id}&orderId=srv-1`]);
    assert.equal((await findJob(p.services.db, confirmCallbackKind, id.toString()))?.status, 'DONE');
    assert.equal(await deliver(), 0, 'delivered once');
    const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 300, currency: 'TWD' });
    assert.equal(confirm.body.returnCode, '0000');
    await assertLedgerBalanced(p);
  });

  it('a failing merchant is retried with backoff on the platform clock', async () => {
    failuresLeft = 2;
    const id = await serverTypePayment('srv-2');
    await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/approve`, {});
    assert.equal(await deliver(), 1);
    let job = await findJob(p.services.db, confirmCallbackKind, id.toString());
    assert.equal(job?.status, 'PENDING');
    assert.equal(job?.attempts, 1);
    assert.match(job?.lastError ?? '', /HTTP 503/);
    assert.equal(await deliver(), 0, 'not before the backoff');
    p.clock.advance(retryDelayMs(1));
    assert.equal(await deliver(), 1);
    p.clock.advance(retryDelayMs(2));
    assert.equal(await deliver(), 1);
    job = await findJob(p.services.db, confirmCallbackKind, id.toString());
    assert.equal(job?.status, 'DONE');
    assert.equal(job?.attempts, 3);
    assert.equal(calls.splice(0).length, 3);
  });

  it('CLIENT and NONE payments enqueue nothing', async () => {
    const req = await v3(p, 'POST', '/v3/payments/request', {
      amount: 100,
      currency: 'TWD',
      orderId: 'none-1',
      packages: [{ id: 'p', amount: 100, products: [{ name: 'Tea', quantity: 1, price: 100 }] }],
      redirectUrls: { confirmUrlType: 'NONE', cancelUrl: `${base}/cancel` },
    });
    const id = req.body.info.transactionId as bigint;
    const approved = await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/approve`, {});
    assert.equal(approved.body.redirectUrl, null);
    assert.equal(await findJob(p.services.db, confirmCallbackKind, id.toString()), undefined);
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0110');
  });
});
