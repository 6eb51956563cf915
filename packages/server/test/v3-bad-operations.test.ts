import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mutated, startBadInputFixtures, storedCount } from './helpers/bad-input-fixtures.ts';
import { assertLedgerBalanced, type TestPlatform, v3 } from './helpers/test-app.ts';

describe('Online v3: invalid confirm, capture, refund, path and details input', () => {
  let p: TestPlatform;
  let approved: bigint;
  let authorized: bigint;
  let captured: bigint;

  before(async () => {
    ({ p, approved, authorized, captured } = await startBadInputFixtures());
  });
  after(async () => {
    await p.close();
  });

  it('confirm, capture and refund amounts: wrong scale 1124, mismatch 1153, ≤ 0 1183/2101, over 1184/1164', async () => {
    const confirm = (body: unknown) => v3(p, 'POST', `/v3/payments/${approved}/confirm`, body);
    assert.equal((await confirm({ amount: 1000.5, currency: 'TWD' })).body.returnCode, '1124');
    assert.equal((await confirm({ amount: '1000', currency: 'TWD' })).body.returnCode, '2101');
    assert.equal((await confirm({ amount: 1000 })).body.returnCode, '2101');
    assert.equal((await confirm({ amount: 1000, currency: 'USD' })).body.returnCode, '1153');
    assert.equal((await confirm({ amount: 999, currency: 'TWD' })).body.returnCode, '1153');
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${approved}/check`)).body.returnCode, '0110');

    const capture = (body: unknown) =>
      v3(p, 'POST', `/v3/payments/authorizations/${authorized}/capture`, body);
    assert.equal((await capture({ amount: 0, currency: 'TWD' })).body.returnCode, '1183');
    assert.equal((await capture({ amount: -5, currency: 'TWD' })).body.returnCode, '1183');
    assert.equal((await capture({ amount: 1001, currency: 'TWD' })).body.returnCode, '1184');
    assert.equal((await capture({ amount: 10.5, currency: 'TWD' })).body.returnCode, '1124');

    const refund = (body: unknown) => v3(p, 'POST', `/v3/payments/${captured}/refund`, body);
    assert.equal((await refund({ refundAmount: 0 })).body.returnCode, '2101');
    assert.equal((await refund({ refundAmount: -1 })).body.returnCode, '2101');
    assert.equal((await refund({ refundAmount: '100' })).body.returnCode, '2101');
    assert.equal((await refund({ refundAmount: 0.5 })).body.returnCode, '1124');
    assert.equal((await refund({ refundAmount: 1001 })).body.returnCode, '1164');
    assert.equal((await refund([100])).body.returnCode, '2101');
    const details = await v3(p, 'GET', `/v3/payments?transactionId=${captured}`);
    assert.equal(details.body.info[0].refundList, undefined, 'no refund was made by a refused call');
    await assertLedgerBalanced(p);
  });

  it('a transactionId path that is not an id → 2101 on every id endpoint', async () => {
    const endpoints: Array<['GET' | 'POST', (id: string) => string]> = [
      ['GET', (id) => `/v3/payments/requests/${id}/check`],
      ['POST', (id) => `/v3/payments/${id}/confirm`],
      ['POST', (id) => `/v3/payments/authorizations/${id}/capture`],
      ['POST', (id) => `/v3/payments/authorizations/${id}/void`],
      ['POST', (id) => `/v3/payments/${id}/refund`],
    ];
    const badIds = [
      'abcdefghij',
      'letters',
      '12345678901234567890',
      '0',
      '-1',
      '1e5',
      '%20',
      '9'.repeat(300),
      '%E0%A4%A',
    ];
    for (const [method, path] of endpoints) {
      for (const id of badIds) {
        const r = await v3(
          p,
          method,
          path(id),
          method === 'POST' ? { amount: 1000, currency: 'TWD' } : undefined,
        );
        assert.equal(r.status, 200, `${path(id)}: ${r.raw}`);
        assert.equal(r.body.returnCode, '2101', `${path(id)}: ${r.raw}`);
      }
    }
    // A well-formed id that does not exist is 1150, not 2101.
    assert.equal(
      (await v3(p, 'GET', '/v3/payments/requests/2026112300000000010/check')).body.returnCode,
      '1150',
    );
    // A malformed regKey cannot exist: 1190.
    for (const key of ['RK', 'rk9A2BA1937EQTO', 'RK9A2BA1937EQTOX', 'RK%20']) {
      const r = await v3(p, 'GET', `/v3/payments/preapprovedPay/${key}/check`);
      assert.equal(r.body.returnCode, '1190', `${key}: ${r.raw}`);
    }
    // An id longer than the router reads is still answered with the envelope (2101), not HTTP 414.
    const overlong = await v3(p, 'POST', `/v3/payments/preapprovedPay/${'R'.repeat(300)}/expire`, {});
    assert.equal(overlong.status, 200);
    assert.equal(overlong.body.returnCode, '2101', overlong.raw);
  });

  it('details: no id → 2101; 101 ids → 1177; 100 ids are answered', async () => {
    for (const query of [
      '',
      '?',
      '?fields=ALL',
      '?transactionId=',
      '?orderId=',
      '?transactionId=abc',
      '?fields=SOME&orderId=x',
      '?transactionId=%zz',
    ]) {
      const r = await v3(p, 'GET', `/v3/payments${query}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.returnCode, '2101', `${query}: ${r.raw}`);
    }
    const unknown = Array.from({ length: 101 }, (_, i) =>
      (2026112300000000000n + BigInt(i) * 100n + 10n).toString(),
    );
    assert.equal(
      (await v3(p, 'GET', `/v3/payments?transactionId=${unknown.join('%2C')}`)).body.returnCode,
      '1177',
    );
    assert.equal(
      (await v3(p, 'GET', `/v3/payments?${unknown.map((id) => `transactionId=${id}`).join('&')}`)).body
        .returnCode,
      '1177',
    );
    const mixed = `/v3/payments?${unknown
      .slice(0, 50)
      .map((id) => `transactionId=${id}`)
      .join('&')}&${Array.from({ length: 51 }, (_, i) => `orderId=o-${i}`).join('&')}`;
    assert.equal((await v3(p, 'GET', mixed)).body.returnCode, '1177', 'ids and orderIds count together');
    assert.equal(
      (await v3(p, 'GET', `/v3/payments?transactionId=${unknown.slice(0, 100).join(',')}`)).body.returnCode,
      '1150',
    );
    const hundred = [...unknown.slice(0, 99), captured.toString()];
    const found = await v3(p, 'GET', `/v3/payments?transactionId=${hundred.join(',')}`);
    assert.equal(found.body.returnCode, '0000', found.raw);
    assert.equal(found.body.info.length, 1);
  });

  it('a body over 1 MiB → HTTP 200 with 2101; just under the limit is read normally', async () => {
    const big = mutated('big-1', (b) => {
      b.padding = 'x'.repeat(1024 * 1024);
    });
    const over = await v3(p, 'POST', '/v3/payments/request', big);
    assert.equal(over.status, 200);
    assert.equal(over.body.returnCode, '2101', over.raw.slice(0, 200));
    assert.equal(await storedCount(p, 'big-'), 0);
    const fits = mutated('big-2', (b) => {
      b.padding = 'x'.repeat(1024 * 1024 - 1000);
    });
    const under = await v3(p, 'POST', '/v3/payments/request', fits);
    assert.equal(under.body.returnCode, '0000', 'unknown fields are ignored, the size is within the limit');
  });
});
