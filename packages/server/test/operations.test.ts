import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { onlineV3Routes } from '../src/faces/online-v3/index.ts';
import { requestBody, sandbox, startPlatform, type TestPlatform, v3 } from './helpers/test-app.ts';

describe('operations endpoints', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    const health = await p.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    const ready = await p.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json().checks, { database: 'ok', nonceStore: 'ok' });
    await v3(p, 'POST', '/v3/payments/request', requestBody('metrics-1', 100));
    const metrics = await p.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(metrics.statusCode, 200);
    assert.match(
      metrics.body,
      /jinliu_http_request_duration_seconds_bucket\{.*route="\/v3\/payments\/request"/,
    );
    assert.match(metrics.body, /jinliu_linepay_return_codes_total\{endpoint="request",code="0000"\} 1/);
  });

  it('generates OpenAPI from the route schemas, with every v3 endpoint, and a docs page', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(doc.openapi, '3.1.0');
    for (const route of onlineV3Routes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path} documented`);
    }
    assert.ok(doc.paths['/sandbox/v1/payments/{transactionId}/approve']);
    const docs = await p.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.headers['content-type'] ?? '', /text\/html/);
  });

  it('answers unknown paths with a typed 404 and a request id', async () => {
    const res = await p.app.inject({
      method: 'GET',
      url: '/v3/nothing-here',
      headers: { 'x-request-id': 'req-abc' },
    });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['x-request-id'], 'req-abc');
    assert.deepEqual(res.json().error.code, 'not_found');
  });

  it('lists test users with balances in major units and sets a balance', async () => {
    const list = await sandbox(p, 'GET', '/sandbox/v1/users');
    const alice = list.body.users.find((u: { userId: string }) => u.userId === p.alice);
    assert.deepEqual(
      alice.accounts.find(
        (a: { kind: string; currency: string }) => a.kind === 'balance' && a.currency === 'USD',
      ),
      { kind: 'balance', currency: 'USD', balance: 1000 },
    );
    const set = await sandbox(p, 'PUT', `/sandbox/v1/users/${p.bob}/balance`, {
      currency: 'USD',
      balance: 12.34,
      points: 5,
    });
    assert.equal(set.status, 200);
    assert.deepEqual(
      set.body.accounts.filter((a: { currency: string }) => a.currency === 'USD'),
      [
        { kind: 'balance', currency: 'USD', balance: 12.34 },
        { kind: 'points', currency: 'USD', balance: 5 },
      ],
    );
    const badScale = await sandbox(p, 'PUT', `/sandbox/v1/users/${p.bob}/balance`, {
      currency: 'TWD',
      balance: 1.5,
    });
    assert.equal(badScale.body.error.code, '1124');
    const created = await sandbox(p, 'POST', '/sandbox/v1/users', { displayName: 'Dora', balance: 50 });
    assert.equal(created.status, 201);
    assert.match(created.body.userId, /^U[0-9a-f]{32}$/);
  });

  it('sandbox helpers validate their input with typed errors', async () => {
    const bad = await sandbox(p, 'POST', '/sandbox/v1/clock/advance', { seconds: -5 });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, '2101');
    assert.match(bad.body.error.requestId, /^[0-9a-f-]{36}$/);
    const unknown = await sandbox(p, 'POST', '/sandbox/v1/payments/123/approve', {});
    assert.equal(unknown.status, 404);
    const channel = await sandbox(p, 'POST', '/sandbox/v1/channels', { currency: 'EUR' });
    assert.equal(channel.status, 422);
    const created = await sandbox(p, 'POST', '/sandbox/v1/channels', {
      currency: 'USD',
      allowPreapproved: false,
    });
    assert.equal(created.status, 201);
    assert.match(created.body.channelId, /^\d{10}$/);
    assert.match(created.body.channelSecret, /^[0-9a-f]{32}$/);
  });
});

describe('live mode', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform({
      env: { JINLIU_MODE: 'live', JINLIU_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}` },
    });
  });
  after(async () => {
    await p.close();
  });

  it('has no sandbox helpers (404) while the LINE Pay face works', async () => {
    const res = await sandbox(p, 'POST', '/sandbox/v1/clock/advance', { seconds: 60 });
    assert.equal(res.status, 404);
    const req = await v3(p, 'POST', '/v3/payments/request', requestBody('live-1', 100));
    assert.equal(req.body.returnCode, '0000');
  });

  it('never lets the payment page pick who pays', async () => {
    const req = await v3(p, 'POST', '/v3/payments/request', requestBody('live-2', 100));
    const web = new URL(req.body.info.paymentUrl.web);
    const shown = await p.app.inject({ method: 'GET', url: web.pathname + web.search });
    assert.equal(shown.statusCode, 200);
    assert.doesNotMatch(shown.body, /<select id="userId"/);
    const reserve = web.searchParams.get('transactionReserveId') ?? '';
    const post = await p.app.inject({
      method: 'POST',
      url: `/pay/basic/${reserve}/decision`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://jinliu.test' },
      payload: `userId=${p.alice}&decision=approve`,
    });
    assert.equal(post.statusCode, 403);
    const check = await v3(p, 'GET', `/v3/payments/requests/${req.body.info.transactionId}/check`);
    assert.equal(check.body.returnCode, '0000');
  });
});
