import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
/** Channel credentials as a merchant holds them. */
import {
  type Answer,
  type Attempt,
  absoluteForm,
  assert1106,
  assertHygiene,
  type Credentials,
  rawHttp,
  send,
  startSecurityFixtures,
} from './helpers/signed-attempts.ts';
import {
  approvedPayment,
  assertLedgerBalanced,
  balanceOf,
  parseLossless,
  requestBody,
  type TestPlatform,
  type V3Reply,
  v3,
} from './helpers/test-app.ts';

describe('Online v3: bodiless posts, absolute form, channel isolation and hygiene', () => {
  let p: TestPlatform;
  let me: Credentials;
  let other: Credentials;
  /** A captured payment of `me`, orderId sec-paid. */
  let paid: bigint;

  before(async () => {
    ({ p, me, other, paid } = await startSecurityFixtures());
  });
  after(async () => {
    await p.close();
  });

  it('a bodiless POST signed over "" or over "null" is accepted (void, refund-all)', async () => {
    const start = await balanceOf(p, p.alice);
    const ids: bigint[] = [];
    for (const orderId of ['sec-void-empty', 'sec-void-null', 'sec-void-braces']) {
      const id = await approvedPayment(p, orderId, 300, { capture: false });
      const c = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 300, currency: 'TWD' });
      assert.equal(c.body.returnCode, '0000', c.raw);
      ids.push(id);
    }
    const [viaEmpty, viaNull, viaBraces] = ids;
    assert.equal(await balanceOf(p, p.alice), start - 900n);

    // No body at all, signed over "".
    const empty = await send(p, me, {
      url: `/v3/payments/authorizations/${viaEmpty}/void`,
      signedPayload: '',
    });
    assert.equal(empty.body.returnCode, '0000', empty.raw);
    // An empty body (Content-Length: 0), signed over "null" as the official sample does.
    const nul = await send(p, me, {
      url: `/v3/payments/authorizations/${viaNull}/void`,
      body: '',
      signedPayload: 'null',
    });
    assert.equal(nul.body.returnCode, '0000', nul.raw);
    // Only "" and "null" are lenient: "{}" must be sent when it is signed, and "null" signs nothing else.
    assert1106(
      await send(p, me, { url: `/v3/payments/authorizations/${viaBraces}/void`, signedPayload: '{}' }),
      'bodiless signed over {}',
    );
    assert1106(
      await send(p, me, {
        url: `/v3/payments/authorizations/${viaBraces}/void`,
        body: '{}',
        signedPayload: 'null',
      }),
      '{} signed over null',
    );
    const braces = await send(p, me, { url: `/v3/payments/authorizations/${viaBraces}/void`, body: '{}' });
    assert.equal(braces.body.returnCode, '0000', braces.raw);
    assert.equal(await balanceOf(p, p.alice), start, 'all three holds released');

    const refundable = await approvedPayment(p, 'sec-refund-null', 200);
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${refundable}/confirm`, { amount: 200, currency: 'TWD' })).body
        .returnCode,
      '0000',
    );
    const refund = await send(p, me, { url: `/v3/payments/${refundable}/refund`, signedPayload: 'null' });
    assert.equal(refund.body.returnCode, '0000', refund.raw);
    assert.equal(await balanceOf(p, p.alice), start, 'a bodiless refund refunds everything');
    await assertLedgerBalanced(p);
  });

  it('a request in absolute form (as sent through a proxy) is routed and verified over the path only', async () => {
    const port = (p.app.server.address() as AddressInfo).port;
    const body = JSON.stringify(requestBody('sec-absolute', 100));
    const created = await rawHttp(port, absoluteForm(me, 'POST', '/v3/payments/request', body));
    assert.equal(created.status, 200);
    assert.match(created.headers.get('content-type') ?? '', /^application\/json/);
    assertHygiene(created.body, Object.fromEntries(created.headers));
    const reply = parseLossless(created.body) as V3Reply['body'];
    assert.equal(reply.returnCode, '0000', created.body);
    const id = reply.info.transactionId as bigint;

    const check = await rawHttp(port, absoluteForm(me, 'GET', `/v3/payments/requests/${id}/check`, ''));
    assert.equal((parseLossless(check.body) as V3Reply['body']).returnCode, '0000', check.body);

    const fullUrlSigned = await rawHttp(
      port,
      absoluteForm(
        me,
        'POST',
        '/v3/payments/request',
        JSON.stringify(requestBody('sec-absolute-2', 100)),
        'https://sandbox-api-pay.line.me/v3/payments/request',
      ),
    );
    assert.equal(fullUrlSigned.status, 200);
    assertHygiene(fullUrlSigned.body, Object.fromEntries(fullUrlSigned.headers));
    assert.equal(
      (parseLossless(fullUrlSigned.body) as V3Reply['body']).returnCode,
      '1106',
      fullUrlSigned.body,
    );

    // The same payment is visible through inject, i.e. it really was created by the raw request.
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${id}/check`)).body.returnCode, '0000');
  });

  it("a channel cannot see or act on another channel's payment (1150) or regKey (1190)", async () => {
    const start = await balanceOf(p, p.alice);
    const id = await approvedPayment(p, 'sec-mine', 400);
    const amount = JSON.stringify({ amount: 400, currency: 'TWD' });
    const theirs = async (a: Attempt) => (await send(p, other, a)).body.returnCode;

    assert.equal(await theirs({ method: 'GET', url: `/v3/payments/requests/${id}/check` }), '1150');
    assert.equal(await theirs({ url: `/v3/payments/${id}/confirm`, body: amount }), '1150');
    assert.equal(await balanceOf(p, p.alice), start, 'the other channel confirmed nothing');
    const confirm = await send(p, me, { url: `/v3/payments/${id}/confirm`, body: amount });
    assert.equal(confirm.body.returnCode, '0000', confirm.raw);

    assert.equal(await theirs({ method: 'GET', url: `/v3/payments?transactionId=${id}` }), '1150');
    assert.equal(await theirs({ method: 'GET', url: '/v3/payments?orderId=sec-mine' }), '1150');
    assert.equal(await theirs({ url: `/v3/payments/${id}/refund`, body: '{}' }), '1150');
    assert.equal(await theirs({ url: `/v3/payments/${id}/refund`, body: '{"refundAmount":100}' }), '1150');
    const mine = await send(p, me, { method: 'GET', url: `/v3/payments?transactionId=${id}` });
    assert.equal(mine.body.returnCode, '0000');
    assert.equal(mine.body.info[0].refundList, undefined, 'no refund happened');
    assert.equal(await balanceOf(p, p.alice), start - 400n);

    const held = await approvedPayment(p, 'sec-mine-auth', 300, { capture: false });
    assert.equal(
      (
        await send(p, me, {
          url: `/v3/payments/${held}/confirm`,
          body: JSON.stringify({ amount: 300, currency: 'TWD' }),
        })
      ).body.returnCode,
      '0000',
    );
    assert.equal(
      await theirs({
        url: `/v3/payments/authorizations/${held}/capture`,
        body: '{"amount":300,"currency":"TWD"}',
      }),
      '1150',
    );
    assert.equal(await theirs({ url: `/v3/payments/authorizations/${held}/void`, body: '{}' }), '1150');
    assert.equal(
      (await send(p, me, { url: `/v3/payments/authorizations/${held}/void`, body: '{}' })).body.returnCode,
      '0000',
    );

    const reg = await approvedPayment(p, 'sec-mine-reg', 100, { payType: 'PREAPPROVED' });
    const regConfirm = await v3(p, 'POST', `/v3/payments/${reg}/confirm`, { amount: 100, currency: 'TWD' });
    assert.equal(regConfirm.body.returnCode, '0000', regConfirm.raw);
    const regKey = regConfirm.body.info.regKey as string;
    assert.equal(await theirs({ method: 'GET', url: `/v3/payments/preapprovedPay/${regKey}/check` }), '1190');
    assert.equal(
      await theirs({
        url: `/v3/payments/preapprovedPay/${regKey}/payment`,
        body: JSON.stringify({ productName: 'x', amount: 50, currency: 'TWD', orderId: 'sec-steal' }),
      }),
      '1190',
    );
    assert.equal(await theirs({ url: `/v3/payments/preapprovedPay/${regKey}/expire`, body: '{}' }), '1190');
    assert.equal(
      (await send(p, me, { method: 'GET', url: `/v3/payments/preapprovedPay/${regKey}/check` })).body
        .returnCode,
      '0000',
      'the regKey is still usable by its owner',
    );
    assert.equal(await balanceOf(p, p.alice), start - 500n, '400 captured + 100 registration; nothing else');

    // orderIds are per merchant: the other shop may use the same one for its own payment.
    const own = await send(p, other, {
      url: '/v3/payments/request',
      body: JSON.stringify(requestBody('sec-mine', 400)),
    });
    assert.equal(own.body.returnCode, '0000', own.raw);
    assert.notEqual(own.body.info.transactionId, id);
    await assertLedgerBalanced(p);
  });

  it('no response carries a channel secret, and every response has its own x-request-id', async () => {
    const ids = new Set<string>();
    const collect = (a: Answer) => {
      const requestId = String(a.headers['x-request-id']);
      assert.ok(!ids.has(requestId), 'request ids are unique');
      ids.add(requestId);
      return a.body.returnCode;
    };
    const url = `/v3/payments?transactionId=${paid}`;
    assert.equal(collect(await send(p, me, { method: 'GET', url })), '0000');
    assert.equal(collect(await send(p, me, { method: 'GET', url, secret: other.channelSecret })), '1106');
    assert.equal(collect(await send(p, me, { method: 'GET', url, channelId: other.channelId })), '1106');
    assert.equal(collect(await send(p, me, { method: 'GET', url, omit: ['signature'] })), '1106');
    assert.equal(collect(await send(p, me, { url: '/v3/payments/request', body: '{' })), '2102');
    assert.equal(collect(await send(p, me, { url: '/v3/payments/request', body: '{}' })), '2101');
    assert.equal(
      collect(await send(p, me, { url: '/v3/payments/request', body: `"${'x'.repeat(1024 * 1024)}"` })),
      '2101',
    );
    assert.equal(
      collect(await send(p, me, { url: `/v3/payments/${paid + 1000n}/refund`, body: '{}' })),
      '1150',
    );
    assert.equal(collect(await send(p, me, { url: '/v3/payments/%E0%A4%A/refund', body: '{}' })), '2101');

    // Outside the v3 face too: unknown paths, the sandbox, and a path the router cannot decode.
    for (const [method, url] of [
      ['GET', '/v3/payments/nothing-here'],
      ['GET', '/sandbox/v1/clock'],
      ['POST', '/sandbox/v1/payments/not-a-number/approve'],
      ['POST', '/sandbox/v1/payments/%E0%A4%A/approve'],
    ] as const) {
      const res = await p.app.inject({ method, url, headers: { 'content-type': 'application/json' } });
      assertHygiene(res.body, res.headers);
      assert.ok(!ids.has(String(res.headers['x-request-id'])));
      ids.add(String(res.headers['x-request-id']));
      if (url.includes('%E0%A4%A')) {
        assert.equal(res.statusCode, 400);
        assert.equal(JSON.parse(res.body).error.code, 'bad_request');
      }
    }
  });
});
