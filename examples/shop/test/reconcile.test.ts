// Orders the shopper leaves unfinished, against a real Jinliu: approved but never returned,
// abandoned past the 20-minute window, cancelled without coming back, failed at confirm — and
// the shopper's return racing the reconciler (or a second tab) confirming exactly once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type HarnessOptions, platformForFile, withShop } from './helpers/shop-harness.ts';

/** A transport that counts the confirm calls the shop sends. */
function countingConfirms(): { confirms: () => number; transport: NonNullable<HarnessOptions['transport']> } {
  let confirms = 0;
  return {
    confirms: () => confirms,
    transport: (real) => async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (/^\/v3\/payments\/\d+\/confirm$/.test(url.pathname)) {
        confirms += 1;
      }
      return real(input, init);
    },
  };
}

describe('reconciler', () => {
  const platform = platformForFile();

  it('confirms a payment the shopper approved but never came back from', () =>
    withShop(platform, async (h) => {
      const before = await h.aliceBalance();
      const { orderId, transactionId } = await h.checkout([{ productId: 'house-blend', quantity: 1 }]);
      await h.approve(transactionId); // …and the tab is closed
      const report = await h.shop.reconcile(0);
      assert.deepEqual(report.changed, { [orderId]: 'paid' });
      assert.deepEqual(report.errors, {});
      const order = await h.api('GET', `/api/orders/${orderId}`);
      assert.equal(order.body.status, 'paid');
      assert.equal(await h.aliceBalance(), before - 420);
      const status = await h.shop.ctx.linePay.checkPaymentStatus(transactionId);
      assert.equal(status.returnCode, '0123');
      assert.deepEqual((await h.shop.reconcile(0)).changed, {}, 'a second pass has nothing to do');
    }));

  it('leaves a waiting payment alone, and expires it once the sandbox clock passes 20 minutes', () =>
    withShop(platform, async (h) => {
      const { orderId } = await h.checkout([{ productId: 'cold-brew', quantity: 2 }]);
      assert.deepEqual((await h.shop.reconcile(0)).changed, {});
      assert.equal((await h.api('GET', `/api/orders/${orderId}`)).body.status, 'pending');
      await h.sandbox.advanceClock(19 * 60);
      assert.deepEqual((await h.shop.reconcile(0)).changed, {}, 'still inside the window');
      await h.sandbox.advanceClock(2 * 60);
      const report = await h.shop.reconcile(0);
      assert.deepEqual(report.changed, { [orderId]: 'expired' });
      const order = await h.api('GET', `/api/orders/${orderId}`);
      assert.equal(order.body.status, 'expired');
      assert.match(order.body.statusReason, /expired/);
    }));

  it('only checks orders older than its threshold (on the platform clock)', () =>
    withShop(platform, async (h) => {
      const { orderId, transactionId } = await h.checkout([{ productId: 'drip-bags', quantity: 1 }]);
      await h.approve(transactionId);
      assert.equal((await h.shop.reconcile(120_000)).checked, 0);
      await h.sandbox.advanceClock(121);
      assert.deepEqual((await h.shop.reconcile(120_000)).changed, { [orderId]: 'paid' });
    }));

  it('cancels an order the shopper cancelled on the payment page without coming back', () =>
    withShop(platform, async (h) => {
      const { orderId, transactionId } = await h.checkout([{ productId: 'ceramic-mug', quantity: 1 }]);
      await h.sandbox.cancel(transactionId);
      assert.deepEqual((await h.shop.reconcile(0)).changed, { [orderId]: 'cancelled' });
    }));

  it('marks the order failed, with LINE Pay’s reason, when the card is declined at confirm', () =>
    withShop(platform, async (h) => {
      const before = await h.aliceBalance();
      const { orderId, transactionId } = await h.checkout([{ productId: 'pour-over-kit', quantity: 1 }]);
      const back = await h.returnFrom(await h.approve(transactionId, { cardNumber: '4000000012980001' }));
      assert.equal(back.body.status, 'failed');
      assert.match(back.body.statusReason, /1298/);
      assert.equal((await h.shop.ctx.linePay.checkPaymentStatus(transactionId)).returnCode, '0122');
      assert.deepEqual((await h.shop.reconcile(0)).changed, {});
      assert.equal(await h.aliceBalance(), before);
      assert.equal((await h.api('GET', `/api/orders/${orderId}`)).body.status, 'failed');
    }));

  it('confirms once when the shopper’s return and the reconciler arrive together', async () => {
    const counter = countingConfirms();
    await withShop(
      platform,
      async (h) => {
        const before = await h.aliceBalance();
        const { orderId, transactionId } = await h.checkout([
          { productId: 'alishan-single-origin', quantity: 1 },
        ]);
        const confirmUrl = await h.approve(transactionId);
        const [back, report] = await Promise.all([h.returnFrom(confirmUrl), h.shop.reconcile(0)]);
        assert.equal(back.status, 200);
        assert.ok(['paid', 'confirming'].includes(back.body.status), back.body.status);
        assert.deepEqual(report.errors, {});
        assert.equal(counter.confirms(), 1, 'exactly one confirm reached LINE Pay');
        assert.equal((await h.api('GET', `/api/orders/${orderId}`)).body.status, 'paid');
        assert.equal(await h.aliceBalance(), before - 680);
        const [details] = await h.shop.ctx.linePay.paymentDetails({ orderId: [orderId] });
        assert.equal(details?.payStatus, 'CAPTURE');
      },
      { transport: counter.transport },
    );
  });

  it('confirms once when the shopper returns in two tabs at once', async () => {
    const counter = countingConfirms();
    await withShop(
      platform,
      async (h) => {
        const { orderId, transactionId } = await h.checkout([{ productId: 'drip-bags', quantity: 3 }]);
        const confirmUrl = await h.approve(transactionId);
        const replies = await Promise.all([
          h.returnFrom(confirmUrl),
          h.returnFrom(confirmUrl),
          h.returnFrom(confirmUrl),
        ]);
        assert.ok(replies.every((r) => r.status === 200));
        assert.equal(counter.confirms(), 1);
        const order = await h.api('GET', `/api/orders/${orderId}`);
        assert.equal(order.body.status, 'paid');
        const trail = await h.admin('GET', `/api/admin/orders/${orderId}`);
        assert.equal(trail.body.events.filter((e: { kind: string }) => e.kind === 'settled').length, 1);
      },
      { transport: counter.transport },
    );
  });

  it('settles from payment details when confirm answers "already confirmed" (confirmed elsewhere)', async () => {
    const codes: string[] = [];
    await withShop(
      platform,
      async (h) => {
        const before = await h.aliceBalance();
        const { orderId, transactionId } = await h.checkout([{ productId: 'house-blend', quantity: 1 }]);
        const confirmUrl = await h.approve(transactionId);
        // Another instance of the shop (same channel) confirmed it first.
        await h.shop.ctx.linePay.confirm(transactionId, { amount: 420, currency: 'TWD' });
        const back = await h.returnFrom(confirmUrl);
        assert.deepEqual(
          codes.filter((c) => c !== '0000'),
          [codes.at(-1)],
          'the shop’s own confirm was refused once',
        );
        assert.ok(['1172', '1152'].includes(codes.at(-1) ?? ''), codes.join());
        assert.equal(back.body.status, 'paid');
        assert.deepEqual(back.body.payInfo, [{ method: 'BALANCE', amount: 420 }]);
        assert.equal(await h.aliceBalance(), before - 420);
        const trail = await h.admin('GET', `/api/admin/orders/${orderId}`);
        assert.ok(
          trail.body.events.some((e: { kind: string; detail: string }) =>
            /after confirm 11(72|52)/.test(e.detail),
          ),
          JSON.stringify(trail.body.events),
        );
      },
      {
        transport: (real) => async (input, init) => {
          const res = await real(input, init);
          const url = new URL(input instanceof Request ? input.url : String(input));
          if (/^\/v3\/payments\/\d+\/confirm$/.test(url.pathname)) {
            codes.push(String((await res.clone().json()).returnCode));
          }
          return res;
        },
      },
    );
  });
});
