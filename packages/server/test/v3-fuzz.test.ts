import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signV3 } from '@jinliu/core';
import fc from 'fast-check';
import { onlineV3Routes } from '../src/faces/online-v3/index.ts';
import {
  amountShaped,
  bodies,
  type Garbage,
  junk,
  mutatedRequest,
  numRuns,
  preapprovedShaped,
  queries,
  refundShaped,
  regKeyLookalike,
  requestShaped,
  seed,
  segments,
  stackTrace,
  transactionIdLookalike,
} from './helpers/garbage.ts';
import {
  approvedPayment,
  assertLedgerBalanced,
  startPlatform,
  type TestPlatform,
  v3,
} from './helpers/test-app.ts';

describe('Online v3: validly signed garbage on every endpoint (fast-check)', () => {
  let p: TestPlatform;
  let transactionIds: string[];
  let orderIds: string[];
  let regKeys: string[];
  let sent = 0;

  before(async () => {
    p = await startPlatform({ seed: 7 });
    transactionIds = [];
    orderIds = [];
    for (let i = 0; i < 3; i += 1) {
      const a = await approvedPayment(p, `fx-approved-${i}`, 1000);
      const h = await approvedPayment(p, `fx-held-${i}`, 1000, { capture: false });
      const c = await approvedPayment(p, `fx-captured-${i}`, 1000);
      for (const id of [h, c]) {
        assert.equal(
          (await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 1000, currency: 'TWD' })).body
            .returnCode,
          '0000',
        );
      }
      transactionIds.push(String(a), String(h), String(c));
      orderIds.push(`fx-approved-${i}`, `fx-held-${i}`, `fx-captured-${i}`);
    }
    const reg = await approvedPayment(p, 'fx-reg', 100, { payType: 'PREAPPROVED' });
    const regConfirm = await v3(p, 'POST', `/v3/payments/${reg}/confirm`, { amount: 100, currency: 'TWD' });
    regKeys = [String(regConfirm.body.info.regKey)];
  });
  after(async () => {
    await p.close();
  });

  /** Signs exactly what inject will send (its URL parser may re-encode the target) and checks the answer. */
  async function sendGarbage(method: 'GET' | 'POST', g: Garbage, seen: Map<string, number>): Promise<void> {
    const url = new URL(g.target, 'http://localhost');
    const path = url.pathname;
    const query = url.search.slice(1);
    sent += 1;
    const nonce = `fz-${process.pid}-${sent}-${Date.now()}`;
    const payload = method === 'GET' ? query : (g.body ?? '');
    const res = await p.app.inject({
      method,
      url: path + url.search,
      headers: {
        'content-type': 'application/json',
        'x-line-channelid': p.channel.channelId,
        'x-line-authorization-nonce': nonce,
        'x-line-authorization': signV3(p.channel.channelSecret, path, payload, nonce),
      },
      ...(method === 'POST' && g.body !== undefined ? { payload: g.body } : {}),
    });
    const label = `${method} ${path + url.search} body=${JSON.stringify(g.body?.slice(0, 200))} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    assert.equal(res.statusCode, 200, label);
    assert.match(String(res.headers['content-type']), /^application\/json/, label);
    assert.equal(typeof res.headers['x-request-id'], 'string', label);
    const body: unknown = JSON.parse(res.body);
    assert.ok(typeof body === 'object' && body !== null && !Array.isArray(body), label);
    const { returnCode, returnMessage, info } = body as {
      returnCode?: unknown;
      returnMessage?: unknown;
      info?: unknown;
    };
    assert.equal(typeof returnCode, 'string', label);
    assert.match(String(returnCode), /^\d{4}$/, label);
    assert.notEqual(returnCode, '9000', label);
    assert.notEqual(returnCode, '1106', `the signature was valid: ${label}`);
    assert.equal(typeof returnMessage, 'string', label);
    seen.set(String(returnCode), (seen.get(String(returnCode)) ?? 0) + 1);
    if (info !== undefined) {
      assert.equal(returnCode, '0000', `info only on success: ${label}`);
    }
    assert.ok(!res.body.includes('Error:'), `no error text: ${label}`);
    assert.ok(!stackTrace.test(res.body), `no stack trace: ${label}`);
    assert.ok(!/\\n\s+at /.test(res.body), `no stack trace: ${label}`);
  }

  /** The generator of garbage for each endpoint, by its metric name. */
  function garbageFor(endpoint: string): fc.Arbitrary<Garbage> {
    const tx = segments(transactionIds, transactionIdLookalike);
    const rk = segments(regKeys, regKeyLookalike);
    const real = [...transactionIds, ...orderIds];
    const noise = bodies(junk);
    const gen = {
      request: fc.record({
        target: fc.constant('/v3/payments/request'),
        body: bodies(fc.oneof(mutatedRequest, mutatedRequest, requestShaped)),
      }),
      check: fc.record({
        target: fc.tuple(tx, queries(real)).map(([id, q]) => `/v3/payments/requests/${id}/check?${q}`),
      }),
      confirm: fc.record({
        target: tx.map((id) => `/v3/payments/${id}/confirm`),
        body: bodies(amountShaped),
      }),
      capture: fc.record({
        target: tx.map((id) => `/v3/payments/authorizations/${id}/capture`),
        body: bodies(amountShaped),
      }),
      void: fc.record({ target: tx.map((id) => `/v3/payments/authorizations/${id}/void`), body: noise }),
      details: fc.record({ target: queries(real).map((q) => `/v3/payments?${q}`) }),
      refund: fc.record({ target: tx.map((id) => `/v3/payments/${id}/refund`), body: bodies(refundShaped) }),
      checkRegKey: fc.record({
        target: fc
          .tuple(rk, queries(['true', 'false']))
          .map(([key, q]) => `/v3/payments/preapprovedPay/${key}/check?${q}`),
      }),
      payPreapproved: fc.record({
        target: rk.map((key) => `/v3/payments/preapprovedPay/${key}/payment`),
        body: bodies(preapprovedShaped),
      }),
      expireRegKey: fc.record({
        target: rk.map((key) => `/v3/payments/preapprovedPay/${key}/expire`),
        body: noise,
      }),
    } satisfies Record<string, fc.Arbitrary<Garbage>>;
    const chosen = (gen as Record<string, fc.Arbitrary<Garbage>>)[endpoint];
    assert.ok(chosen, `no garbage generator for endpoint ${endpoint}`);
    return chosen;
  }

  it('covers all ten Online v3 endpoints', () => {
    assert.equal(onlineV3Routes.length, 10);
    assert.deepEqual(onlineV3Routes.map((r) => r.endpoint).sort(), [
      'capture',
      'check',
      'checkRegKey',
      'confirm',
      'details',
      'expireRegKey',
      'payPreapproved',
      'refund',
      'request',
      'void',
    ]);
  });

  for (const [index, route] of onlineV3Routes.entries()) {
    it(`${route.method} ${route.url}: HTTP 200, a JSON envelope with a 4-digit code, never 9000`, async () => {
      const seen = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(garbageFor(route.endpoint), (g) => sendGarbage(route.method, g, seen)),
        // One seed per endpoint, so endpoints with alike generators do not replay one sequence.
        { numRuns, seed: seed + index },
      );
      const codes = JSON.stringify([...seen].sort());
      assert.ok(
        [...seen.keys()].some((code) => code !== '2101' && code !== '2102'),
        `some garbage got past input validation: ${codes}`,
      );
      await assertLedgerBalanced(p);
    });
  }

  it('the ledger still proves after all the garbage, and the fixtures were only moved by valid calls', async () => {
    await assertLedgerBalanced(p);
    const [row] = await p.services.db.query(
      `SELECT count(*) FILTER (WHERE captured_amount < refunded_amount OR captured_amount > amount) AS broken
       FROM payments`,
    );
    assert.equal(Number(row?.broken), 0);
  });
});
