import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type BadInputFixtures,
  mutated,
  pkg,
  product,
  startBadInputFixtures,
  storedCount,
} from './helpers/bad-input-fixtures.ts';
import { assertLedgerBalanced, requestBody, type TestPlatform, v3 } from './helpers/test-app.ts';

describe('Online v3: malformed and invalid input gets its return code', () => {
  let p: TestPlatform;
  let usd: BadInputFixtures['usd'];
  let approved: bigint;
  let authorized: bigint;
  let captured: bigint;
  let regKey: string;

  before(async () => {
    ({ p, usd, approved, authorized, captured, regKey } = await startBadInputFixtures());
  });
  after(async () => {
    await p.close();
  });

  it('malformed JSON → 2102 on every endpoint that takes a body', async () => {
    const posts = [
      '/v3/payments/request',
      `/v3/payments/${approved}/confirm`,
      `/v3/payments/authorizations/${authorized}/capture`,
      `/v3/payments/authorizations/${authorized}/void`,
      `/v3/payments/${captured}/refund`,
      `/v3/payments/preapprovedPay/${regKey}/payment`,
      `/v3/payments/preapprovedPay/${regKey}/expire`,
    ];
    const samples = [
      '{',
      '{"amount":}',
      "{'amount':1}",
      '[1,]',
      '{"a":1}}',
      'nul',
      '{"a":1} x',
      'undefined',
      '0x10',
    ];
    for (const path of posts) {
      for (const rawBody of samples) {
        const r = await v3(p, 'POST', path, undefined, { rawBody });
        assert.equal(r.status, 200);
        assert.equal(r.body.returnCode, '2102', `${path} ${rawBody}: ${r.raw}`);
        assert.equal(r.body.info, undefined);
      }
    }
    // Nothing moved: the approval, the hold, the capture and the regKey are as they were.
    assert.equal((await v3(p, 'GET', `/v3/payments/requests/${approved}/check`)).body.returnCode, '0110');
    const details = await v3(p, 'GET', `/v3/payments?transactionId=${authorized},${captured}`);
    assert.deepEqual(
      details.body.info.map((i: { payStatus: string }) => i.payStatus),
      ['AUTHORIZATION', 'CAPTURE'],
    );
    assert.equal(details.body.info[1].refundList, undefined);
    assert.equal((await v3(p, 'GET', `/v3/payments/preapprovedPay/${regKey}/check`)).body.returnCode, '0000');
    await assertLedgerBalanced(p);
  });

  it('request: missing, mistyped and overlong fields → 2101, and nothing is stored', async () => {
    const cases: Array<[label: string, body: unknown]> = [
      [
        'no packages',
        mutated('bi-1', (b) => {
          delete b.packages;
        }),
      ],
      [
        'packages []',
        mutated('bi-2', (b) => {
          b.packages = [];
        }),
      ],
      [
        'empty products',
        mutated('bi-3', (b) => {
          pkg(b).products = [];
        }),
      ],
      [
        'orderId of 101 characters',
        mutated('bi-4', (b) => {
          b.orderId = `bi-4${'x'.repeat(97)}`;
        }),
      ],
      [
        'empty orderId',
        mutated('bi-5', (b) => {
          b.orderId = '';
        }),
      ],
      [
        'amount as a string',
        mutated('bi-6', (b) => {
          b.amount = '1000';
        }),
      ],
      [
        'quantity 0',
        mutated('bi-7', (b) => {
          product(b).quantity = 0;
        }),
      ],
      [
        'quantity 1.5',
        mutated('bi-8', (b) => {
          product(b).quantity = 1.5;
        }),
      ],
      [
        "locale 'xx'",
        mutated('bi-9', (b) => {
          b.options = { display: { locale: 'xx' } };
        }),
      ],
      [
        'no redirectUrls',
        mutated('bi-10', (b) => {
          delete b.redirectUrls;
        }),
      ],
      [
        'confirmUrl not a URL',
        mutated('bi-11', (b) => {
          b.redirectUrls = { confirmUrl: 'not a url', cancelUrl: 'https://m.example/c' };
        }),
      ],
      [
        'javascript: cancelUrl',
        mutated('bi-12', (b) => {
          b.redirectUrls = { confirmUrl: 'https://m.example/ok', cancelUrl: 'javascript:alert(1)' };
        }),
      ],
      [
        'no currency',
        mutated('bi-13', (b) => {
          delete b.currency;
        }),
      ],
      [
        'numeric currency',
        mutated('bi-14', (b) => {
          b.currency = 901;
        }),
      ],
      [
        'package id of 51 characters',
        mutated('bi-15', (b) => {
          pkg(b).id = 'p'.repeat(51);
        }),
      ],
      [
        'product without a name',
        mutated('bi-16', (b) => {
          delete product(b).name;
        }),
      ],
      [
        "capture 'false' as a string",
        mutated('bi-17', (b) => {
          b.options = { payment: { capture: 'false' } };
        }),
      ],
      [
        'unknown payType',
        mutated('bi-18', (b) => {
          b.options = { payment: { payType: 'SOMETIMES' } };
        }),
      ],
      [
        'products not an array',
        mutated('bi-19', (b) => {
          pkg(b).products = { name: 'Pen', quantity: 1, price: 1000 };
        }),
      ],
      [
        'price null',
        mutated('bi-20', (b) => {
          product(b).price = null;
        }),
      ],
      ['an array body', [requestBody('bi-21')]],
      ['a string body', 'bi-22'],
      ['a number body', 1000],
      ['null', null],
    ];
    for (const [label, body] of cases) {
      const r = await v3(p, 'POST', '/v3/payments/request', body);
      assert.equal(r.status, 200);
      assert.equal(r.body.returnCode, '2101', `${label}: ${r.raw}`);
      assert.equal(r.body.info, undefined);
    }
    assert.equal(await storedCount(p, 'bi-'), 0);
    // Boundary control: exactly 100 characters is fine.
    const ok = await v3(p, 'POST', '/v3/payments/request', requestBody(`bi-ok${'x'.repeat(95)}`));
    assert.equal(ok.body.returnCode, '0000', ok.raw);
  });

  it('amount ≠ Σ packages (or a package ≠ Σ its products) → 2101; with userFee and shipping it adds up', async () => {
    const offTotal = mutated('sum-1', (b) => {
      b.amount = 1100;
    });
    const offPackage = mutated('sum-2', (b) => {
      product(b).price = 900;
    });
    const twoProducts = mutated('sum-3', (b) => {
      pkg(b).products = [
        { name: 'Pen', quantity: 2, price: 300 },
        { name: 'Ink', quantity: 1, price: 300 },
      ];
      pkg(b).amount = 1000;
    });
    for (const [label, body] of [
      ['amount 1100, package 1000', offTotal],
      ['package 1000, products 900', offPackage],
      ['package 1000, products 2×300 + 300', twoProducts],
    ] as const) {
      assert.equal((await v3(p, 'POST', '/v3/payments/request', body)).body.returnCode, '2101', label);
    }
    assert.equal(await storedCount(p, 'sum-'), 0);
    const withFees = mutated('sum-ok', (b) => {
      b.amount = 1150;
      pkg(b).userFee = 100;
      b.options = { shipping: { feeAmount: 50 } };
    });
    const ok = await v3(p, 'POST', '/v3/payments/request', withFees);
    assert.equal(ok.body.returnCode, '0000', ok.raw);
  });

  it('amount scale, sign and currency: 1124, 1183, 1178', async () => {
    const decimal = await v3(p, 'POST', '/v3/payments/request', requestBody('scale-1', 100.5));
    assert.equal(decimal.body.returnCode, '1124', decimal.raw);
    const decimalPrice = mutated('scale-2', (b) => {
      product(b).price = 999.5;
      product(b).quantity = 2;
      pkg(b).amount = 1999;
      b.amount = 1999;
    });
    assert.equal((await v3(p, 'POST', '/v3/payments/request', decimalPrice)).body.returnCode, '1124');
    assert.equal(
      (await v3(p, 'POST', '/v3/payments/request', requestBody('zero-1', 0))).body.returnCode,
      '1183',
    );
    assert.equal(
      (await v3(p, 'POST', '/v3/payments/request', requestBody('zero-2', -100))).body.returnCode,
      '1183',
    );
    for (const currency of ['USD', 'JPY', 'XYZ', 'twd']) {
      const r = await v3(
        p,
        'POST',
        '/v3/payments/request',
        requestBody(`cur-${currency}`, 100, { currency }),
      );
      assert.equal(r.body.returnCode, '1178', `${currency}: ${r.raw}`);
    }
    assert.equal(await storedCount(p, 'scale-'), 0);
    assert.equal(await storedCount(p, 'zero-'), 0);
    assert.equal(await storedCount(p, 'cur-'), 0);

    // A USD channel: cents are fine, a third decimal is not, TWD is refused.
    const onUsd = { channelId: usd.channelId, secret: usd.secret };
    const cents = await v3(
      p,
      'POST',
      '/v3/payments/request',
      requestBody('usd-1', 10.25, { currency: 'USD' }),
      onUsd,
    );
    assert.equal(cents.body.returnCode, '0000', cents.raw);
    const mills = await v3(
      p,
      'POST',
      '/v3/payments/request',
      requestBody('usd-2', 10.255, { currency: 'USD' }),
      onUsd,
    );
    assert.equal(mills.body.returnCode, '1124', mills.raw);
    const twd = await v3(p, 'POST', '/v3/payments/request', requestBody('usd-3', 10), onUsd);
    assert.equal(twd.body.returnCode, '1178', twd.raw);
  });
});
