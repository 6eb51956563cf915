import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { bearerToken, tokenMatches } from '../src/faces/ops/bearer-token.ts';
import {
  approvedPayment,
  parseLossless,
  requestBody,
  sandbox,
  startPlatform,
  type TestPlatform,
  v3,
} from './helpers/test-app.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read the ops answers by their documented shape
type Json = any;

async function ops(p: Pick<TestPlatform, 'app'>, url: string, token?: string) {
  const res = await p.app.inject({
    method: 'GET',
    url,
    headers: token === undefined ? {} : { authorization: token },
  });
  return {
    status: res.statusCode,
    raw: res.body,
    body: parseLossless(res.body) as Json,
    headers: res.headers,
  };
}

function assertTypedError(r: { status: number; body: Json }, status: number, code: string) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.error.code, code);
  assert.equal(typeof r.body.error.message, 'string');
  assert.equal(typeof r.body.error.requestId, 'string');
}

describe('ops face: payments', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('shows a payment by id: state, amounts, methods, refunds and balanced ledger entries', async () => {
    const id = await approvedPayment(p, 'ops-show-1', 1000);
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 1000, currency: 'TWD' })).body.returnCode,
      '0000',
    );
    const refund = await v3(p, 'POST', `/v3/payments/${id}/refund`, { refundAmount: 300 });
    const refundId = refund.body.info.refundTransactionId as bigint;

    const r = await ops(p, `/ops/v1/payments/${id}`);
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.matchedBy, 'transactionId');
    assert.equal(r.body.payments.length, 1);
    const pay = r.body.payments[0];
    assert.equal(pay.transactionId, id);
    assert.match(r.raw, new RegExp(`"transactionId":${id}[,}]`), 'ids are bare JSON integers');
    assert.equal(pay.orderId, 'ops-show-1');
    assert.equal(pay.state, 'CAPTURED');
    assert.equal(pay.merchant.merchantId, p.channel.merchantId);
    assert.equal(pay.channel.channelId.toString(), p.channel.channelId);
    assert.equal(pay.channel.name, 'Test shop');
    assert.equal(pay.currency, 'TWD');
    assert.equal(pay.amount, 1000);
    assert.equal(pay.capturedAmount, 1000);
    assert.equal(pay.refundedAmount, 300);
    assert.equal(pay.capture, true);
    assert.equal(pay.userId, p.alice);
    assert.deepEqual(
      pay.payMethods.map((m: Json) => [m.method, m.amount, m.refunded]),
      [['BALANCE', 1000, 300]],
    );
    assert.deepEqual(
      pay.refunds.map((x: Json) => [x.refundTransactionId, x.type, x.amount]),
      [[refundId, 'PARTIAL_REFUND', 300]],
    );
    assert.ok(pay.confirmedAt && pay.capturedAt && pay.createdAt);
    assert.ok(pay.ledger.length >= 2, 'a capture and a refund entry');
    for (const entry of pay.ledger) {
      assert.ok(entry.postings.length >= 2);
      assert.equal(
        entry.postings.reduce((s: bigint, x: Json) => s + BigInt(x.amountMinor), 0n),
        0n,
        `entry ${entry.entryId} balances`,
      );
    }
    const accounts = pay.ledger.flatMap((e: Json) => e.postings.map((x: Json) => x.account));
    assert.ok(accounts.includes(`user_balance:${p.alice}`));
    assert.ok(accounts.includes(`merchant_payable:${p.channel.merchantId}`));
  });

  it('finds the payment behind a refund id', async () => {
    const id = await approvedPayment(p, 'ops-show-2', 500);
    await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 500, currency: 'TWD' });
    const refundId = (await v3(p, 'POST', `/v3/payments/${id}/refund`, {})).body.info.refundTransactionId;
    const r = await ops(p, `/ops/v1/payments/${refundId}`);
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.matchedBy, 'refundTransactionId');
    assert.equal(r.body.payments[0].transactionId, id);
    assert.equal(r.body.payments[0].refunds[0].type, 'PAYMENT_REFUND');
  });

  it('finds every merchant’s payment with an orderId', async () => {
    const other = (await sandbox(p, 'POST', '/sandbox/v1/channels', { name: 'Other shop' })).body;
    const otherChannel = {
      channelId: String(other.channelId),
      channelSecret: other.channelSecret,
      merchantId: other.merchantId,
    };
    const mine = await v3(p, 'POST', '/v3/payments/request', requestBody('shared-order-7', 100));
    const theirs = await v3(
      { app: p.app, channel: otherChannel },
      'POST',
      '/v3/payments/request',
      requestBody('shared-order-7', 200),
    );
    const r = await ops(p, '/ops/v1/payments/shared-order-7');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.matchedBy, 'orderId');
    assert.deepEqual(
      r.body.payments.map((x: Json) => [x.transactionId, x.merchant.merchantId, x.state, x.amount]),
      [
        [mine.body.info.transactionId, p.channel.merchantId, 'REQUESTED', 100],
        [theirs.body.info.transactionId, other.merchantId, 'REQUESTED', 200],
      ],
    );
    assert.deepEqual(r.body.payments[0].ledger, [], 'a request moves no money');
  });

  it('answers a typed 404 when nothing matches, and a typed 400 for an over-long ref', async () => {
    assertTypedError(await ops(p, '/ops/v1/payments/2026112300000000010'), 404, 'payment_not_found');
    assertTypedError(await ops(p, '/ops/v1/payments/no-such-order'), 404, 'payment_not_found');
    // The router refuses a path parameter over 100 characters itself (414), in the same typed body.
    const long = await ops(p, `/ops/v1/payments/${'x'.repeat(101)}`);
    assertTypedError(long, long.status === 414 ? 414 : 400, 'bad_request');
  });
});

describe('ops face: events', () => {
  let p: TestPlatform;
  let id: bigint;
  before(async () => {
    p = await startPlatform();
    id = await approvedPayment(p, 'ops-events-1', 700);
    await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 700, currency: 'TWD' });
    await v3(p, 'POST', `/v3/payments/${id}/refund`, { refundAmount: 100 });
  });
  after(async () => {
    await p.close();
  });

  it('lists the payment events in id order with their payloads', async () => {
    const r = await ops(p, '/ops/v1/events?after=0&limit=500&type=payment.');
    assert.equal(r.status, 200, r.raw);
    const mine = r.body.events.filter((e: Json) => e.payload.transactionId === id.toString());
    assert.deepEqual(
      mine.map((e: Json) => e.type),
      ['payment.approved', 'payment.captured', 'payment.refunded'],
    );
    assert.ok(
      mine.every(
        (e: Json) => e.merchantId === p.channel.merchantId && !Number.isNaN(Date.parse(e.createdAt)),
      ),
    );
    const ids = r.body.events.map((e: Json) => BigInt(e.id));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => (a < b ? -1 : 1)),
    );
    assert.equal(BigInt(r.body.nextAfter), ids.at(-1));
  });

  it('pages with after and limit to the same events, and keeps nextAfter when nothing is new', async () => {
    const all = (await ops(p, '/ops/v1/events?limit=500')).body.events.map((e: Json) => BigInt(e.id));
    assert.ok(all.length >= 3);
    const paged: bigint[] = [];
    let after = 0n;
    for (let page = 0; page < 100; page += 1) {
      const r = await ops(p, `/ops/v1/events?after=${after}&limit=2`);
      assert.equal(r.status, 200, r.raw);
      assert.ok(r.body.events.length <= 2);
      paged.push(...r.body.events.map((e: Json) => BigInt(e.id)));
      if (r.body.events.length === 0) {
        assert.equal(BigInt(r.body.nextAfter), after);
        break;
      }
      after = BigInt(r.body.nextAfter);
    }
    assert.deepEqual(paged, all);
  });

  it('filters by type prefix and answers the newest events with last', async () => {
    const captured = (await ops(p, '/ops/v1/events?type=payment.captured')).body.events;
    assert.ok(captured.length >= 1);
    assert.ok(captured.every((e: Json) => e.type === 'payment.captured'));
    assert.deepEqual((await ops(p, '/ops/v1/events?type=nothing.')).body.events, []);
    const all = (await ops(p, '/ops/v1/events?limit=500')).body.events;
    const newest = await ops(p, '/ops/v1/events?last=2');
    assert.deepEqual(
      newest.body.events.map((e: Json) => e.id),
      all.slice(-2).map((e: Json) => e.id),
    );
    assert.equal(newest.body.nextAfter, all.at(-1).id);
  });

  it('answers a typed 400 for bad parameters', async () => {
    for (const q of [
      'limit=0',
      'limit=501',
      'limit=ten',
      'last=0',
      'after=-1',
      'after=abc',
      'after=99999999999999999999',
      'type=a%20b',
      'after=1&last=5',
      'limit=1&limit=2',
    ]) {
      assertTypedError(await ops(p, `/ops/v1/events?${q}`), 400, 'bad_request');
    }
  });
});

describe('ops face: access', () => {
  const token = 'ops-token-0123456789abcdef';

  it('requires the bearer token when JINLIU_OPS_TOKEN is set', async () => {
    const p = await startPlatform({ env: { JINLIU_OPS_TOKEN: token } });
    try {
      const none = await ops(p, '/ops/v1/events');
      assertTypedError(none, 401, 'unauthorized');
      assert.match(String(none.headers['www-authenticate']), /^Bearer/);
      for (const wrong of [
        `Bearer ${token.slice(0, -1)}x`,
        `Bearer ${token.slice(0, -1)}`,
        `Bearer ${token}0`,
        `Basic ${token}`,
        token,
        'Bearer ',
      ]) {
        assertTypedError(await ops(p, '/ops/v1/events', wrong), 401, 'unauthorized');
        assertTypedError(await ops(p, '/ops/v1/payments/any', wrong), 401, 'unauthorized');
      }
      assert.equal((await ops(p, '/ops/v1/events', `Bearer ${token}`)).status, 200);
      assert.equal((await ops(p, '/ops/v1/events', `bearer ${token}`)).status, 200);
      assertTypedError(await ops(p, '/ops/v1/payments/none', `Bearer ${token}`), 404, 'payment_not_found');
    } finally {
      await p.close();
    }
  });

  it('is absent in live mode without a token, and guarded by it with one', async () => {
    const keys = `k1:${Buffer.alloc(32, 3).toString('base64')}`;
    const open = await startPlatform({ env: { JINLIU_MODE: 'live', JINLIU_ENCRYPTION_KEYS: keys } });
    try {
      assertTypedError(await ops(open, '/ops/v1/events'), 404, 'not_found');
      assertTypedError(await ops(open, '/ops/v1/payments/x'), 404, 'not_found');
    } finally {
      await open.close();
    }
    const guarded = await startPlatform({
      env: { JINLIU_MODE: 'live', JINLIU_ENCRYPTION_KEYS: keys, JINLIU_OPS_TOKEN: token },
    });
    try {
      assertTypedError(await ops(guarded, '/ops/v1/events'), 401, 'unauthorized');
      assert.equal((await ops(guarded, '/ops/v1/events', `Bearer ${token}`)).status, 200);
    } finally {
      await guarded.close();
    }
  });

  it('refuses a weak JINLIU_OPS_TOKEN at start-up without echoing it', () => {
    for (const weak of ['short-token', 'has spaces in the middle', 'x'.repeat(257)]) {
      assert.throws(
        () => loadConfig({ JINLIU_OPS_TOKEN: weak }),
        (e: Error) =>
          /JINLIU_OPS_TOKEN must be 16 to 256 printable characters/.test(e.message) &&
          !e.message.includes(weak),
      );
    }
    assert.equal(loadConfig({ JINLIU_OPS_TOKEN: token }).opsToken, token);
    assert.equal(loadConfig({ JINLIU_OPS_TOKEN: '' }).opsToken, undefined);
  });

  it('compares tokens through fixed-length digests and parses only the Bearer scheme', () => {
    assert.equal(tokenMatches(token, token), true);
    assert.equal(tokenMatches(token, `${token} `), false);
    assert.equal(tokenMatches(token, token.toUpperCase()), false);
    assert.equal(tokenMatches(token, undefined), false);
    assert.equal(tokenMatches(token, ''), false);
    assert.equal(bearerToken(`Bearer ${token}`), token);
    assert.equal(bearerToken(`BEARER  ${token} `), token);
    assert.equal(bearerToken(`Bearer a b`), undefined);
    assert.equal(bearerToken(undefined), undefined);
  });
});
