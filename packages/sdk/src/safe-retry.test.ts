import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type FakePayment, fakeLinePay } from '../test/helpers/fake-line-pay.ts';
import { createClient } from './client.ts';
import { LinePayError } from './errors.ts';

const paymentId = 2021121600698709710n;

function payment(over: Partial<FakePayment> = {}): FakePayment {
  return { id: paymentId, orderId: 'order-1', amount: 1000, status: 'AUTHENTICATED', refunds: [], ...over };
}

function clientFor(fake: ReturnType<typeof fakeLinePay>, safeRetry = true) {
  return createClient({
    channelId: '1234567890',
    channelSecret: 'secret',
    baseUrl: 'https://linepay.test',
    fetch: fake.fetch,
    safeRetry,
    timeouts: { confirm: 80, capture: 80, refund: 80, paymentDetails: 2000 },
  });
}

const isConfirm = (c: { path: string }) => c.path.endsWith('/confirm');
const isRefund = (c: { path: string }) => c.path.endsWith('/refund');

describe('safe retry: confirm', () => {
  it('a confirm that succeeded but whose answer was lost resolves from payment details, sent once', async () => {
    const fake = fakeLinePay([payment()]);
    fake.fate = (c) => (isConfirm(c) ? 'apply-then-hang' : 'answer');
    const info = await clientFor(fake).confirm(paymentId, { amount: 1000, currency: 'TWD' });
    assert.equal(info.recovered, true);
    assert.equal(info.transactionId, paymentId);
    assert.equal(info.orderId, 'order-1');
    assert.deepEqual(info.payInfo, [{ method: 'BALANCE', amount: 1000 }]);
    assert.deepEqual(info.packages, [{ id: 'pkg', amount: 1000, userFeeAmount: 0 }]);
    assert.equal(fake.count('/confirm'), 1);
    assert.equal(fake.count('/v3/payments'), 1);
  });

  it('a recovered confirm carries the memberships payment details show for the payer', async () => {
    const memberships = [
      { programId: 'CP1', programName: 'Tea Club', membershipCode: 'M-1', codeType: 'QR' },
    ];
    const fake = fakeLinePay([payment({ memberships })]);
    fake.fate = (c) => (isConfirm(c) ? 'apply-then-hang' : 'answer');
    const info = await clientFor(fake).confirm(paymentId, { amount: 1000, currency: 'TWD' });
    assert.equal(info.recovered, true);
    assert.deepEqual(info.memberships, memberships);
    const plain = fakeLinePay([payment()]);
    plain.fate = fake.fate;
    assert.equal(
      'memberships' in (await clientFor(plain).confirm(paymentId, { amount: 1000, currency: 'TWD' })),
      false,
    );
  });

  it('a confirm lost before it was applied is sent again, once, and its own answer returned', async () => {
    const fake = fakeLinePay([payment()]);
    fake.fate = (c) => (isConfirm(c) && fake.count('/confirm') === 0 ? 'hang' : 'answer');
    const info = await clientFor(fake).confirm(paymentId, { amount: 1000, currency: 'TWD' });
    assert.equal(info.recovered, undefined);
    assert.equal(info.transactionId, paymentId);
    assert.equal(fake.count('/confirm'), 2);
    assert.equal(fake.payments.get(paymentId)?.status, 'CAPTURE');
  });

  it('a re-sent confirm answered 1172 (the first landed late) resolves from details', async () => {
    const fake = fakeLinePay([payment()]);
    fake.fate = (c) => {
      if (isConfirm(c) && fake.count('/confirm') === 0) {
        return 'hang';
      }
      if (isConfirm(c)) {
        // The first confirm lands just before the second arrives.
        const p = fake.payments.get(paymentId);
        if (p) {
          p.status = 'CAPTURE';
        }
      }
      return 'answer';
    };
    const info = await clientFor(fake).confirm(paymentId, { amount: 1000, currency: 'TWD' });
    assert.equal(info.recovered, true);
    assert.equal(fake.count('/confirm'), 2);
  });

  it('gives up after three lost sends with a TIMEOUT that is not retryable and names paymentDetails', async () => {
    const fake = fakeLinePay([payment()]);
    fake.fate = (c) => (isConfirm(c) ? 'hang' : 'answer');
    await assert.rejects(
      clientFor(fake).confirm(paymentId, { amount: 1000, currency: 'TWD' }),
      (e: unknown) => {
        assert.ok(e instanceof LinePayError);
        assert.equal(e.returnCode, 'TIMEOUT');
        assert.equal(e.retryable, false);
        assert.equal(e.transactionId, paymentId);
        assert.match(e.message, /paymentDetails/);
        return true;
      },
    );
    assert.equal(fake.count('/confirm'), 3);
  });

  it('a business error is thrown as is, with no details read', async () => {
    const fake = fakeLinePay([payment({ status: 'CAPTURE' })]);
    await assert.rejects(clientFor(fake).confirm(paymentId, { amount: 1000, currency: 'TWD' }), {
      returnCode: '1172',
      retryable: false,
    });
    assert.equal(fake.calls.length, 1);
  });

  it('with safeRetry off a lost confirm is a TIMEOUT, not retryable, and nothing else is sent', async () => {
    const fake = fakeLinePay([payment()]);
    fake.fate = (c) => (isConfirm(c) ? 'apply-then-hang' : 'answer');
    await assert.rejects(clientFor(fake, false).confirm(paymentId, { amount: 1000, currency: 'TWD' }), {
      returnCode: 'TIMEOUT',
      retryable: false,
      endpoint: 'confirm',
    });
    assert.equal(fake.calls.length, 1);
  });

  it('a caller abort ends the call with the caller reason and no recovery', async () => {
    const fake = fakeLinePay([payment()]);
    fake.fate = () => 'hang';
    const controller = new AbortController();
    const reason = new Error('user went away');
    setTimeout(() => controller.abort(reason), 20);
    await assert.rejects(
      clientFor(fake).confirm(paymentId, { amount: 1000, currency: 'TWD' }, { signal: controller.signal }),
      (e: unknown) => e === reason,
    );
    assert.equal(fake.calls.length, 1);
  });
});

describe('safe retry: capture', () => {
  it('a capture whose answer was lost resolves from details showing CAPTURE', async () => {
    const fake = fakeLinePay([payment({ status: 'AUTHORIZATION' })]);
    fake.fate = (c) => (c.path.endsWith('/capture') ? 'apply-then-hang' : 'answer');
    const info = await clientFor(fake).capture(paymentId, { amount: 600, currency: 'TWD' });
    assert.equal(info.recovered, true);
    assert.deepEqual(info.payInfo, [{ method: 'BALANCE', amount: 600 }]);
    assert.equal(fake.count('/capture'), 1);
  });

  it('a capture lost before it was applied (details still AUTHORIZATION) is sent again', async () => {
    const fake = fakeLinePay([payment({ status: 'AUTHORIZATION' })]);
    fake.fate = (c) => (c.path.endsWith('/capture') && fake.count('/capture') === 0 ? 'hang' : 'answer');
    const info = await clientFor(fake).capture(paymentId, { amount: 1000, currency: 'TWD' });
    assert.equal(info.recovered, undefined);
    assert.equal(fake.count('/capture'), 2);
  });
});

describe('safe retry: refund', () => {
  it('a refund whose answer was lost returns the NEW refund id from details, never the payment id', async () => {
    const fake = fakeLinePay([payment({ status: 'CAPTURE' })]);
    fake.fate = (c) => (isRefund(c) ? 'apply-then-hang' : 'answer');
    const info = await clientFor(fake).refund(paymentId, { refundAmount: 300 });
    const made = fake.payments.get(paymentId)?.refunds ?? [];
    assert.equal(made.length, 1);
    assert.equal(info.refundTransactionId, made[0]?.id);
    assert.notEqual(info.refundTransactionId, paymentId);
    assert.equal(info.refundTransactionDate, made[0]?.date);
    assert.equal(info.recovered, true);
    assert.equal(fake.count('/refund'), 1);
  });

  it('a full refund (no amount) after an earlier partial one is matched against the remaining amount', async () => {
    const earlier = { id: 2021121600698700001n, amount: 200, date: '2026-11-22T00:00:00Z' };
    const fake = fakeLinePay([payment({ status: 'CAPTURE', refunds: [earlier] })]);
    fake.fate = (c) => (isRefund(c) ? 'apply-then-hang' : 'answer');
    const info = await clientFor(fake).refund(paymentId);
    const made = fake.payments.get(paymentId)?.refunds ?? [];
    assert.equal(made.length, 2);
    assert.equal(made[1]?.amount, 800);
    assert.equal(info.refundTransactionId, made[1]?.id);
    assert.notEqual(info.refundTransactionId, earlier.id);
  });

  it('a refund that never arrived is sent once more after polling, and only once', async () => {
    const fake = fakeLinePay([payment({ status: 'CAPTURE' })]);
    fake.fate = (c) => (isRefund(c) && fake.count('/refund') === 0 ? 'hang' : 'answer');
    const info = await clientFor(fake).refund(paymentId, { refundAmount: 100 });
    const made = fake.payments.get(paymentId)?.refunds ?? [];
    assert.equal(made.length, 1);
    assert.equal(info.refundTransactionId, made[0]?.id);
    assert.equal(info.recovered, undefined);
    assert.equal(fake.count('/refund'), 2);
    // One read before, three polls after the lost answer.
    assert.equal(fake.calls.filter((c) => c.path === '/v3/payments').length, 4);
  });

  it('an ambiguous outcome (a new refund of another amount) is a TIMEOUT that is not retryable', async () => {
    const fake = fakeLinePay([payment({ status: 'CAPTURE' })]);
    fake.fate = (c) => {
      if (isRefund(c)) {
        // Someone else refunded 50 meanwhile; ours got lost before it was applied.
        fake.payments.get(paymentId)?.refunds.push({ id: 2021121600698799999n, amount: 50, date: 'x' });
        return 'hang';
      }
      return 'answer';
    };
    await assert.rejects(clientFor(fake).refund(paymentId, { refundAmount: 300 }), (e: unknown) => {
      assert.ok(e instanceof LinePayError);
      assert.equal(e.returnCode, 'TIMEOUT');
      assert.equal(e.retryable, false);
      assert.equal(e.endpoint, 'refund');
      assert.match(e.message, /check paymentDetails/);
      return true;
    });
    assert.equal(fake.count('/refund'), 1);
  });

  it('two lost refund attempts with nothing visible end in a non-retryable TIMEOUT', async () => {
    const fake = fakeLinePay([payment({ status: 'CAPTURE' })]);
    fake.fate = (c) => (isRefund(c) ? 'hang' : 'answer');
    await assert.rejects(clientFor(fake).refund(paymentId, { refundAmount: 300 }), {
      returnCode: 'TIMEOUT',
      retryable: false,
    });
    assert.equal(fake.count('/refund'), 2);
  });

  it('a failed details read before the refund sends no refund and says a retry is safe', async () => {
    const fake = fakeLinePay([payment({ status: 'CAPTURE' })]);
    fake.fate = (c) => (c.path === '/v3/payments' ? 'hang' : 'answer');
    const c = createClient({
      channelId: '1',
      channelSecret: 's',
      baseUrl: 'https://linepay.test',
      fetch: fake.fetch,
      timeouts: { paymentDetails: 50 },
    });
    await assert.rejects(c.refund(paymentId, { refundAmount: 300 }), {
      returnCode: 'TIMEOUT',
      endpoint: 'refund',
      retryable: true,
    });
    assert.equal(fake.count('/refund'), 0);
    assert.equal(fake.payments.get(paymentId)?.refunds.length, 0);
  });

  it('with safeRetry off no details are read before or after a refund', async () => {
    const fake = fakeLinePay([payment({ status: 'CAPTURE' })]);
    const info = await clientFor(fake, false).refund(paymentId, { refundAmount: 300 });
    assert.equal(typeof info.refundTransactionId, 'bigint');
    assert.deepEqual(
      fake.calls.map((c) => c.path),
      [`/v3/payments/${paymentId}/refund`],
    );
  });
});
