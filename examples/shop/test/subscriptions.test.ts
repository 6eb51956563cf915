// The Coffee club against a real Jinliu: bought with a preapproved payment, charged again
// through the regKey when the sandbox clock makes the next month due — once, however often
// billing runs or retries — and ended by the subscriber or by LINE Pay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Harness, type HarnessOptions, platformForFile, withShop } from './helpers/shop-harness.ts';

const day = 86_400;

/** Buys the club as alice; returns the ids and the regKey the shop stored. */
async function subscribe(h: Harness): Promise<{ subscriptionId: string; orderId: string; regKey: string }> {
  const started = await h.api('POST', '/api/subscriptions', {});
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const { subscriptionId, orderId } = started.body;
  const order = await h.api('GET', `/api/orders/${orderId}`);
  assert.equal(order.body.kind, 'subscription');
  const back = await h.returnFrom(await h.approve(BigInt(order.body.transactionId)));
  assert.equal(back.body.status, 'paid');
  assert.equal(back.body.subscriptionId, subscriptionId);
  const [row] = await h.shop.ctx.db.query<{ reg_key: string }>(
    'SELECT reg_key FROM subscriptions WHERE id = $1',
    [subscriptionId],
  );
  assert.match(row?.reg_key ?? '', /^RK[A-Z0-9]{13}$/);
  return { subscriptionId, orderId, regKey: row?.reg_key ?? '' };
}

describe('Coffee club subscription', () => {
  const platform = platformForFile();

  it('starts with month 1 paid, shows only the end of the regKey, and charges month 2 once when due', () =>
    withShop(platform, async (h) => {
      const before = await h.aliceBalance();
      const { subscriptionId, regKey } = await subscribe(h);
      const view = await h.api('GET', `/api/subscriptions/${subscriptionId}`);
      assert.equal(view.body.status, 'active');
      assert.equal(view.body.periodsPaid, 1);
      assert.equal(view.body.paymentKey, `••••${regKey.slice(-4)}`);
      assert.ok(!JSON.stringify(view.body).includes(regKey), 'the regKey never leaves the server');
      const admin = await h.admin('GET', '/api/admin/subscriptions');
      assert.ok(!JSON.stringify(admin.body).includes(regKey), 'not even to the admin');
      const startedAt = new Date(view.body.startedAt);
      const next = new Date(view.body.nextChargeAt);
      assert.equal(next.getUTCMonth(), (startedAt.getUTCMonth() + 1) % 12);
      assert.equal(next.getUTCDate(), startedAt.getUTCDate());

      assert.deepEqual(await h.shop.runBilling(), { charged: {}, ended: {}, failed: {} }, 'nothing due yet');
      // The admin page's sandbox button moves the platform clock; billing runs from the button and the timer at once.
      const moved = await h.admin('POST', '/api/admin/sandbox/clock', { days: 31 });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.offsetSeconds, (await h.sandbox.clock()).offsetSeconds);
      const [first, second] = await Promise.all([
        h
          .admin('POST', '/api/admin/billing/run', {})
          .then((r) => r.body as { charged: Record<string, number> }),
        h.shop.runBilling(),
      ]);
      const third = await h.shop.runBilling();
      assert.deepEqual(
        [first.charged, second.charged, third.charged].map((c) => c[subscriptionId]).filter(Boolean),
        [2],
        'month 2 charged by exactly one run',
      );
      assert.equal(await h.aliceBalance(), before - 2 * 299);

      const after = await h.api('GET', `/api/subscriptions/${subscriptionId}`);
      assert.equal(after.body.periodsPaid, 2);
      assert.deepEqual(
        after.body.charges.map((c: { period: number; amount: number }) => [c.period, c.amount]),
        [
          [2, 299],
          [1, 299],
        ],
      );
      assert.equal(after.body.charges[0].orderId, `sub-${subscriptionId}-2`);
      assert.equal(new Date(after.body.nextChargeAt).getUTCDate(), startedAt.getUTCDate());
      const details = await h.shop.ctx.linePay.paymentDetails({ orderId: [`sub-${subscriptionId}-2`] });
      assert.deepEqual(
        details.map((d) => [d.payStatus, d.payInfo?.[0]?.amount]),
        [['CAPTURE', 299]],
      );
    }));

  it('records a charge whose answer was lost when billing runs again (1172 → payment details)', async () => {
    let lose = false;
    let sent = 0;
    const transport: NonNullable<HarnessOptions['transport']> = (real) => async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (/\/preapprovedPay\/[^/]+\/payment$/.test(url.pathname)) {
        sent += 1;
        if (lose) {
          const { signal: _ignored, ...rest } = init ?? {};
          await (await real(input, rest)).arrayBuffer();
          throw new TypeError('fetch failed: the connection dropped before the answer');
        }
      }
      if (lose && url.pathname === '/v3/payments') {
        throw new TypeError('fetch failed: payment details are unreachable too');
      }
      return real(input, init);
    };
    await withShop(
      platform,
      async (h) => {
        const before = await h.aliceBalance();
        const { subscriptionId } = await subscribe(h);
        await h.sandbox.advanceClock(31 * day);
        lose = true;
        const lost = await h.shop.runBilling();
        assert.deepEqual(lost.charged, {});
        assert.match(lost.failed[subscriptionId] ?? '', /NETWORK/);
        assert.equal(await h.aliceBalance(), before - 2 * 299, 'the platform did charge');
        const pending = await h.api('GET', `/api/subscriptions/${subscriptionId}`);
        assert.equal(pending.body.periodsPaid, 1);
        assert.match(pending.body.lastError, /Month 2 not charged yet/);

        lose = false;
        const retried = await h.shop.runBilling();
        assert.deepEqual(retried.charged, { [subscriptionId]: 2 });
        assert.equal(sent, 2, 'the retry was sent, and LINE Pay refused it as a duplicate orderId');
        assert.equal(await h.aliceBalance(), before - 2 * 299, 'still charged once');
        const view = await h.api('GET', `/api/subscriptions/${subscriptionId}`);
        assert.equal(view.body.periodsPaid, 2);
        assert.equal(view.body.lastError, null);
      },
      { transport },
    );
  });

  it('cancels: the regKey is expired at LINE Pay and nothing is charged again', () =>
    withShop(platform, async (h) => {
      const { subscriptionId, regKey } = await subscribe(h);
      const cancelled = await h.api('POST', `/api/subscriptions/${subscriptionId}/cancel`, {});
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      assert.equal(cancelled.body.status, 'cancelled');
      assert.equal(cancelled.body.nextChargeAt, null);
      assert.deepEqual(await h.shop.ctx.linePay.checkRegKey(regKey), { valid: false, returnCode: '1193' });
      const before = await h.aliceBalance();
      await h.sandbox.advanceClock(40 * day);
      assert.deepEqual((await h.shop.runBilling()).charged, {});
      assert.equal(await h.aliceBalance(), before);
      const again = await h.api('POST', `/api/subscriptions/${subscriptionId}/cancel`, {});
      assert.equal(again.status, 409);
    }));

  it('ends the subscription, saying why, when LINE Pay no longer accepts its regKey', () =>
    withShop(platform, async (h) => {
      const { subscriptionId, regKey } = await subscribe(h);
      await h.shop.ctx.linePay.expireRegKey(regKey); // e.g. the user removed the shop in the LINE app
      await h.sandbox.advanceClock(31 * day);
      const report = await h.shop.runBilling();
      assert.deepEqual(report.charged, {});
      assert.match(report.ended[subscriptionId] ?? '', /1193/);
      const view = await h.api('GET', `/api/subscriptions/${subscriptionId}`);
      assert.equal(view.body.status, 'ended');
      assert.match(view.body.endReason, /can no longer charge this subscription \(1193/);
      assert.equal(view.body.nextChargeAt, null);
    }));

  it('ends a subscription whose first payment was cancelled', () =>
    withShop(platform, async (h) => {
      const started = await h.api('POST', '/api/subscriptions', {});
      const order = await h.api('GET', `/api/orders/${started.body.orderId}`);
      await h.sandbox.cancel(BigInt(order.body.transactionId));
      await h.api('POST', `/api/orders/${started.body.orderId}/cancel`, {});
      const view = await h.api('GET', `/api/subscriptions/${started.body.subscriptionId}`);
      assert.equal(view.body.status, 'ended');
      assert.match(view.body.endReason, /first payment was not completed/);
      assert.equal(view.body.periodsPaid, 0);
    }));
});
