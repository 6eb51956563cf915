import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BuildPaymentRequestInput, buildPaymentRequest, toMajor, toMinor } from './packages-builder.ts';

const redirectUrls = { confirmUrl: 'https://shop.test/confirm', cancelUrl: 'https://shop.test/cancel' };

function input(over: Partial<BuildPaymentRequestInput> = {}): BuildPaymentRequestInput {
  return {
    orderId: 'order-1',
    currency: 'TWD',
    packages: [{ id: 'pkg-1', products: [{ name: 'Pen', quantity: 2, price: 50 }] }],
    redirectUrls,
    ...over,
  };
}

function rejects(over: Partial<BuildPaymentRequestInput>, message: RegExp) {
  assert.throws(
    () => buildPaymentRequest(input(over)),
    (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.equal((e as { returnCode?: string }).returnCode, 'INVALID_ARGUMENT');
      assert.match(e.message, message);
      return true;
    },
  );
}

describe('buildPaymentRequest', () => {
  it('computes package and total amounts', () => {
    const body = buildPaymentRequest(
      input({
        packages: [
          {
            id: 'a',
            name: 'Shop A',
            products: [
              { name: 'Pen', quantity: 2, price: 50 },
              { name: 'Ink', quantity: 1, price: 30 },
            ],
          },
          { id: 'b', products: [{ name: 'Pad', quantity: 3, price: 10 }] },
        ],
      }),
    );
    assert.deepEqual(
      body.packages.map((p) => p.amount),
      [130, 30],
    );
    assert.equal(body.amount, 160);
    assert.equal(body.packages[0]?.name, 'Shop A');
    assert.equal(body.options, undefined);
  });

  it('is exact in USD where float arithmetic is not (3 × 19.99, 3 × 0.10 + 19.99 × 7)', () => {
    const body = buildPaymentRequest(
      input({
        currency: 'USD',
        packages: [{ id: 'a', products: [{ name: 'Book', quantity: 3, price: 19.99 }] }],
      }),
    );
    assert.equal(body.packages[0]?.amount, 59.97);
    assert.equal(body.amount, 59.97);
    // Float arithmetic gets these wrong; the builder must not.
    assert.notEqual(3 * 0.1, 0.3);
    assert.notEqual(0.3 + 139.93, 140.23);
    const mixed = buildPaymentRequest(
      input({
        currency: 'USD',
        packages: [
          { id: 'a', products: [{ name: 'Clip', quantity: 3, price: 0.1 }] },
          { id: 'b', products: [{ name: 'Book', quantity: 7, price: 19.99 }] },
        ],
      }),
    );
    assert.deepEqual(
      mixed.packages.map((p) => p.amount),
      [0.3, 139.93],
    );
    assert.equal(mixed.amount, 140.23);
    assert.equal(JSON.stringify(mixed), JSON.stringify(mixed).replace(/\d\.\d{3,}/g, 'X'));
  });

  it('adds userFee and shippingFee to the total, and puts the fee in options.shipping', () => {
    const body = buildPaymentRequest(
      input({
        currency: 'THB',
        packages: [{ id: 'a', userFee: 0.1, products: [{ name: 'Tea', quantity: 1, price: 0.2 }] }],
        shippingFee: 1.05,
        options: { payment: { capture: false } },
      }),
    );
    assert.equal(body.packages[0]?.amount, 0.2);
    assert.equal(body.packages[0]?.userFee, 0.1);
    assert.equal(body.amount, 1.35);
    assert.deepEqual(body.options, { payment: { capture: false }, shipping: { feeAmount: 1.05 } });
  });

  it('rejects more decimals than the currency has', () => {
    rejects(
      { packages: [{ id: 'a', products: [{ name: 'Pen', quantity: 1, price: 10.5 }] }] },
      /decimal places.*TWD/,
    );
    rejects(
      { currency: 'USD', packages: [{ id: 'a', products: [{ name: 'Pen', quantity: 1, price: 1.005 }] }] },
      /decimal places/,
    );
    rejects({ shippingFee: 0.5 }, /shippingFee/);
    rejects(
      {
        currency: 'JPY',
        packages: [{ id: 'a', userFee: 1.5, products: [{ name: 'P', quantity: 1, price: 1 }] }],
      },
      /userFee/,
    );
  });

  it('rejects non-integer or non-positive quantities', () => {
    rejects({ packages: [{ id: 'a', products: [{ name: 'Pen', quantity: 1.5, price: 10 }] }] }, /quantity/);
    rejects({ packages: [{ id: 'a', products: [{ name: 'Pen', quantity: 0, price: 10 }] }] }, /quantity/);
  });

  it('rejects empty packages, no packages, negative prices and a zero total', () => {
    rejects({ packages: [{ id: 'a', products: [] }] }, /at least one product/);
    rejects({ packages: [] }, /at least one package/);
    rejects({ packages: [{ id: 'a', products: [{ name: 'Pen', quantity: 1, price: -1 }] }] }, /negative/);
    rejects(
      { packages: [{ id: 'a', products: [{ name: 'Pen', quantity: 1, price: 0 }] }] },
      /greater than 0/,
    );
    rejects(
      { packages: [{ id: 'a', products: [{ name: 'Pen', quantity: 1, price: Number.NaN }] }] },
      /finite/,
    );
  });

  it('rejects missing ids, names and URLs', () => {
    rejects({ orderId: '' }, /orderId/);
    rejects({ redirectUrls: { cancelUrl: 'https://shop.test/cancel' } }, /confirmUrl/);
    rejects({ packages: [{ id: '', products: [{ name: 'Pen', quantity: 1, price: 1 }] }] }, /id/);
    // confirmUrlType NONE needs no confirmUrl.
    const body = buildPaymentRequest(
      input({ redirectUrls: { cancelUrl: 'https://x.test/c', confirmUrlType: 'NONE' } }),
    );
    assert.equal(body.redirectUrls.confirmUrl, undefined);
  });
});

describe('toMinor / toMajor', () => {
  it('convert exactly both ways', () => {
    assert.equal(toMinor(19.99, 'USD', 'x'), 1999n);
    assert.equal(toMinor(100, 'TWD', 'x'), 100n);
    assert.equal(toMinor(0.07, 'THB', 'x'), 7n);
    assert.equal(toMajor(5997n, 'USD'), 59.97);
    assert.equal(toMajor(-20n, 'USD'), -0.2);
    assert.equal(toMajor(1000n, 'JPY'), 1000);
  });
});
