import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertLedgerBalanced, balanceOf } from '../../server/test/helpers/test-app.ts';
import { buildPaymentRequest, type LinePayClient } from '../src/index.ts';
import { type Jinliu, orderId, startJinliu } from './helpers/jinliu.ts';

let j: Jinliu;
before(async () => {
  j = await startJinliu();
});
after(async () => {
  await j?.close();
});

type Mode = 'forward-then-lose-answer' | 'lose-before-sending';

/**
 * A fetch that, for the first call whose path ends with `suffix`, either forwards it to the real
 * server and waits for the whole answer (so the server did apply it) but never hands it over, or
 * drops it without sending. The client then sees a timeout, as with a cut connection.
 */
function losing(suffix: string, mode: Mode) {
  const seen: string[] = [];
  let lost = false;
  const wrapped: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    seen.push(path);
    if (lost || !path.endsWith(suffix)) {
      return fetch(input, init);
    }
    lost = true;
    const signal = init?.signal;
    if (mode === 'forward-then-lose-answer') {
      const { signal: _ignored, ...rest } = init ?? {};
      const real = await fetch(input, rest);
      assert.equal(real.status, 200);
      assert.match(await real.text(), /"returnCode":"0000"/);
    }
    await new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
      }
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    throw signal?.reason ?? new Error('aborted');
  };
  return { fetch: wrapped, seen, count: (s: string) => seen.filter((p) => p.endsWith(s)).length };
}

async function paidRequest(client: LinePayClient, price: number, capture = true) {
  const req = await client.request(
    buildPaymentRequest({
      orderId: orderId('retry'),
      currency: 'TWD',
      packages: [{ id: 'p', products: [{ name: 'Lamp', quantity: 1, price }] }],
      redirectUrls: { confirmUrl: 'https://shop.test/ok', cancelUrl: 'https://shop.test/no' },
      options: { payment: { capture } },
    }),
  );
  await j.sandbox.approve(req.transactionId);
  return req.transactionId;
}

describe('safe retry against a running Jinliu', () => {
  it('a confirm applied by the server whose answer was lost resolves from details; alice is charged once', async () => {
    const wire = losing('/confirm', 'forward-then-lose-answer');
    const { client } = await j.newClient({ fetch: wire.fetch, timeouts: { confirm: 1500 } });
    const alice = j.platform.alice;
    const before = await balanceOf(j.platform, alice);
    const id = await paidRequest(client, 730);
    const info = await client.confirm(id, { amount: 730, currency: 'TWD' });
    assert.equal(info.recovered, true);
    assert.equal(info.transactionId, id);
    assert.deepEqual(info.payInfo, [{ method: 'BALANCE', amount: 730 }]);
    assert.deepEqual(info.packages, [{ id: 'p', amount: 730, userFeeAmount: 0 }]);
    assert.equal(wire.count('/confirm'), 1);
    assert.equal(await balanceOf(j.platform, alice), before - 730n);
    assert.equal((await client.checkPaymentStatus(id)).status, 'COMPLETED');
    await assertLedgerBalanced(j.platform);
  });

  it('a confirm lost before it reached the server is sent again and charged once', async () => {
    const wire = losing('/confirm', 'lose-before-sending');
    const { client } = await j.newClient({ fetch: wire.fetch, timeouts: { confirm: 300 } });
    const alice = j.platform.alice;
    const before = await balanceOf(j.platform, alice);
    const id = await paidRequest(client, 310);
    const info = await client.confirm(id, { amount: 310, currency: 'TWD' });
    assert.equal(info.recovered, undefined);
    assert.equal(wire.count('/confirm'), 2);
    assert.equal(await balanceOf(j.platform, alice), before - 310n);
    await assertLedgerBalanced(j.platform);
  });

  it('a capture applied whose answer was lost resolves from details with the captured amount', async () => {
    const wire = losing('/capture', 'forward-then-lose-answer');
    const { client } = await j.newClient({ fetch: wire.fetch, timeouts: { capture: 1500 } });
    const id = await paidRequest(client, 900, false);
    await client.confirm(id, { amount: 900, currency: 'TWD' });
    const info = await client.capture(id, { amount: 600, currency: 'TWD' });
    assert.equal(info.recovered, true);
    assert.deepEqual(info.payInfo, [{ method: 'BALANCE', amount: 600 }]);
    assert.equal(wire.count('/capture'), 1);
    await assertLedgerBalanced(j.platform);
  });

  it('a refund applied whose answer was lost returns the real refund id, and refunds once', async () => {
    const wire = losing('/refund', 'forward-then-lose-answer');
    const { client } = await j.newClient({ fetch: wire.fetch, timeouts: { refund: 1500 } });
    const alice = j.platform.alice;
    const id = await paidRequest(client, 500);
    await client.confirm(id, { amount: 500, currency: 'TWD' });
    const before = await balanceOf(j.platform, alice);
    const info = await client.refund(id, { refundAmount: 125 });
    const [detail] = await client.paymentDetails({ transactionId: [id] });
    assert.equal(detail?.refundList?.length, 1);
    assert.equal(info.refundTransactionId, detail?.refundList?.[0]?.refundTransactionId);
    assert.notEqual(info.refundTransactionId, id);
    assert.equal(info.recovered, true);
    assert.equal(wire.count('/refund'), 1);
    assert.equal(await balanceOf(j.platform, alice), before + 125n);
    await assertLedgerBalanced(j.platform);
  });
});
