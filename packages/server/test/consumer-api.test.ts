import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testCardFor } from '@jinliu/core';
import {
  assertLedgerBalanced,
  balanceOf,
  parseLossless,
  requestBody,
  startPlatform,
  type TestPlatform,
  v3,
} from './helpers/test-app.ts';

/** A browser: keeps the session cookie and the CSRF token. */
function browser(p: TestPlatform) {
  const jar = new Map<string, string>();
  let csrf = '';
  const call = async (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    opts: { csrf?: string } = {},
  ) => {
    const res = await p.app.inject({
      method,
      url,
      headers: {
        ...(jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method !== 'GET'
          ? { 'content-type': 'application/json', 'x-csrf-token': opts.csrf ?? csrf }
          : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const [pair = ''] = c.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const isJson = res.body && res.headers['content-type']?.includes('json');
    // biome-ignore lint/suspicious/noExplicitAny: tests read replies by their documented shape
    const json = isJson ? (parseLossless(res.body) as any) : undefined;
    if (json?.csrfToken) {
      csrf = json.csrfToken;
    }
    return { status: res.statusCode, body: json, raw: res };
  };
  return {
    call,
    signIn: async (userId: string) => {
      await call('GET', '/api/session');
      return call('POST', '/api/session/sandbox', { userId });
    },
  };
}

describe('consumer API: hosted checkout and wallet', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  async function waiting(orderId: string, amount = 500) {
    const req = await v3(p, 'POST', '/v3/payments/request', requestBody(orderId, amount));
    const web = new URL(req.body.info.paymentUrl.web);
    return {
      id: req.body.info.transactionId as bigint,
      reserveId: web.searchParams.get('transactionReserveId') ?? '',
      token: req.body.info.paymentAccessToken as string,
    };
  }

  it('shows the checkout by reserve id and finds it by the typed access token', async () => {
    const w = await waiting('c-view', 480);
    const b = browser(p);
    const view = await b.call('GET', `/api/checkout/${w.reserveId}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.transactionId, w.id.toString(), 'ids are strings for browsers');
    assert.equal(view.body.amount, 480);
    assert.equal(view.body.status, 'WAITING');
    assert.equal(view.body.merchantName, 'Test shop');
    assert.equal(view.body.products[0].name, 'Pen');
    const byToken = await b.call('GET', `/api/checkout/by-token/${w.token}`);
    assert.equal(byToken.body.reserveId, w.reserveId);
    assert.equal((await b.call('GET', '/api/checkout/by-token/000000000000')).status, 404);
  });

  it('refuses state changes without the CSRF token and wallet calls without sign-in', async () => {
    const b = browser(p);
    await b.call('GET', '/api/session');
    const noCsrf = await b.call('POST', '/api/session/sandbox', { userId: p.alice }, { csrf: 'wrong' });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.error.code, 'csrf');
    assert.equal((await b.call('GET', '/api/wallet')).status, 401);
    const signed = await b.call('POST', '/api/session/sandbox', { userId: p.alice });
    assert.equal(signed.status, 200);
    const wallet = await b.call('GET', '/api/wallet');
    assert.equal(wallet.status, 200);
    assert.equal(wallet.body.user.displayName, 'alice');
    assert.ok(wallet.body.cards.some((c: { last4: string }) => c.last4 === '1111'));
    assert.doesNotMatch(JSON.stringify(wallet.body), /4111111111111111/);
  });

  it('three wrong PINs lock the payment', async () => {
    const w = await waiting('c-pin');
    const b = browser(p);
    await b.signIn(p.alice);
    const first = await b.call('POST', `/api/pay/${w.reserveId}/approve`, {
      method: 'BALANCE',
      pin: '000000',
    });
    assert.equal(first.status, 422);
    assert.equal(first.body.error.attemptsLeft, 2);
    await b.call('POST', `/api/pay/${w.reserveId}/approve`, { method: 'BALANCE', pin: '000001' });
    const locked = await b.call('POST', `/api/pay/${w.reserveId}/approve`, {
      method: 'BALANCE',
      pin: '000002',
    });
    assert.equal(locked.status, 423);
    const right = await b.call('POST', `/api/pay/${w.reserveId}/approve`, {
      method: 'BALANCE',
      pin: '123456',
    });
    assert.equal(right.status, 409, 'even the right PIN cannot approve a locked payment');
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${w.id}/check`)).body.returnCode, '0122');
  });

  it('insufficient balance is shown at approval, then paying by card works', async () => {
    const w = await waiting('c-broke', 500);
    const b = browser(p);
    await b.signIn(p.carol);
    const broke = await b.call('POST', `/api/pay/${w.reserveId}/approve`, {
      method: 'BALANCE',
      pin: '123456',
    });
    assert.equal(broke.status, 422);
    assert.equal(broke.body.error.code, '1142');
    const card = await b.call('POST', '/api/wallet/cards', {
      number: '4111 1111 1111 1111',
      expMonth: 12,
      expYear: 2031,
      cvc: '123',
    });
    assert.equal(card.status, 201);
    const declined = await b.call('POST', '/api/wallet/cards', {
      number: testCardFor('1298'),
      expMonth: 1,
      expYear: 2030,
      cvc: '999',
    });
    const refused = await b.call('POST', `/api/pay/${w.reserveId}/approve`, {
      method: 'CREDIT_CARD',
      cardId: declined.body.cardId,
      pin: '123456',
    });
    assert.equal(refused.body.error.code, '1298');
    const ok = await b.call('POST', `/api/pay/${w.reserveId}/approve`, {
      method: 'CREDIT_CARD',
      cardId: card.body.cardId,
      pin: '123456',
    });
    assert.equal(ok.status, 200);
    assert.equal(
      ok.body.redirectUrl,
      `https://merchant.example/confirm?transactionId=${w.id}&orderId=c-broke`,
    );
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${w.id}/confirm`, { amount: 500, currency: 'TWD' })).body.returnCode,
      '0000',
    );
    const history = await b.call('GET', '/api/wallet/history');
    assert.equal(history.body.items[0].orderId, 'c-broke');
    assert.equal(history.body.items[0].payInfo[0].card, 'VISA •••• 1111');
    await assertLedgerBalanced(p);
  });

  it('validates new cards and never keeps the CVC', async () => {
    const b = browser(p);
    await b.signIn(p.bob);
    const bad = [
      [{ number: '4111111111111112', expMonth: 1, expYear: 2030, cvc: '123' }, '1295'],
      [{ number: '4111111111111111', expMonth: 1, expYear: 2020, cvc: '123' }, '1287'],
      [{ number: '378282246310005', expMonth: 1, expYear: 2030, cvc: '123' }, '1293'],
    ] as const;
    for (const [input, code] of bad) {
      const r = await b.call('POST', '/api/wallet/cards', input);
      assert.equal(r.body.error.code, code);
    }
    const cvcColumns = await p.services.db.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'cards' AND column_name ILIKE '%cv%'",
    );
    assert.deepEqual(cvcColumns, []);
  });

  it('top-up and points plus balance', async () => {
    const b = browser(p);
    await b.signIn(p.bob);
    const before = await balanceOf(p, p.bob);
    const top = await b.call('POST', '/api/wallet/topup', { currency: 'TWD', amount: 250 });
    assert.equal(top.status, 200);
    assert.equal(await balanceOf(p, p.bob), before + 250n);
    await assertLedgerBalanced(p);
  });

  it('streams the checkout status as server-sent events', async () => {
    const w = await waiting('c-sse');
    const b = browser(p);
    await b.signIn(p.alice);
    const streamed = p.app.inject({ method: 'GET', url: `/api/checkout/${w.reserveId}/events` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const approved = await b.call('POST', `/api/pay/${w.reserveId}/approve`, {
      method: 'BALANCE',
      pin: '123456',
    });
    assert.equal(approved.status, 200);
    const res = await streamed;
    assert.match(res.headers['content-type'] ?? '', /text\/event-stream/);
    const events = res.body.split('\n\n').filter((e) => e.startsWith('event: status'));
    const statuses = events.map((e) => JSON.parse(e.split('data: ')[1] ?? '{}').status);
    assert.deepEqual(statuses, ['WAITING', 'APPROVED']);
    assert.match(events[1] ?? '', /"redirectUrl":"https:\/\/merchant.example\/confirm\?transactionId=/);
  });

  it('checkConfirmUrlBrowser: only the browser that started the payment is sent to confirmUrl', async () => {
    const req = await v3(p, 'POST', '/v3/payments/request', {
      ...requestBody('c-guide', 300),
      options: { display: { checkConfirmUrlBrowser: true } },
    });
    const reserveId = new URL(req.body.info.paymentUrl.web).searchParams.get('transactionReserveId') ?? '';
    const desktop = browser(p);
    const started = await desktop.call('GET', `/api/checkout/${reserveId}`);
    assert.equal(started.body.startedHere, true);
    assert.equal(started.body.checkConfirmUrlBrowser, true);
    assert.match(started.body.serverTime, /^2026-11-23T/);
    const phone = browser(p);
    await phone.signIn(p.alice);
    assert.equal((await phone.call('GET', `/api/checkout/${reserveId}`)).body.startedHere, false);
    const approved = await phone.call('POST', `/api/pay/${reserveId}/approve`, {
      method: 'BALANCE',
      pin: '123456',
    });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.guide, true);
    assert.equal(
      approved.body.redirectUrl,
      null,
      'the other browser gets the guide page, not the confirmUrl',
    );
    const elsewhere = await phone.call('GET', `/api/checkout/${reserveId}`);
    assert.equal(elsewhere.body.status, 'APPROVED');
    assert.equal(elsewhere.body.redirectUrl, null, 'the server withholds the confirmUrl from other browsers');
    const stream = await p.app.inject({ method: 'GET', url: `/api/checkout/${reserveId}/events` });
    assert.match(
      stream.body,
      /"redirectUrl":null/,
      'a stream without the starting browser cookie gets no confirmUrl',
    );
    const seen = await desktop.call('GET', `/api/checkout/${reserveId}`);
    assert.match(
      seen.body.redirectUrl,
      /^https:\/\/merchant\.example\/confirm\?transactionId=/,
      'the starting browser goes on',
    );
  });

  it('serves a receipt with its items and refunds, only to its owner', async () => {
    const w = await waiting('c-receipt', 200);
    const b = browser(p);
    await b.signIn(p.alice);
    await b.call('POST', `/api/pay/${w.reserveId}/approve`, { method: 'BALANCE', pin: '123456' });
    await v3(p, 'POST', `/v3/payments/${w.id}/confirm`, { amount: 200, currency: 'TWD' });
    await v3(p, 'POST', `/v3/payments/${w.id}/refund`, { refundAmount: 50 });
    const receipt = await b.call('GET', `/api/wallet/receipts/${w.id}`);
    assert.equal(receipt.status, 200);
    assert.deepEqual(receipt.body.products, [{ name: 'Pen', quantity: 1, price: 200 }]);
    assert.equal(receipt.body.refunds[0].amount, 50);
    const other = browser(p);
    await other.signIn(p.bob);
    assert.equal((await other.call('GET', `/api/wallet/receipts/${w.id}`)).status, 404);
  });

  it('the status stream reports a jump of the platform clock so countdowns follow it', async () => {
    const w = await waiting('c-clock');
    const streamed = p.app.inject({ method: 'GET', url: `/api/checkout/${w.reserveId}/events` });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await p.app.inject({
      method: 'POST',
      url: '/sandbox/v1/clock/advance',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ seconds: 600 }),
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await p.app.inject({ method: 'POST', url: `/sandbox/v1/payments/${w.id}/cancel` });
    const events = (await streamed).body.split('\n\n').filter((e) => e.startsWith('event: status'));
    const times = events.map((e) => Date.parse(JSON.parse(e.split('data: ')[1] ?? '{}').serverTime));
    assert.ok(events.length >= 2, `at least the jump and the cancel: ${events.length}`);
    assert.ok((times[1] ?? 0) - (times[0] ?? 0) >= 600_000, 'the second event carries the advanced clock');
  });
});
