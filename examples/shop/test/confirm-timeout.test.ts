// The confirm call times out: the shop's SDK client gets a transport that forwards the confirm
// to the real platform (so it happens) but never delivers the answer. The order must end paid
// exactly once — recovered at once through payment details, or later by the reconciler when
// payment details cannot be read either.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HarnessOptions } from './helpers/shop-harness.ts';
import { platformForFile, withShop } from './helpers/shop-harness.ts';

/** Waits until the caller gives up (its AbortSignal fires): an answer that never arrives. */
function never(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    if (!signal) {
      return; // a caller without a deadline waits forever; the SDK always sets one
    }
    if (signal.aborted) {
      reject(signal.reason);
    }
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** A transport that swallows answers of the paths switched on in `lose`. */
function losingTransport() {
  const lose = { confirm: false, details: false };
  let confirmsSent = 0;
  const transport: NonNullable<HarnessOptions['transport']> = (real) => async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const isConfirm = /^\/v3\/payments\/\d+\/confirm$/.test(url.pathname);
    const isDetails = url.pathname === '/v3/payments';
    if (isConfirm) {
      confirmsSent += 1;
    }
    if ((isConfirm && lose.confirm) || (isDetails && lose.details)) {
      // Deliver the call without the caller's deadline so the platform really processes it…
      const { signal, ...rest } = init ?? {};
      const answer = await real(input, rest);
      await answer.arrayBuffer();
      // …then never hand the answer back.
      return never(signal);
    }
    return real(input, init);
  };
  return { lose, transport, confirmsSent: () => confirmsSent };
}

describe('confirm timeout', () => {
  const platform = platformForFile();

  it('recovers a lost confirm answer from payment details: paid once, one capture', async () => {
    const t = losingTransport();
    await withShop(
      platform,
      async (h) => {
        const before = await h.aliceBalance();
        const { orderId, transactionId } = await h.checkout([{ productId: 'house-blend', quantity: 3 }]);
        const confirmUrl = await h.approve(transactionId);
        t.lose.confirm = true;
        const back = await h.returnFrom(confirmUrl);
        assert.equal(back.status, 200, JSON.stringify(back.body));
        assert.equal(back.body.status, 'paid');
        assert.match(back.body.statusReason, /read back from payment details/);
        assert.deepEqual(back.body.payInfo, [{ method: 'BALANCE', amount: 1260 }]);

        const details = await h.shop.ctx.linePay.paymentDetails({ orderId: [orderId] });
        assert.equal(details.length, 1, 'one payment for the order');
        assert.equal(details[0]?.payStatus, 'CAPTURE');
        assert.deepEqual(
          details[0]?.payInfo?.map((p) => p.amount),
          [1260],
        );
        assert.equal(await h.aliceBalance(), before - 1260, 'charged once');
        const trail = await h.admin('GET', `/api/admin/orders/${orderId}`);
        assert.equal(trail.body.events.filter((e: { kind: string }) => e.kind === 'settled').length, 1);
      },
      { transport: t.transport, timeouts: { confirm: 1500 } },
    );
  });

  it('keeps the order "confirming" when nothing can be read, and the reconciler settles it once', async () => {
    const t = losingTransport();
    await withShop(
      platform,
      async (h) => {
        const before = await h.aliceBalance();
        const { orderId, transactionId } = await h.checkout([{ productId: 'ceramic-mug', quantity: 2 }]);
        const confirmUrl = await h.approve(transactionId);
        t.lose.confirm = true;
        t.lose.details = true;
        const back = await h.returnFrom(confirmUrl);
        assert.equal(back.status, 200, JSON.stringify(back.body));
        assert.equal(back.body.status, 'confirming', 'the page says "we are checking your payment"');
        assert.match(back.body.statusReason, /no clear answer/);
        assert.equal(await h.aliceBalance(), before - 1100, 'the platform did confirm');

        // Reloading the return page while LINE Pay is still unreachable changes nothing.
        const reload = await h.returnFrom(confirmUrl);
        assert.equal(reload.body.status, 'confirming');

        t.lose.confirm = false;
        t.lose.details = false;
        const sentBefore = t.confirmsSent();
        const report = await h.shop.reconcile(0);
        assert.deepEqual(report.changed, { [orderId]: 'paid' });
        assert.equal(t.confirmsSent(), sentBefore, 'the reconciler saw 0123 and did not confirm again');
        const order = await h.api('GET', `/api/orders/${orderId}`);
        assert.equal(order.body.status, 'paid');
        assert.equal(order.body.capturedAmount, 1100);
        assert.equal(await h.aliceBalance(), before - 1100, 'charged once');
        const details = await h.shop.ctx.linePay.paymentDetails({ orderId: [orderId] });
        assert.deepEqual(
          details.map((d) => [d.payStatus, d.payInfo?.[0]?.amount]),
          [['CAPTURE', 1100]],
        );
      },
      { transport: t.transport, timeouts: { confirm: 800, paymentDetails: 800 } },
    );
  });

  it('ends a subscription whose first confirm answer (with the regKey) was lost, keeping month 1 paid', async () => {
    const t = losingTransport();
    await withShop(
      platform,
      async (h) => {
        const started = await h.api('POST', '/api/subscriptions', {});
        const order = await h.api('GET', `/api/orders/${started.body.orderId}`);
        const confirmUrl = await h.approve(BigInt(order.body.transactionId));
        t.lose.confirm = true;
        const back = await h.returnFrom(confirmUrl);
        assert.equal(back.body.status, 'paid');
        const view = await h.api('GET', `/api/subscriptions/${started.body.subscriptionId}`);
        assert.equal(view.body.status, 'ended');
        assert.equal(view.body.periodsPaid, 1);
        assert.equal(view.body.paymentKey, null);
        assert.match(view.body.endReason, /subscribe again/);
        assert.deepEqual(
          view.body.charges.map((c: { period: number; amount: number }) => [c.period, c.amount]),
          [[1, 299]],
        );
      },
      { transport: t.transport, timeouts: { confirm: 1500 } },
    );
  });
});
