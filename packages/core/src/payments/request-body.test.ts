import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChannelTerms, validatePaymentRequest } from './request-body.ts';

const terms: ChannelTerms = { currency: 'TWD', allowAuthorizeOnly: true, allowPreapproved: true };

function body(over: Record<string, unknown> = {}) {
  return {
    amount: 250,
    currency: 'TWD',
    orderId: 'o-1',
    packages: [{ id: 'p1', amount: 200, userFee: 20, products: [{ name: 'Tea', quantity: 2, price: 100 }] }],
    redirectUrls: { confirmUrl: 'https://m.example/ok', cancelUrl: 'https://m.example/no' },
    options: { shipping: { feeAmount: '30' } },
    ...over,
  };
}

function code(b: unknown, t: ChannelTerms = terms): string {
  const r = validatePaymentRequest(b, t);
  return r.ok ? 'ok' : r.code;
}

describe('validatePaymentRequest', () => {
  it('accepts amount = Σ(package amount + userFee) + shipping fee (fee as a string too)', () => {
    const r = validatePaymentRequest(body(), terms);
    assert.ok(r.ok);
    assert.equal(r.value.amount, 250n);
    assert.equal(r.value.shippingFee, 30n);
    assert.equal(r.value.productName, 'Tea');
    assert.equal(r.value.redirectUrls.confirmUrlType, 'CLIENT');
    assert.equal(r.value.capture, true);
  });

  it('refuses sum mismatches with 2101 for NORMAL but not for PREAPPROVED (the official sample)', () => {
    assert.equal(code(body({ amount: 251 })), '2101');
    const pkgMismatch = body({
      packages: [{ id: 'p', amount: 5, products: [{ name: 'x', quantity: 1, price: 4 }] }],
    });
    assert.equal(code({ ...pkgMismatch, amount: 5, options: {} }), '2101');
    const sample = {
      amount: 1000,
      currency: 'TWD',
      orderId: 'pre-1',
      packages: [{ id: 'p', amount: 0, products: [{ name: 'plan', quantity: 1, price: 0 }] }],
      redirectUrls: { confirmUrl: 'https://m.example/ok', cancelUrl: 'https://m.example/no' },
      options: { payment: { payType: 'PREAPPROVED' } },
    };
    assert.equal(code(sample), 'ok');
  });

  it('maps each problem to its code', () => {
    assert.equal(code(null), '2101');
    assert.equal(code(body({ currency: 'USD' })), '1178');
    assert.equal(code(body({ currency: 7 })), '2101');
    assert.equal(code(body({ amount: 0 })), '1183');
    assert.equal(code(body({ amount: 250.5 })), '1124');
    assert.equal(code(body({ amount: '250' })), '2101');
    assert.equal(code(body({ orderId: 'x'.repeat(101) })), '2101');
    assert.equal(code(body({ packages: [] })), '2101');
    assert.equal(code(body({ redirectUrls: { cancelUrl: 'https://m.example/no' } })), '2101');
    assert.equal(
      code(body({ redirectUrls: { confirmUrl: 'javascript:alert(1)', cancelUrl: 'https://m/no' } })),
      '2101',
    );
    assert.equal(code(body({ options: { display: { locale: 'xx' } } })), '2101');
    assert.equal(code(body({ options: { payment: { capture: 'no' } } })), '2101');
    assert.equal(
      code(body({ options: { payment: { payType: 'PREAPPROVED' } } }), { ...terms, allowPreapproved: false }),
      '1194',
    );
    assert.equal(
      code(body({ options: { payment: { capture: false } } }), { ...terms, allowAuthorizeOnly: false }),
      '1105',
    );
  });

  it('lets confirmUrl be omitted for confirmUrlType NONE and ignores unknown fields', () => {
    const none = body({
      redirectUrls: { confirmUrlType: 'NONE', cancelUrl: 'https://m.example/no' },
      extras: { x: 1 },
    });
    assert.equal(code(none), 'ok');
  });
});
