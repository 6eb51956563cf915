import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
/** Channel credentials as a merchant holds them. */
import {
  assert1106,
  assertHygiene,
  type Credentials,
  freshNonce,
  send,
  startSecurityFixtures,
} from './helpers/signed-attempts.ts';
import {
  approvedPayment,
  assertLedgerBalanced,
  requestBody,
  type TestPlatform,
  v3,
} from './helpers/test-app.ts';

describe('Online v3 authentication: signatures and nonces (reference §2.1)', () => {
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

  it('a correctly signed request is accepted (control for the refusals below)', async () => {
    const get = await send(p, me, { method: 'GET', url: `/v3/payments?transactionId=${paid}` });
    assert.equal(get.body.returnCode, '0000', get.raw);
    assert.equal(get.body.info[0].transactionId, paid);
    const post = await send(p, me, {
      url: '/v3/payments/request',
      body: JSON.stringify(requestBody('sec-ok', 10)),
    });
    assert.equal(post.body.returnCode, '0000', post.raw);
  });

  it('an unknown channel id → 1106', async () => {
    for (const channelId of ['9999999999', '1', '0000000001', '9223372036854775807']) {
      assert.ok(channelId !== me.channelId && channelId !== other.channelId);
      const r = await send(p, me, { method: 'GET', url: `/v3/payments?transactionId=${paid}`, channelId });
      assert1106(r, `channel ${channelId}`);
      assert.match(r.body.returnMessage, /ChannelId/);
    }
  });

  it('a non-numeric or malformed channel id → 1106', async () => {
    for (const channelId of [
      'abc',
      `${me.channelId}x`,
      `${me.channelId.slice(0, 5)} ${me.channelId.slice(5)}`,
      '-1',
      '1.5',
      '1'.repeat(20),
      '',
      '0x1F',
    ]) {
      const r = await send(p, me, { method: 'GET', url: `/v3/payments?transactionId=${paid}`, channelId });
      assert1106(r, `channel ${JSON.stringify(channelId)}`);
    }
  });

  it('missing headers → 1106', async () => {
    const cases: Array<ReadonlyArray<'channelId' | 'nonce' | 'signature'>> = [
      ['channelId'],
      ['nonce'],
      ['signature'],
      ['nonce', 'signature'],
      ['channelId', 'nonce', 'signature'],
    ];
    for (const omit of cases) {
      const get = await send(p, me, { method: 'GET', url: `/v3/payments?transactionId=${paid}`, omit });
      assert1106(get, `GET without ${omit.join('+')}`);
      const post = await send(p, me, {
        url: '/v3/payments/request',
        body: JSON.stringify(requestBody(`sec-missing-${omit.join('-')}`, 10)),
        omit,
      });
      assert1106(post, `POST without ${omit.join('+')}`);
    }
    const [row] = await p.services.db.query(
      "SELECT count(*) AS n FROM payments WHERE order_id LIKE 'sec-missing-%'",
    );
    assert.equal(Number(row?.n), 0, 'nothing was created by an unauthenticated request');
  });

  it('a wrong secret → 1106', async () => {
    const flipped = (me.channelSecret[0] === 'a' ? 'b' : 'a') + me.channelSecret.slice(1);
    for (const secret of [other.channelSecret, flipped, 'a'.repeat(32), '']) {
      const r = await send(p, me, { method: 'GET', url: `/v3/payments?transactionId=${paid}`, secret });
      assert1106(r, `secret ${secret.slice(0, 4)}…`);
    }
    const garbage = await p.app.inject({
      method: 'GET',
      url: `/v3/payments?transactionId=${paid}`,
      headers: {
        'x-line-channelid': me.channelId,
        'x-line-authorization-nonce': freshNonce(),
        'x-line-authorization': 'not base64 at all!',
      },
    });
    assertHygiene(garbage.body, garbage.headers);
    assert.equal(JSON.parse(garbage.body).returnCode, '1106');
  });

  it('a body changed after signing → 1106, and nothing is created', async () => {
    const body = requestBody('sec-tamper', 100);
    const signed = JSON.stringify(body);
    const variants = [
      JSON.stringify({ ...body, amount: 1000 }),
      JSON.stringify(body, null, 1),
      `${signed}\n`,
      ` ${signed}`,
      JSON.stringify(Object.fromEntries(Object.entries(body).reverse())),
      signed.replace('"Pen"', '"Pe\\u006e"'),
    ];
    for (const sent of variants) {
      assert.notEqual(sent, signed);
      const r = await send(p, me, { url: '/v3/payments/request', body: sent, signedPayload: signed });
      assert1106(r, `variant ${sent.slice(0, 40)}`);
    }
    const bodiless = await send(p, me, { url: '/v3/payments/request', signedPayload: signed });
    assert1106(bodiless, 'body dropped after signing');
    const [row] = await p.services.db.query('SELECT count(*) AS n FROM payments WHERE order_id = $1', [
      'sec-tamper',
    ]);
    assert.equal(Number(row?.n), 0);
    const good = await send(p, me, { url: '/v3/payments/request', body: signed });
    assert.equal(good.body.returnCode, '0000', good.raw);
  });

  it('a malformed body with a bad signature is 1106 (the signature is checked before parsing)', async () => {
    const r = await send(p, me, { url: '/v3/payments/request', body: '{"amount":', signedPayload: '{}' });
    assert1106(r, 'malformed + bad signature');
    const parsedLater = await send(p, me, { url: '/v3/payments/request', body: '{"amount":' });
    assert.equal(parsedLater.body.returnCode, '2102', parsedLater.raw);
  });

  it('a query changed after signing → 1106', async () => {
    const cases: Array<[sent: string, signed: string]> = [
      [`transactionId=${paid}`, `transactionId=${paid}0`],
      [`orderId=sec-paid&transactionId=${paid}`, `transactionId=${paid}&orderId=sec-paid`],
      [`transactionId=${paid}%2C${paid}`, `transactionId=${paid},${paid}`],
      [`orderId=sec-paid`, `?orderId=sec-paid`],
      [`orderId=sec-paid`, ''],
      [`orderId=sec%2Dpaid`, 'orderId=sec-paid'],
    ];
    for (const [sent, signed] of cases) {
      const r = await send(p, me, { method: 'GET', url: `/v3/payments?${sent}`, signedPayload: signed });
      assert1106(r, `sent ${sent}, signed ${signed}`);
      const control = await send(p, me, { method: 'GET', url: `/v3/payments?${sent}` });
      assert.equal(control.body.returnCode, '0000', `control ${sent}: ${control.raw}`);
    }
  });

  it('a signature over a different path → 1106', async () => {
    const authorization = await approvedPayment(p, 'sec-path', 500, { capture: false });
    const body = JSON.stringify({ amount: 500, currency: 'TWD' });
    const cases: Array<[sentPath: string, signedPath: string, method: 'GET' | 'POST', payload: string]> = [
      [`/v3/payments/${authorization}/confirm`, `/v3/payments/${authorization}/refund`, 'POST', body],
      [`/v3/payments/${authorization}/confirm`, `/v3/payments/${paid}/confirm`, 'POST', body],
      [
        `/v3/payments/${authorization}/confirm`,
        `https://sandbox-api-pay.line.me/v3/payments/${authorization}/confirm`,
        'POST',
        body,
      ],
      [`/v3/payments/${authorization}/confirm`, `/v3/payments/${authorization}/confirm/`, 'POST', body],
      ['/v3/payments', 'https://sandbox-api-pay.line.me/v3/payments', 'GET', `transactionId=${paid}`],
      ['/v3/payments', `/v3/payments?transactionId=${paid}`, 'GET', `transactionId=${paid}`],
      ['/v3/payments', '/v3/payments/', 'GET', `transactionId=${paid}`],
    ];
    for (const [sentPath, signedPath, method, payload] of cases) {
      const r =
        method === 'GET'
          ? await send(p, me, { method, url: `${sentPath}?${payload}`, signedPath })
          : await send(p, me, { method, url: sentPath, body: payload, signedPath });
      assert1106(r, `sent ${sentPath}, signed ${signedPath}`);
    }
    const check = await v3(p, 'GET', `/v3/payments/requests/${authorization}/check`);
    assert.equal(check.body.returnCode, '0110', 'the payment was not confirmed by a refused request');
    const confirm = await send(p, me, { url: `/v3/payments/${authorization}/confirm`, body });
    assert.equal(confirm.body.returnCode, '0000', confirm.raw);
    await assertLedgerBalanced(p);
  });

  it('a replayed nonce is refused even with a valid signature; a forged request does not burn it', async () => {
    const nonce = freshNonce();
    const url = `/v3/payments?transactionId=${paid}`;
    assert.equal((await send(p, me, { method: 'GET', url, nonce })).body.returnCode, '0000');
    const replay = await send(p, me, { method: 'GET', url, nonce });
    assert1106(replay, 'replayed GET');
    assert.match(replay.body.returnMessage, /Nonce/);
    assert1106(
      await send(p, me, { method: 'GET', url: `/v3/payments/requests/${paid}/check`, nonce }),
      'same nonce on another endpoint',
    );

    const postNonce = freshNonce();
    const body = JSON.stringify(requestBody('sec-replay', 10));
    const first = await send(p, me, { url: '/v3/payments/request', body, nonce: postNonce });
    assert.equal(first.body.returnCode, '0000', first.raw);
    const again = await send(p, me, { url: '/v3/payments/request', body, nonce: postNonce });
    assert1106(again, 'replayed POST (refused as a replay, before the orderId check)');

    const kept = freshNonce();
    assert1106(await send(p, me, { method: 'GET', url, nonce: kept, secret: 'forged' }), 'forged');
    assert1106(
      await send(p, me, { method: 'GET', url, nonce: kept, channelId: '9999999999' }),
      'unknown channel',
    );
    assert.equal(
      (await send(p, me, { method: 'GET', url, nonce: kept })).body.returnCode,
      '0000',
      'the owner can still use a nonce only a forger tried',
    );
  });

  it('nonces are per channel, 1 to 128 characters', async () => {
    const shared = freshNonce();
    assert.equal(
      (await send(p, me, { method: 'GET', url: `/v3/payments?transactionId=${paid}`, nonce: shared })).body
        .returnCode,
      '0000',
    );
    const otherUse = await send(p, other, {
      method: 'GET',
      url: `/v3/payments?transactionId=${paid}`,
      nonce: shared,
    });
    assert.equal(
      otherUse.body.returnCode,
      '1150',
      `another channel's nonce space is its own: ${otherUse.raw}`,
    );
    const longest = `${freshNonce()}-`.padEnd(128, 'n');
    assert.equal(
      (await send(p, me, { method: 'GET', url: `/v3/payments?transactionId=${paid}`, nonce: longest })).body
        .returnCode,
      '0000',
    );
    assert1106(
      await send(p, me, { method: 'GET', url: `/v3/payments?transactionId=${paid}`, nonce: `${longest}n` }),
      '129-character nonce',
    );
  });
});
