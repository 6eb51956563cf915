// Refunds from the admin API against a real Jinliu: partial then the rest, over-refunds refused
// with nothing recorded, and the admin sign-in that guards them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Harness, type HarnessOptions, platformForFile, withShop } from './helpers/shop-harness.ts';

async function paidOrder(h: Harness): Promise<{ orderId: string; transactionId: bigint }> {
  const order = await h.checkout([{ productId: 'alishan-single-origin', quantity: 1 }]);
  const back = await h.returnFrom(await h.approve(order.transactionId));
  assert.equal(back.body.status, 'paid');
  return order;
}

async function refundRows(h: Harness, orderId: string) {
  return h.shop.ctx.db.query<{ amount: bigint; status: string; refund_transaction_id: bigint | null }>(
    'SELECT amount, status, refund_transaction_id FROM refunds WHERE order_id = $1 ORDER BY id',
    [orderId],
  );
}

describe('refunds', () => {
  const platform = platformForFile();

  it('refunds part, refuses more than is left without recording anything, then refunds the rest', () =>
    withShop(platform, async (h) => {
      const before = await h.aliceBalance();
      const { orderId, transactionId } = await paidOrder(h);

      const part = await h.admin('POST', `/api/admin/orders/${orderId}/refund`, { amount: 180 });
      assert.equal(part.status, 200, JSON.stringify(part.body));
      assert.equal(part.body.status, 'partially_refunded');
      assert.equal(part.body.refundedAmount, 180);
      assert.equal(part.body.refundableAmount, 500);
      assert.equal(await h.aliceBalance(), before - 680 + 180);

      const over = await h.admin('POST', `/api/admin/orders/${orderId}/refund`, { amount: 501 });
      assert.equal(over.status, 400);
      assert.equal(over.body.error.code, 'refund_too_large');
      assert.match(over.body.error.message, /At most NT\$500/);
      assert.equal((await refundRows(h, orderId)).length, 1, 'the refused refund left no row');
      const [afterOver] = await h.shop.ctx.linePay.paymentDetails({ transactionId: [transactionId] });
      assert.equal(afterOver?.refundList?.length, 1, 'LINE Pay was never asked');

      const rest = await h.admin('POST', `/api/admin/orders/${orderId}/refund`, {});
      assert.equal(rest.status, 200, JSON.stringify(rest.body));
      assert.equal(rest.body.status, 'refunded');
      assert.equal(rest.body.refundedAmount, 680);
      assert.equal(rest.body.refundableAmount, 0);
      assert.equal(await h.aliceBalance(), before);

      // Each shop refund carries LINE Pay's own refund transaction id, never the payment's.
      const rows = await refundRows(h, orderId);
      const [details] = await h.shop.ctx.linePay.paymentDetails({ transactionId: [transactionId] });
      assert.deepEqual(
        rows.map((r) => [r.amount, r.status, r.refund_transaction_id]),
        (details?.refundList ?? []).map((r) => [BigInt(-r.refundAmount), 'succeeded', r.refundTransactionId]),
      );
      assert.ok(rows.every((r) => r.refund_transaction_id !== transactionId));

      const none = await h.admin('POST', `/api/admin/orders/${orderId}/refund`, { amount: 1 });
      assert.equal(none.status, 409);
      assert.equal(none.body.error.code, 'not_refundable');
    }));

  it('keeps two refunds at the same time within what was captured', () =>
    withShop(platform, async (h) => {
      const { orderId } = await paidOrder(h);
      const results = await Promise.all([
        h.admin('POST', `/api/admin/orders/${orderId}/refund`, { amount: 400 }),
        h.admin('POST', `/api/admin/orders/${orderId}/refund`, { amount: 400 }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 400]);
      const rows = await refundRows(h, orderId);
      assert.deepEqual(
        rows.map((r) => [r.amount, r.status]),
        [[400n, 'succeeded']],
      );
      const order = await h.api('GET', `/api/orders/${orderId}`);
      assert.equal(order.body.refundedAmount, 400);
    }));

  it('refuses refunds of unpaid orders and bad amounts', () =>
    withShop(platform, async (h) => {
      const { orderId } = await h.checkout([{ productId: 'drip-bags', quantity: 1 }]);
      const unpaid = await h.admin('POST', `/api/admin/orders/${orderId}/refund`, { amount: 10 });
      assert.equal(unpaid.status, 409);
      assert.equal(unpaid.body.error.code, 'not_refundable');
      const paid = await paidOrder(h);
      for (const amount of [0, -5, 1.5, 'ten']) {
        const r = await h.admin('POST', `/api/admin/orders/${paid.orderId}/refund`, { amount });
        assert.equal(r.status, 400, String(amount));
        assert.equal(r.body.error.code, 'bad_amount');
      }
      assert.equal((await refundRows(h, paid.orderId)).length, 0);
    }));

  it('guards the admin API with a password session in an HttpOnly SameSite=Strict cookie', () =>
    withShop(platform, async (h) => {
      const { orderId } = await paidOrder(h);
      const anonymous = await h.api('POST', `/api/admin/orders/${orderId}/refund`, { amount: 10 });
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.error.code, 'signed_out');
      assert.equal((await h.api('GET', '/api/admin/orders')).status, 401);

      const wrong = await h.api('POST', '/api/admin/session', { password: 'guess' });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers.get('set-cookie'), null);

      const right = await h.api('POST', '/api/admin/session', { password: 'test-admin-password' });
      assert.equal(right.status, 200);
      const setCookie = right.headers.get('set-cookie') ?? '';
      assert.match(setCookie, /^jc_admin=[\w-]{43};/);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Strict/);
      const cookie = setCookie.split(';')[0] ?? '';

      // A form post (what another site could make a browser send) is refused before anything runs.
      const form = await fetch(`${h.shop.url}/api/admin/orders/${orderId}/refund`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/plain' },
        body: '{"amount":10}',
      });
      assert.equal(form.status, 415);
      assert.equal((await refundRows(h, orderId)).length, 0);

      const list = await h.api('GET', '/api/admin/orders', undefined, { cookie });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.orders.map((o: { orderId: string; status: string }) => [o.orderId, o.status]),
        [[orderId, 'paid']],
      );
      const out = await h.api('POST', '/api/admin/session/end', {}, { cookie });
      assert.equal(out.status, 200);
      assert.equal((await h.api('GET', '/api/admin/orders', undefined, { cookie })).status, 401);
    }));

  it('keeps the amount reserved when LINE Pay’s answer is lost, and the reconciler records the refund it made', async () => {
    const state = { armed: false, losingDetails: false };
    const transport: NonNullable<HarnessOptions['transport']> = (real) => async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (state.armed && /^\/v3\/payments\/\d+\/refund$/.test(url.pathname)) {
        // The refund reaches LINE Pay and is made; its answer, and every later look at payment
        // details, are lost (the SDK's look before sending has already happened).
        state.losingDetails = true;
        const { signal, ...rest } = init ?? {};
        await (await real(input, rest)).arrayBuffer();
        return new Promise<Response>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      }
      if (state.losingDetails && url.pathname === '/v3/payments') {
        throw new TypeError('fetch failed: payment details unreachable');
      }
      return real(input, init);
    };
    await withShop(
      platform,
      async (h) => {
        const { orderId, transactionId } = await paidOrder(h);
        state.armed = true;
        const unclear = await h.admin('POST', `/api/admin/orders/${orderId}/refund`, { amount: 300 });
        state.armed = false;
        state.losingDetails = false;
        assert.equal(unclear.status, 502, JSON.stringify(unclear.body));
        assert.equal(unclear.body.error.code, 'refund_unclear');
        assert.match(unclear.body.error.message, /stays reserved/);
        assert.deepEqual(
          (await refundRows(h, orderId)).map((r) => [r.amount, r.status]),
          [[300n, 'pending']],
        );
        const [platformView] = await h.shop.ctx.linePay.paymentDetails({ transactionId: [transactionId] });
        assert.equal(platformView?.refundList?.length, 1, 'LINE Pay did refund');

        const more = await h.admin('POST', `/api/admin/orders/${orderId}/refund`, { amount: 381 });
        assert.equal(more.status, 400, 'the reserved NT$300 still counts');
        assert.match(more.body.error.message, /At most NT\$380/);

        assert.deepEqual(
          (await h.shop.reconcile(0)).changed,
          {},
          'a refund call may still be running: left alone',
        );
        await h.sandbox.advanceClock(180);
        const report = await h.shop.reconcile(0);
        assert.deepEqual(report.changed, { [orderId]: 'partially_refunded' });
        const rows = await refundRows(h, orderId);
        assert.deepEqual(
          rows.map((r) => [r.amount, r.status, r.refund_transaction_id]),
          [[300n, 'succeeded', platformView?.refundList?.[0]?.refundTransactionId]],
        );
        const order = await h.api('GET', `/api/orders/${orderId}`);
        assert.equal(order.body.refundedAmount, 300);
        assert.equal(order.body.refundableAmount, 380);
      },
      { transport, timeouts: { refund: 800, paymentDetails: 800 } },
    );
  });

  it('leaves nothing behind when LINE Pay refuses the refund (the refund period is over)', () =>
    withShop(platform, async (h) => {
      const { orderId } = await paidOrder(h);
      await h.sandbox.advanceClock(366 * 86_400);
      const refused = await h.admin('POST', `/api/admin/orders/${orderId}/refund`, { amount: 100 });
      assert.equal(refused.status, 502, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'refund_refused');
      assert.match(refused.body.error.message, /1163/);
      assert.equal((await refundRows(h, orderId)).length, 0);
      const order = await h.api('GET', `/api/orders/${orderId}`);
      assert.equal(order.body.status, 'paid');
      assert.equal(order.body.refundableAmount, 680);
    }));
});
