// Drives the unmodified npm client `line-pay-merchant@0.9.0` against a listening Jinliu server,
// both ways the reference (§9.2) describes: a deep-imported HTTP client with its base URL set
// to the server, and the ordinary createLinePayClient() sent through HTTPS_PROXY.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  deepImportClient,
  type LinePayClient,
  lpm,
  nineteenDigits,
  portOf,
  proxiedClient,
  recordTargets,
  rejectsWithCode,
  requestAndApprove,
  wireDate,
} from './helpers/line-pay-merchant-client.ts';
import {
  assertLedgerBalanced,
  balanceOf,
  requestBody,
  sandbox,
  startPlatform,
  type TestPlatform,
} from './helpers/test-app.ts';

// ---- The scenarios, run once per connection method -----------------------------------------

interface Setup {
  readonly platform: () => TestPlatform;
  readonly client: () => LinePayClient;
  /** How every v3 request target must look on the wire for this method. */
  readonly target: RegExp;
  /** The Host header every v3 request must carry. */
  readonly host: () => string;
}

/**
 * Declares one scenario: records what reaches the server while it runs, then checks the
 * connection method really was used and the ledger still balances.
 */
function scenario(
  setup: Setup,
  name: string,
  body: (p: TestPlatform, client: () => LinePayClient) => Promise<void>,
): void {
  it(name, async () => {
    const p = setup.platform();
    const seen = recordTargets(p);
    try {
      await body(p, setup.client);
    } finally {
      seen.stop();
    }
    const api = seen.targets.map((t, i) => [t, seen.hosts[i]] as const).filter(([t]) => t.includes('/v3/'));
    assert.ok(api.length >= 5, `saw ${api.length} v3 requests`);
    for (const [target, host] of api) {
      assert.match(target, setup.target);
      assert.equal(host, setup.host());
    }
    await assertLedgerBalanced(p);
  });
}

function scenarios(prefix: string, setup: Setup): void {
  scenario(
    setup,
    'request → approve → confirm → details → partial refund → refund of the rest',
    async (p, client) => {
      const c = client();
      const orderId = `${prefix}-flow-1`;
      const start = await balanceOf(p, p.alice);
      const id = await requestAndApprove(p, c, orderId, 1000);

      const confirm = await c.confirm.send({ transactionId: id, body: { amount: 1000, currency: 'TWD' } });
      assert.equal(confirm.body.returnCode, '0000');
      assert.deepEqual(confirm.comments, {});
      assert.equal(confirm.body.info.transactionId, id);
      assert.equal(confirm.body.info.orderId, orderId);
      assert.deepEqual(confirm.body.info.payInfo, [{ method: 'BALANCE', amount: 1000 }]);
      assert.deepEqual(confirm.body.info.packages, [
        { id: 'pkg-1', amount: 1000, userFeeAmount: 0, name: 'Shop' },
      ]);
      assert.equal(confirm.body.info.authorizationExpireDate, undefined);
      assert.equal(await balanceOf(p, p.alice), start - 1000n);

      const details = await c.paymentDetails.send({ params: { transactionId: [id] } });
      assert.equal(details.body.returnCode, '0000');
      assert.equal(details.body.info.length, 1);
      const [paid] = details.body.info;
      assert.equal(paid?.transactionId, id);
      assert.equal(paid?.orderId, orderId);
      assert.equal(paid?.payStatus, 'CAPTURE');
      assert.equal(paid?.transactionType, 'PAYMENT');
      assert.deepEqual(paid?.payInfo, [{ method: 'BALANCE', amount: 1000 }]);
      assert.equal(paid?.refundList, undefined);

      const partial = await c.refund.send({ transactionId: id, body: { refundAmount: 300 } });
      assert.equal(partial.body.returnCode, '0000');
      const firstRefund = partial.body.info.refundTransactionId;
      assert.equal(typeof firstRefund, 'string');
      assert.match(firstRefund, nineteenDigits);
      assert.notEqual(firstRefund, id);
      assert.match(partial.body.info.refundTransactionDate, wireDate);
      assert.equal(await balanceOf(p, p.alice), start - 700n);
      await rejectsWithCode(c.refund.send({ transactionId: id, body: { refundAmount: 701 } }), '1164');

      const rest = await c.refund.send({ transactionId: id, body: {} });
      assert.equal(rest.body.returnCode, '0000');
      const secondRefund = rest.body.info.refundTransactionId;
      assert.match(secondRefund, nineteenDigits);
      assert.notEqual(secondRefund, firstRefund);
      assert.equal(await balanceOf(p, p.alice), start);
      await rejectsWithCode(c.refund.send({ transactionId: id, body: {} }), '1165');

      // By orderId: the refund list carries both refund ids, quoted by the client as well.
      const after = await c.paymentDetails.send({ params: { orderId: [orderId], fields: 'TRANSACTION' } });
      assert.equal(after.body.returnCode, '0000');
      const item = after.body.info.find((i) => i.transactionId === id);
      assert.ok(item, 'the payment is listed by its exact id');
      assert.deepEqual(
        item.refundList?.map((r) => [r.refundTransactionId, r.refundAmount, r.transactionType]),
        [
          [firstRefund, -300, 'PARTIAL_REFUND'],
          [secondRefund, -700, 'PARTIAL_REFUND'],
        ],
      );

      // Payment and refund together: the client's comma list (%2C) is split by the server.
      const both = await c.paymentDetails.send({ params: { transactionId: [id, firstRefund] } });
      assert.deepEqual(
        both.body.info.map((i) => [i.transactionId, i.transactionType ?? '']),
        [
          [id, 'PAYMENT'],
          [firstRefund, 'PARTIAL_REFUND'],
        ],
      );
      // Client quirk (§9.4): originalTransactionId is not rewritten, so JSON.parse rounds it.
      assert.equal(both.body.info[1]?.originalTransactionId, Number(id));
    },
  );

  scenario(setup, 'authorize only → partial capture; another → void', async (p, client) => {
    const c = client();
    const start = await balanceOf(p, p.alice);
    const a = await requestAndApprove(p, c, `${prefix}-auth-1`, 1000, { capture: false });
    const confirm = await c.confirm.send({ transactionId: a, body: { amount: 1000, currency: 'TWD' } });
    assert.equal(confirm.body.returnCode, '0000');
    assert.equal(confirm.body.info.transactionId, a);
    assert.match(confirm.body.info.authorizationExpireDate ?? '', wireDate);
    assert.equal(await balanceOf(p, p.alice), start - 1000n);
    const authorized = await c.paymentDetails.send({ params: { transactionId: [a] } });
    assert.equal(authorized.body.info[0]?.payStatus, 'AUTHORIZATION');
    await rejectsWithCode(
      c.capture.send({ transactionId: a, body: { amount: 1001, currency: 'TWD' } }),
      '1184',
    );

    const cap = await c.capture.send({ transactionId: a, body: { amount: 600, currency: 'TWD' } });
    assert.equal(cap.body.returnCode, '0000');
    assert.equal(cap.body.info.transactionId, a);
    assert.equal(cap.body.info.orderId, `${prefix}-auth-1`);
    assert.deepEqual(cap.body.info.payInfo, [{ method: 'BALANCE', amount: 600 }]);
    assert.equal(await balanceOf(p, p.alice), start - 600n, 'the uncaptured 400 is released');
    await rejectsWithCode(c.void.send({ transactionId: a }), '1155');

    const b = await requestAndApprove(p, c, `${prefix}-auth-2`, 500, { capture: false });
    const confirmB = await c.confirm.send({ transactionId: b, body: { amount: 500, currency: 'TWD' } });
    assert.equal(confirmB.body.returnCode, '0000');
    assert.equal(await balanceOf(p, p.alice), start - 1100n);
    const voided = await c.void.send({ transactionId: b });
    assert.equal(voided.body.returnCode, '0000');
    assert.equal(await balanceOf(p, p.alice), start - 600n, 'the void releases all 500');
    await rejectsWithCode(c.void.send({ transactionId: b, body: {} }), '1165');

    const details = await c.paymentDetails.send({ params: { transactionId: [a, b] } });
    assert.deepEqual(
      details.body.info.map((i) => [i.transactionId, i.payStatus]),
      [
        [a, 'CAPTURE'],
        [b, 'VOIDED_AUTHORIZATION'],
      ],
    );
  });

  scenario(
    setup,
    'preapproved: confirm gives a regKey → check → pay → expire → check is 1193',
    async (p, client) => {
      const c = client();
      const start = await balanceOf(p, p.alice);
      const orderId = `${prefix}-sub-1`;
      const id = await requestAndApprove(p, c, orderId, 300, { payType: 'PREAPPROVED' });
      const confirm = await c.confirm.send({ transactionId: id, body: { amount: 300, currency: 'TWD' } });
      assert.equal(confirm.body.returnCode, '0000');
      const regKey = confirm.body.info.regKey ?? '';
      assert.match(regKey, /^RK[A-Z0-9]{13}$/);

      const check = await c.checkRegKey.send({ regKey });
      assert.equal(check.body.returnCode, '0000');
      const checkWithAuth = await c.checkRegKey.send({ regKey, params: { creditCardAuth: false } });
      assert.equal(checkWithAuth.body.returnCode, '0000');

      const pay = await c.payPreapproved.send({
        regKey,
        body: { productName: 'Monthly plan', amount: 300, currency: 'TWD', orderId: `${orderId}-m2` },
      });
      assert.equal(pay.body.returnCode, '0000');
      assert.equal(typeof pay.body.info.transactionId, 'string');
      assert.match(pay.body.info.transactionId, nineteenDigits);
      assert.notEqual(pay.body.info.transactionId, id);
      assert.equal(pay.body.info.orderId, `${orderId}-m2`);
      assert.match(pay.body.info.transactionDate, wireDate);
      assert.equal(await balanceOf(p, p.alice), start - 600n);
      const paid = await c.paymentDetails.send({ params: { transactionId: [pay.body.info.transactionId] } });
      assert.equal(paid.body.info[0]?.transactionId, pay.body.info.transactionId);
      assert.equal(paid.body.info[0]?.payStatus, 'CAPTURE');

      const expired = await c.expireRegKey.send({ regKey });
      assert.equal(expired.body.returnCode, '0000');
      await rejectsWithCode(c.checkRegKey.send({ regKey }), '1193');
      await rejectsWithCode(
        c.payPreapproved.send({
          regKey,
          body: { productName: 'Monthly plan', amount: 300, currency: 'TWD', orderId: `${orderId}-m3` },
        }),
        '1193',
      );
      assert.equal(await balanceOf(p, p.alice), start - 600n);
    },
  );

  scenario(
    setup,
    'errors: status 0110 after approval resolves; a wrong confirm amount rejects with 1153',
    async (p, client) => {
      const c = client();
      const start = await balanceOf(p, p.alice);
      const req = await c.request.send({ body: requestBody(`${prefix}-err-1`, 800) });
      const id = req.body.info.transactionId;
      const waiting = await c.checkPaymentStatus.send({ transactionId: id, params: {} });
      assert.equal(waiting.body.returnCode, '0000');
      await rejectsWithCode(
        c.confirm.send({ transactionId: id, body: { amount: 800, currency: 'TWD' } }),
        '1169',
      );

      const approved = await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/approve`, { userId: p.alice });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      const status = await c.checkPaymentStatus.send({ transactionId: id, params: {} });
      assert.equal(status.body.returnCode, '0110', 'a 0xxx code resolves instead of rejecting');

      await rejectsWithCode(
        c.confirm.send({ transactionId: id, body: { amount: 799, currency: 'TWD' } }),
        '1153',
      );
      assert.equal(await balanceOf(p, p.alice), start, 'a refused confirm charges nothing');
      const confirm = await c.confirm.send({ transactionId: id, body: { amount: 800, currency: 'TWD' } });
      assert.equal(confirm.body.returnCode, '0000');
      assert.equal(confirm.body.info.transactionId, id);
      const done = await c.checkPaymentStatus.send({ transactionId: id, params: {} });
      assert.equal(done.body.returnCode, '0123');
      assert.equal(await balanceOf(p, p.alice), start - 800n);
    },
  );

  scenario(
    setup,
    'recovery handler: confirming a confirmed payment (1172) resolves through details',
    async (p, client) => {
      const start = await balanceOf(p, p.alice);
      const plain = client();
      const id = await requestAndApprove(p, plain, `${prefix}-rec-1`, 450);
      const first = await plain.confirm.send({ transactionId: id, body: { amount: 450, currency: 'TWD' } });
      assert.equal(first.body.returnCode, '0000');
      await rejectsWithCode(
        plain.confirm.send({ transactionId: id, body: { amount: 450, currency: 'TWD' } }),
        '1172',
      );

      // A fresh client: addHandler pushes into the member's shared handler list (§9.1 quirk).
      const confirm = client().confirm.addHandler(
        lpm.createPaymentDetailsRecoveryHandler(lpm.paymentDetailsToConfirm),
      );
      const recovered = await confirm.send({ transactionId: id, body: { amount: 450, currency: 'TWD' } });
      assert.equal(recovered.body.returnCode, '0000');
      assert.equal(recovered.body.info.transactionId, id);
      assert.equal(recovered.body.info.orderId, `${prefix}-rec-1`);
      assert.deepEqual(recovered.body.info.payInfo, [{ method: 'BALANCE', amount: 450 }]);
      const original = recovered.comments.originalLinePayApiError;
      assert.ok(original instanceof lpm.LinePayApiError, 'the 1172 error is kept in comments');
      assert.equal(original.data.returnCode, '1172');
      assert.equal(await balanceOf(p, p.alice), start - 450n, 'charged exactly once');

      // Errors outside its predicate (1172/1198/timeout) pass through unchanged.
      const pending = await plain.request.send({ body: requestBody(`${prefix}-rec-2`, 450) });
      await rejectsWithCode(
        confirm.send({
          transactionId: pending.body.info.transactionId,
          body: { amount: 450, currency: 'TWD' },
        }),
        '1169',
      );
    },
  );
}

// ---- Method 1: deep import with the base URL set ------------------------------------------

describe('line-pay-merchant via deep import and http.defaults.baseURL', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform({ listen: true });
  });
  after(async () => {
    await p.close();
  });

  scenarios('deep', {
    platform: () => p,
    client: () => deepImportClient(p, `http://127.0.0.1:${portOf(p)}`),
    target: /^\/v3\/payments/,
    host: () => `127.0.0.1:${portOf(p)}`,
  });
});

// ---- Method 2: createLinePayClient through HTTPS_PROXY -------------------------------------

const proxyVars = ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'] as const;

describe('line-pay-merchant via createLinePayClient and HTTPS_PROXY', () => {
  let p: TestPlatform;
  const saved = new Map<string, string | undefined>();
  before(async () => {
    p = await startPlatform({ listen: true });
    for (const name of proxyVars) {
      saved.set(name, process.env[name]);
      delete process.env[name];
    }
    // axios 0.26 reads https_proxy before HTTPS_PROXY and skips hosts in no_proxy/NO_PROXY.
    process.env.HTTPS_PROXY = `http://127.0.0.1:${portOf(p)}`;
  });
  after(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
    await p.close();
  });

  // axios sends `POST https://sandbox-api-pay.line.me/v3/...` in plain HTTP to the proxy address.
  scenarios('proxy', {
    platform: () => p,
    client: () => proxiedClient(p),
    target: /^https:\/\/sandbox-api-pay\.line\.me\/v3\/payments/,
    host: () => 'sandbox-api-pay.line.me',
  });
});
