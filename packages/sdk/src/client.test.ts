import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, defaultTimeouts } from './client.ts';
import { isLinePayError, LinePayError } from './errors.ts';
import { verifySignature } from './signature.ts';
import type { Endpoint, LinePayClient } from './types.ts';

interface Sent {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/** A fetch that records what it was sent and answers with a fixed status and text. */
function answering(status: number, text: string) {
  const sent: Sent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    sent.push({
      url: new URL(String(input)),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return new Response(text, { status });
  };
  return { sent, fetch: fetchImpl };
}

const ok = (info?: unknown) => JSON.stringify({ returnCode: '0000', returnMessage: 'Success.', info });
const secret = 'a917ab6a2367b536f8e5a6e2977e06f4';

function client(f: { fetch: typeof fetch }, extra: Partial<Parameters<typeof createClient>[0]> = {}) {
  return createClient({
    channelId: '1234567890',
    channelSecret: secret,
    baseUrl: 'http://linepay.test/',
    fetch: f.fetch,
    nonce: () => 'nonce-1',
    ...extra,
  });
}

describe('what the client sends', () => {
  it('signs the compact POST body exactly as sent, with the three headers and Content-Type', async () => {
    const f = answering(200, ok({ orderId: 'o', transactionId: 1, payInfo: [] }));
    await client(f).confirm('2021121600698709710', { amount: 100, currency: 'TWD' });
    const [s] = f.sent;
    assert.ok(s);
    assert.equal(s.method, 'POST');
    assert.equal(s.url.href, 'http://linepay.test/v3/payments/2021121600698709710/confirm');
    assert.equal(s.body, '{"amount":100,"currency":"TWD"}');
    assert.equal(s.headers.get('content-type'), 'application/json');
    assert.equal(s.headers.get('x-line-channelid'), '1234567890');
    assert.equal(s.headers.get('x-line-authorization-nonce'), 'nonce-1');
    const signature = s.headers.get('x-line-authorization') ?? '';
    assert.ok(
      verifySignature({
        channelSecret: secret,
        path: s.url.pathname,
        bodyOrQuery: s.body,
        nonce: 'nonce-1',
        signature,
      }),
    );
  });

  it('builds GET queries with repeated keys and encodeURIComponent, signs them as sent, Content-Type on GET too', async () => {
    const f = answering(200, ok([]));
    await client(f).paymentDetails({ transactionId: [1n, '2'], orderId: ['a b&c,d'], fields: 'ALL' });
    const [s] = f.sent;
    assert.ok(s);
    const query = 'transactionId=1&transactionId=2&orderId=a%20b%26c%2Cd&fields=ALL';
    assert.equal(s.url.search, `?${query}`);
    assert.equal(s.body, undefined);
    assert.equal(s.headers.get('content-type'), 'application/json');
    const signature = s.headers.get('x-line-authorization') ?? '';
    assert.ok(
      verifySignature({
        channelSecret: secret,
        path: '/v3/payments',
        bodyOrQuery: query,
        nonce: 'nonce-1',
        signature,
      }),
    );
  });

  it('sends {} for void, expireRegKey and a full refund, and the regKey URL-encoded', async () => {
    const f = answering(200, ok({ refundTransactionId: 5, refundTransactionDate: 'd' }));
    const c = client(f, { safeRetry: false });
    await c.void(7n);
    await c.expireRegKey('RK/1');
    await c.refund(7n);
    assert.deepEqual(
      f.sent.map((s) => [s.url.pathname, s.body]),
      [
        ['/v3/payments/authorizations/7/void', '{}'],
        ['/v3/payments/preapprovedPay/RK%2F1/expire', '{}'],
        ['/v3/payments/7/refund', '{}'],
      ],
    );
  });

  it('selects hosts by env, baseUrl winning, sandbox by default', async () => {
    for (const [opts, host] of [
      [{}, 'https://sandbox-api-pay.line.me'],
      [{ env: 'production' }, 'https://api-pay.line.me'],
      [{ env: 'jinliu' }, 'http://127.0.0.1:8080'],
      [{ env: 'production', baseUrl: 'http://pay.example.test:9/' }, 'http://pay.example.test:9'],
    ] as const) {
      const f = answering(200, ok());
      await createClient({ channelId: '1', channelSecret: 's', fetch: f.fetch, ...opts }).void(1n);
      assert.equal(f.sent[0]?.url.origin, host);
    }
  });

  it('refuses bad configuration and bad arguments before sending anything', async () => {
    const f = answering(200, ok());
    assert.throws(() => createClient({ channelId: '', channelSecret: 's' }), TypeError);
    assert.throws(() => createClient({ channelId: '1', channelSecret: 's', baseUrl: 'ftp://x' }), TypeError);
    assert.throws(
      () => createClient({ channelId: '1', channelSecret: 's', timeouts: { confirm: 0 } }),
      TypeError,
    );
    const c = client(f);
    // biome-ignore lint/suspicious/noExplicitAny: a JavaScript caller passing a number id
    await assert.rejects(c.void(Number('2021121600698709710') as any), {
      returnCode: 'INVALID_ARGUMENT',
      endpoint: 'void',
    });
    await assert.rejects(c.confirm('12x', { amount: 1, currency: 'TWD' }), {
      returnCode: 'INVALID_ARGUMENT',
    });
    // biome-ignore lint/suspicious/noExplicitAny: a JavaScript caller passing a wrong currency
    await assert.rejects(c.confirm(1n, { amount: 1, currency: 'EUR' as any }), {
      returnCode: 'INVALID_ARGUMENT',
    });
    await assert.rejects(c.paymentDetails({}), { returnCode: 'INVALID_ARGUMENT' });
    await assert.rejects(c.refund(1n, { refundAmount: -1 }), { returnCode: 'INVALID_ARGUMENT' });
    assert.equal(f.sent.length, 0);
  });
});

describe('error mapping', () => {
  async function failure(status: number, text: string, call: (c: LinePayClient) => Promise<unknown>) {
    const f = answering(status, text);
    try {
      await call(client(f, { safeRetry: false }));
    } catch (e) {
      assert.ok(isLinePayError(e));
      assert.ok(e instanceof LinePayError);
      return e;
    }
    assert.fail('expected a LinePayError');
  }
  const confirm = (c: LinePayClient) => c.confirm(1n, { amount: 1, currency: 'TWD' });
  const details = (c: LinePayClient) => c.paymentDetails({ orderId: ['o'] });

  it('HTTP 500 → HTTP_500, retryable only for reads', async () => {
    const e = await failure(500, '{"error":"boom"}', confirm);
    assert.equal(e.returnCode, 'HTTP_500');
    assert.equal(e.httpStatus, 500);
    assert.equal(e.retryable, false);
    assert.deepEqual(e.body, { error: 'boom' });
    assert.equal((await failure(503, 'x', details)).retryable, true);
    assert.equal((await failure(404, 'x', details)).retryable, false);
  });

  it('an HTML body → BAD_RESPONSE', async () => {
    const e = await failure(200, '<html><body>Bad gateway</body></html>', confirm);
    assert.equal(e.returnCode, 'BAD_RESPONSE');
    assert.equal(e.endpoint, 'confirm');
  });

  it('a missing or malformed returnCode → BAD_RESPONSE', async () => {
    assert.equal((await failure(200, '{"returnMessage":"x"}', confirm)).returnCode, 'BAD_RESPONSE');
    assert.equal((await failure(200, '{"returnCode":1104}', confirm)).returnCode, 'BAD_RESPONSE');
    assert.equal((await failure(200, '{"returnCode":"000"}', confirm)).returnCode, 'BAD_RESPONSE');
    assert.equal((await failure(200, '[]', confirm)).returnCode, 'BAD_RESPONSE');
  });

  it('a business error (1172) carries code, message, endpoint, id and body, not retryable', async () => {
    const e = await failure(200, '{"returnCode":"1172","returnMessage":"Existing same orderId."}', confirm);
    assert.equal(e.returnCode, '1172');
    assert.equal(e.returnMessage, 'Existing same orderId.');
    assert.equal(e.endpoint, 'confirm');
    assert.equal(e.transactionId, 1n);
    assert.equal(e.retryable, false);
    assert.deepEqual(e.body, { returnCode: '1172', returnMessage: 'Existing same orderId.' });
    assert.match(e.message, /confirm failed: 1172 Existing same orderId\./);
  });

  it('marks 1900/1902/1999 retryable, 1198 retryable except on refund, 9000 only on reads', async () => {
    const env = (code: string) => JSON.stringify({ returnCode: code, returnMessage: '-' });
    assert.equal((await failure(200, env('1900'), (c) => c.void(1n))).retryable, true);
    assert.equal((await failure(200, env('1999'), (c) => c.refund(1n))).retryable, true);
    assert.equal((await failure(200, env('1198'), confirm)).retryable, true);
    assert.equal((await failure(200, env('1198'), (c) => c.refund(1n))).retryable, false);
    assert.equal((await failure(200, env('9000'), confirm)).retryable, false);
    assert.equal((await failure(200, env('9000'), details)).retryable, true);
  });
});

describe('answers that are not errors', () => {
  it('checkPaymentStatus maps 0000/0110/0121/0122/0123 and throws on others', async () => {
    for (const [code, status] of [
      ['0000', 'WAITING'],
      ['0110', 'AUTHENTICATED'],
      ['0121', 'CANCELLED'],
      ['0122', 'FAILED'],
      ['0123', 'COMPLETED'],
    ]) {
      const f = answering(200, JSON.stringify({ returnCode: code, returnMessage: 'm' }));
      assert.deepEqual(await client(f).checkPaymentStatus(5n), {
        returnCode: code,
        returnMessage: 'm',
        status,
      });
    }
    const f = answering(200, JSON.stringify({ returnCode: '1150', returnMessage: 'm' }));
    await assert.rejects(client(f).checkPaymentStatus(5n), {
      returnCode: '1150',
      endpoint: 'checkPaymentStatus',
    });
  });

  it('checkRegKey: 0000 valid, 1190/1193 invalid, others throw; creditCardAuth in the query', async () => {
    for (const [code, valid] of [
      ['0000', true],
      ['1190', false],
      ['1193', false],
    ] as const) {
      const f = answering(200, JSON.stringify({ returnCode: code, returnMessage: 'm' }));
      assert.deepEqual(await client(f).checkRegKey('RK1', { creditCardAuth: true }), {
        valid,
        returnCode: code,
      });
      assert.equal(f.sent[0]?.url.search, '?creditCardAuth=true');
    }
    const f = answering(200, JSON.stringify({ returnCode: '1104', returnMessage: 'm' }));
    await assert.rejects(client(f).checkRegKey('RK1'), { returnCode: '1104' });
    assert.equal(f.sent[0]?.url.search, '');
  });
});

describe('timeouts', () => {
  const calls: Record<Endpoint, (c: LinePayClient) => Promise<unknown>> = {
    request: (c) => c.request({} as never),
    confirm: (c) => c.confirm(1n, { amount: 1, currency: 'TWD' }),
    capture: (c) => c.capture(1n, { amount: 1, currency: 'TWD' }),
    void: (c) => c.void(1n),
    refund: (c) => c.refund(1n),
    paymentDetails: (c) => c.paymentDetails({ orderId: ['o'] }),
    checkPaymentStatus: (c) => c.checkPaymentStatus(1n),
    checkRegKey: (c) => c.checkRegKey('RK'),
    payPreapproved: (c) =>
      c.payPreapproved('RK', { productName: 'p', amount: 1, currency: 'TWD', orderId: 'o' }),
    expireRegKey: (c) => c.expireRegKey('RK'),
  };

  it('uses the reference §1.3 read timeout of each endpoint', async (t) => {
    assert.deepEqual(defaultTimeouts, {
      request: 20000,
      confirm: 40000,
      capture: 60000,
      void: 20000,
      refund: 20000,
      paymentDetails: 20000,
      checkPaymentStatus: 20000,
      checkRegKey: 20000,
      payPreapproved: 40000,
      expireRegKey: 20000,
    });
    const seen: number[] = [];
    const original = AbortSignal.timeout.bind(AbortSignal);
    t.mock.method(AbortSignal, 'timeout', (ms: number) => {
      seen.push(ms);
      return original(ms);
    });
    const f = answering(200, JSON.stringify({ returnCode: '1104', returnMessage: 'm' }));
    const c = client(f, { safeRetry: false });
    for (const [endpoint, call] of Object.entries(calls)) {
      seen.length = 0;
      await call(c).catch(() => undefined);
      assert.deepEqual(seen, [defaultTimeouts[endpoint as Endpoint]], endpoint);
    }
    const custom = client(f, { safeRetry: false, timeouts: { void: 1234 } });
    seen.length = 0;
    await custom.void(1n).catch(() => undefined);
    await custom.void(1n, { timeoutMs: 99 }).catch(() => undefined);
    assert.deepEqual(seen, [1234, 99]);
  });

  it('a read that times out is a TIMEOUT marked retryable; a write is not', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    const c = client({ fetch: hanging }, { safeRetry: false });
    await assert.rejects(c.checkPaymentStatus(1n, { timeoutMs: 20 }), {
      returnCode: 'TIMEOUT',
      retryable: true,
    });
    await assert.rejects(c.void(1n, { timeoutMs: 20 }), { returnCode: 'TIMEOUT', retryable: false });
  });

  it('a read whose connection dropped is sent once more; a write is not', async () => {
    let n = 0;
    const flaky: typeof fetch = async () => {
      n += 1;
      if (n === 1) {
        throw new TypeError('fetch failed');
      }
      return new Response(JSON.stringify({ returnCode: '0110', returnMessage: 'm' }));
    };
    assert.equal((await client({ fetch: flaky }).checkPaymentStatus(1n)).status, 'AUTHENTICATED');
    assert.equal(n, 2);
    n = 0;
    await assert.rejects(client({ fetch: flaky }).void(1n), { returnCode: 'NETWORK', retryable: false });
    assert.equal(n, 1);
  });
});
