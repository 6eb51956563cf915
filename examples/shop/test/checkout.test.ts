// The shopper's flows against a real Jinliu: pay now, reserve then capture (partial), cancel,
// and carts the shop refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { platformForFile, withShop } from './helpers/shop-harness.ts';

describe('checkout', () => {
  const platform = platformForFile();

  it('pays now: the order is paid with the items, amounts and pay method LINE Pay reported', () =>
    withShop(platform, async (h) => {
      const before = await h.aliceBalance();
      const { orderId, transactionId, paymentUrl } = await h.checkout([
        { productId: 'house-blend', quantity: 2 },
        { productId: 'drip-bags', quantity: 1 },
      ]);
      assert.match(orderId, /^JC-[0-9A-Z]{12}$/);
      assert.match(paymentUrl, /\/web\/payment\/wait\?transactionReserveId=/);
      const pending = await h.api('GET', `/api/orders/${orderId}`);
      assert.equal(pending.body.status, 'pending');
      assert.equal(pending.body.amount, 2 * 420 + 290);

      const confirmUrl = await h.approve(transactionId);
      assert.ok(confirmUrl.startsWith(`${h.shop.publicUrl}/checkout/return?`), confirmUrl);
      const back = await h.returnFrom(confirmUrl);
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.equal(back.body.status, 'paid');
      assert.equal(back.body.capturedAmount, 1130);
      assert.deepEqual(back.body.payInfo, [{ method: 'BALANCE', amount: 1130 }]);
      assert.deepEqual(
        back.body.items.map((i: { name: string; quantity: number; lineTotal: number }) => [
          i.name,
          i.quantity,
          i.lineTotal,
        ]),
        [
          ['House blend, 250 g', 2, 840],
          ['Drip bags, box of 10', 1, 290],
        ],
      );
      assert.equal(await h.aliceBalance(), before - 1130);

      // Coming back to the return page again (reload) confirms nothing twice.
      const again = await h.returnFrom(confirmUrl);
      assert.equal(again.body.status, 'paid');
      assert.equal(await h.aliceBalance(), before - 1130);
      const [details] = await h.shop.ctx.linePay.paymentDetails({ orderId: [orderId] });
      assert.equal(details?.payStatus, 'CAPTURE');
    }));

  it('reserves (authorize only), then the admin captures part of it and the order is paid', () =>
    withShop(platform, async (h) => {
      const { orderId, transactionId } = await h.checkout(
        [{ productId: 'pour-over-kit', quantity: 1 }],
        'reserve',
      );
      const back = await h.returnFrom(await h.approve(transactionId));
      assert.equal(back.body.status, 'authorized');
      assert.equal(back.body.capturedAmount, 0);
      assert.ok(back.body.authorizationExpiresAt, 'the hold has an expiry date');

      const tooMuch = await h.admin('POST', `/api/admin/orders/${orderId}/capture`, { amount: 1281 });
      assert.equal(tooMuch.status, 400);
      assert.equal(tooMuch.body.error.code, 'bad_amount');

      const captured = await h.admin('POST', `/api/admin/orders/${orderId}/capture`, { amount: 1000 });
      assert.equal(captured.status, 200, JSON.stringify(captured.body));
      assert.equal(captured.body.status, 'paid');
      assert.equal(captured.body.capturedAmount, 1000);
      const [details] = await h.shop.ctx.linePay.paymentDetails({ transactionId: [transactionId] });
      assert.equal(details?.payStatus, 'CAPTURE');
      assert.equal(details?.payInfo?.[0]?.amount, 1000);

      const twice = await h.admin('POST', `/api/admin/orders/${orderId}/capture`, {});
      assert.equal(twice.status, 409, 'a paid order cannot be captured again');
      const shopper = await h.api('GET', `/api/orders/${orderId}`);
      assert.equal(shopper.body.events, undefined, 'the shopper never sees the internal trail');
    }));

  it('voids a reservation the shopper never picked up', () =>
    withShop(platform, async (h) => {
      const before = await h.aliceBalance();
      const { orderId, transactionId } = await h.checkout(
        [{ productId: 'ceramic-mug', quantity: 1 }],
        'reserve',
      );
      await h.returnFrom(await h.approve(transactionId));
      assert.equal(await h.aliceBalance(), before - 550, 'the hold is taken from the balance');
      const voided = await h.admin('POST', `/api/admin/orders/${orderId}/void`, {});
      assert.equal(voided.status, 200, JSON.stringify(voided.body));
      assert.equal(voided.body.status, 'voided');
      assert.equal(await h.aliceBalance(), before, 'the hold is released');
    }));

  it('cancels on the cancel URL, only while pending, and never confirms a cancelled order', () =>
    withShop(platform, async (h) => {
      const { orderId, transactionId } = await h.checkout([{ productId: 'cold-brew', quantity: 1 }]);
      const { redirectUrl } = await h.sandbox.cancel(transactionId);
      assert.equal(redirectUrl, `${h.shop.publicUrl}/checkout/cancel?orderId=${orderId}`);
      const cancelled = await h.api('POST', `/api/orders/${orderId}/cancel`, {});
      assert.equal(cancelled.body.status, 'cancelled');
      assert.match(cancelled.body.statusReason, /cancelled/);

      // A paid order stays paid whatever the cancel URL says.
      const paid = await h.checkout([{ productId: 'cold-brew', quantity: 1 }]);
      await h.returnFrom(await h.approve(paid.transactionId));
      const stillPaid = await h.api('POST', `/api/orders/${paid.orderId}/cancel`, {});
      assert.equal(stillPaid.body.status, 'paid');

      // A return for the cancelled order confirms nothing.
      const stale = await h.api('POST', `/api/orders/${orderId}/return`, {
        transactionId: transactionId.toString(),
      });
      assert.equal(stale.body.status, 'cancelled');
      const wrong = await h.api('POST', `/api/orders/${paid.orderId}/return`, {
        transactionId: transactionId.toString(),
      });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.code, 'transaction_mismatch');
    }));

  it('refuses bad carts and non-JSON calls without storing anything', () =>
    withShop(platform, async (h) => {
      const cases: Array<[unknown, string]> = [
        [{ lines: [], mode: 'pay' }, 'empty_cart'],
        [{ lines: [{ productId: 'tea', quantity: 1 }], mode: 'pay' }, 'unknown_product'],
        [{ lines: [{ productId: 'house-blend', quantity: 0 }], mode: 'pay' }, 'bad_quantity'],
        [{ lines: [{ productId: 'house-blend', quantity: 1.5 }], mode: 'pay' }, 'bad_quantity'],
        [{ lines: [{ productId: 'house-blend', quantity: 21 }], mode: 'pay' }, 'bad_quantity'],
        [{ lines: [{ productId: 'house-blend', quantity: 1 }], mode: 'later' }, 'bad_mode'],
      ];
      for (const [body, code] of cases) {
        const r = await h.api('POST', '/api/checkout', body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.body.error.code, code, JSON.stringify(body));
      }
      const form = await fetch(`${h.shop.url}/api/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'mode=pay',
      });
      assert.equal(form.status, 415);
      const [count] = await h.shop.ctx.db.query<{ n: bigint }>('SELECT count(*)::bigint AS n FROM orders');
      assert.equal(count?.n, 0n);
      const missing = await h.api('GET', '/api/orders/JC-NOPE');
      assert.equal(missing.status, 404);
    }));
});
