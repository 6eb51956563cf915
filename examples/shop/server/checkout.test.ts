import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { priceCart } from './checkout.ts';
import { ShopError } from './errors.ts';

describe('pricing a cart', () => {
  it('prices from the catalogue, merging repeated lines', () => {
    const { items, amount } = priceCart([
      { productId: 'house-blend', quantity: 1 },
      { productId: 'drip-bags', quantity: 2 },
      { productId: 'house-blend', quantity: 2 },
    ]);
    assert.deepEqual(
      items.map((i) => [i.productId, i.quantity, i.unitPrice]),
      [
        ['house-blend', 3, 420n],
        ['drip-bags', 2, 290n],
      ],
    );
    assert.equal(amount, 3n * 420n + 2n * 290n);
  });

  it('never takes a price or a name from the browser', () => {
    const { items } = priceCart([
      { productId: 'ceramic-mug', quantity: 1, price: 1, name: 'Free mug' } as never,
    ]);
    assert.equal(items[0]?.unitPrice, 550n);
    assert.equal(items[0]?.name, 'Yingge ceramic mug');
  });

  it('refuses empty carts, unknown products and bad quantities with a code', () => {
    const code = (lines: unknown) => {
      try {
        priceCart(lines as never);
        return 'accepted';
      } catch (e) {
        return e instanceof ShopError ? e.code : String(e);
      }
    };
    assert.equal(code([]), 'empty_cart');
    assert.equal(code('house-blend'), 'empty_cart');
    assert.equal(code([{ productId: 'tea', quantity: 1 }]), 'unknown_product');
    assert.equal(code([null]), 'unknown_product');
    assert.equal(code([{ productId: 'house-blend', quantity: 0 }]), 'bad_quantity');
    assert.equal(code([{ productId: 'house-blend', quantity: '2' }]), 'bad_quantity');
    assert.equal(
      code([
        { productId: 'house-blend', quantity: 15 },
        { productId: 'house-blend', quantity: 6 },
      ]),
      'bad_quantity',
    );
    assert.equal(
      code(Array.from({ length: 21 }, () => ({ productId: 'house-blend', quantity: 1 }))),
      'bad_request',
    );
  });
});
