import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  approvedPayment,
  assertLedgerBalanced,
  balanceOf,
  requestBody,
  sandbox,
  startPlatform,
  type TestPlatform,
  type V3Reply,
  v3,
} from './helpers/test-app.ts';

// Every scenario fires its calls at once with Promise.all. On PostgreSQL (DATABASE_URL) they
// are truly concurrent transactions over the pool; on PGlite they interleave on one connection.

/** How many replies carried each return code, e.g. { '0000': 1, '1172': 49 }. */
function tally(replies: readonly V3Reply[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of replies) {
    assert.equal(r.status, 200, r.raw);
    out[r.body.returnCode] = (out[r.body.returnCode] ?? 0) + 1;
  }
  return out;
}

/** How many journal entries a payment has (each money movement writes exactly one). */
async function entriesOf(p: TestPlatform, transactionId: bigint): Promise<number> {
  const [row] = await p.services.db.query('SELECT count(*) AS n FROM journal_entries WHERE payment_id = $1', [
    transactionId.toString(),
  ]);
  return Number(row?.n ?? -1);
}

async function storedAmounts(p: TestPlatform, transactionId: bigint) {
  const [row] = await p.services.db.query(
    'SELECT status, captured_amount, refunded_amount FROM payments WHERE transaction_id = $1',
    [transactionId.toString()],
  );
  assert.ok(row, `payment ${transactionId} exists`);
  return {
    status: String(row.status),
    captured: BigInt(String(row.captured_amount)),
    refunded: BigInt(String(row.refunded_amount)),
  };
}

async function confirmedAuthorization(p: TestPlatform, orderId: string, amount: number): Promise<bigint> {
  const id = await approvedPayment(p, orderId, amount, { capture: false });
  const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount, currency: 'TWD' });
  assert.equal(confirm.body.returnCode, '0000', confirm.raw);
  return id;
}

async function capturedPayment(p: TestPlatform, orderId: string, amount: number): Promise<bigint> {
  const id = await approvedPayment(p, orderId, amount);
  const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount, currency: 'TWD' });
  assert.equal(confirm.body.returnCode, '0000', confirm.raw);
  return id;
}

/** A fresh sandbox user whose TWD balance is set with PUT /sandbox/v1/users/:userId/balance. */
async function userWithBalance(p: TestPlatform, balance: number): Promise<string> {
  const created = await sandbox(p, 'POST', '/sandbox/v1/users', { displayName: 'Concurrent buyer' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const userId = created.body.userId as string;
  const set = await sandbox(p, 'PUT', `/sandbox/v1/users/${userId}/balance`, { currency: 'TWD', balance });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.equal(await balanceOf(p, userId), BigInt(balance));
  return userId;
}

describe('concurrent operations on one payment', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('50 concurrent confirms of one approved payment: one 0000, 49 × 1172, one debit', async () => {
    const start = await balanceOf(p, p.alice);
    const id = await approvedPayment(p, 'cc-confirm-1', 1000);
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 1000, currency: 'TWD' }),
      ),
    );
    assert.deepEqual(tally(replies), { '0000': 1, '1172': 49 });
    const winner = replies.find((r) => r.body.returnCode === '0000');
    assert.deepEqual(winner?.body.info.payInfo, [{ method: 'BALANCE', amount: 1000 }]);
    assert.equal(await balanceOf(p, p.alice), start - 1000n, 'debited exactly once');
    assert.equal(await entriesOf(p, id), 1, 'one journal entry for the confirm');
    assert.deepEqual(await storedAmounts(p, id), { status: 'CAPTURED', captured: 1000n, refunded: 0n });
    await assertLedgerBalanced(p);
  });

  it('20 concurrent captures of 600 on a 1000 authorization: exactly one succeeds', async () => {
    const start = await balanceOf(p, p.alice);
    const id = await confirmedAuthorization(p, 'cc-capture-1', 1000);
    assert.equal(await balanceOf(p, p.alice), start - 1000n, 'the authorization holds 1000');
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        v3(p, 'POST', `/v3/payments/authorizations/${id}/capture`, { amount: 600, currency: 'TWD' }),
      ),
    );
    assert.deepEqual(tally(replies), { '0000': 1, '1172': 19 });
    assert.equal(await balanceOf(p, p.alice), start - 600n, '600 captured, 400 released, once');
    assert.equal(await entriesOf(p, id), 2, 'confirm (hold) + one capture');
    assert.deepEqual(await storedAmounts(p, id), { status: 'CAPTURED', captured: 600n, refunded: 0n });
    await assertLedgerBalanced(p);
  });

  it('30 concurrent refunds of 100 on a 1000 capture: exactly 10 succeed, never more than 1000', async () => {
    const start = await balanceOf(p, p.alice);
    const id = await capturedPayment(p, 'cc-refund-1', 1000);
    const replies = await Promise.all(
      Array.from({ length: 30 }, () => v3(p, 'POST', `/v3/payments/${id}/refund`, { refundAmount: 100 })),
    );
    const codes = tally(replies);
    assert.equal(codes['0000'], 10, JSON.stringify(codes));
    assert.equal((codes['1164'] ?? 0) + (codes['1165'] ?? 0), 20, JSON.stringify(codes));
    const refundIds = replies.flatMap((r) =>
      r.body.returnCode === '0000' ? [r.body.info.refundTransactionId as bigint] : [],
    );
    assert.equal(new Set(refundIds).size, 10, 'each refund has its own id');
    assert.deepEqual(await storedAmounts(p, id), { status: 'CAPTURED', captured: 1000n, refunded: 1000n });
    assert.equal(await balanceOf(p, p.alice), start, 'all 1000 back, not a unit more');
    const details = await v3(p, 'GET', `/v3/payments?transactionId=${id}`);
    assert.equal(details.body.returnCode, '0000', details.raw);
    const refundList = details.body.info[0].refundList as Array<{ refundAmount: number }>;
    assert.equal(refundList.length, 10);
    assert.equal(
      refundList.reduce((acc, r) => acc + r.refundAmount, 0),
      -1000,
    );
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${id}/refund`, { refundAmount: 1 })).body.returnCode,
      '1165',
      'nothing is left to refund',
    );
    await assertLedgerBalanced(p);
  });

  it('concurrent partial refunds of mixed sizes never exceed the captured amount', async () => {
    const start = await balanceOf(p, p.alice);
    const id = await capturedPayment(p, 'cc-refund-2', 1000);
    const sizes = [170, 90, 300, 45, 260, 120, 75, 400, 33, 210, 5, 150, 95, 60, 280, 15, 130, 220, 80, 110];
    const replies = await Promise.all(
      sizes.map((refundAmount) => v3(p, 'POST', `/v3/payments/${id}/refund`, { refundAmount })),
    );
    const codes = tally(replies);
    let refunded = 0;
    for (const [i, r] of replies.entries()) {
      if (r.body.returnCode === '0000') {
        refunded += sizes[i] ?? 0;
      } else {
        assert.ok(['1164', '1165'].includes(r.body.returnCode), r.raw);
      }
    }
    assert.ok(refunded <= 1000, `refunded ${refunded}`);
    assert.ok((codes['0000'] ?? 0) >= 1, JSON.stringify(codes));
    const stored = await storedAmounts(p, id);
    assert.equal(stored.refunded, BigInt(refunded), 'the stored total is the sum of the successful refunds');
    assert.equal(await balanceOf(p, p.alice), start - 1000n + BigInt(refunded));
    // Whatever remains is still refundable, and no more.
    const rest = 1000 - refunded;
    if (rest > 0) {
      assert.equal(
        (await v3(p, 'POST', `/v3/payments/${id}/refund`, { refundAmount: rest + 1 })).body.returnCode,
        '1164',
      );
      assert.equal((await v3(p, 'POST', `/v3/payments/${id}/refund`, {})).body.returnCode, '0000');
    }
    assert.equal(await balanceOf(p, p.alice), start);
    await assertLedgerBalanced(p);
  });

  it('30 concurrent requests reusing one orderId: one 0000, 29 × 1172, one stored payment', async () => {
    const replies = await Promise.all(
      Array.from({ length: 30 }, () => v3(p, 'POST', '/v3/payments/request', requestBody('cc-order-1', 500))),
    );
    assert.deepEqual(tally(replies), { '0000': 1, '1172': 29 });
    const [row] = await p.services.db.query(
      'SELECT count(*) AS n, min(transaction_id) AS id FROM payments WHERE order_id = $1',
      ['cc-order-1'],
    );
    assert.equal(Number(row?.n), 1);
    const winner = replies.find((r) => r.body.returnCode === '0000');
    assert.equal(String(row?.id), String(winner?.body.info.transactionId));
    await assertLedgerBalanced(p);
  });

  it('concurrent voids and captures of one authorization: exactly one wins, money follows the winner', async () => {
    for (let round = 0; round < 8; round += 1) {
      const start = await balanceOf(p, p.alice);
      const id = await confirmedAuthorization(p, `cc-void-capture-${round}`, 1000);
      const calls = Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? v3(p, 'POST', `/v3/payments/authorizations/${id}/void`, {})
          : v3(p, 'POST', `/v3/payments/authorizations/${id}/capture`, { amount: 700, currency: 'TWD' }),
      );
      const replies = await Promise.all(calls);
      const winners = replies.flatMap((r, i) => (r.body.returnCode === '0000' ? [i] : []));
      assert.equal(winners.length, 1, `round ${round}: ${JSON.stringify(tally(replies))}`);
      const voidWon = (winners[0] ?? 0) % 2 === 0;
      for (const [i, r] of replies.entries()) {
        if (i === winners[0]) {
          continue;
        }
        // After a void: everything is 1165. After a capture: void → 1155, capture again → 1172.
        const expected = voidWon ? '1165' : i % 2 === 0 ? '1155' : '1172';
        assert.equal(r.body.returnCode, expected, `round ${round}, call ${i}: ${r.raw}`);
      }
      assert.deepEqual(
        await storedAmounts(p, id),
        voidWon
          ? { status: 'VOIDED', captured: 0n, refunded: 0n }
          : { status: 'CAPTURED', captured: 700n, refunded: 0n },
      );
      assert.equal(await balanceOf(p, p.alice), voidWon ? start : start - 700n);
      assert.equal(await entriesOf(p, id), 2, 'hold + exactly one of release / capture');
    }
    await assertLedgerBalanced(p);
  });
});

describe('concurrent confirms of different payments draining one balance', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  it('20 concurrent confirms of one payment the balance cannot cover: no success, no debit, FAILED', async () => {
    const userId = await userWithBalance(p, 999);
    const id = await approvedPayment(p, 'drain-one', 1000, { approve: { userId } });
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 1000, currency: 'TWD' }),
      ),
    );
    const codes = tally(replies);
    assert.equal(codes['0000'], undefined, JSON.stringify(codes));
    // The first refusal closes the payment; calls that had already locked it see 1142 too, later ones 1179.
    assert.equal((codes['1142'] ?? 0) + (codes['1179'] ?? 0), 20, JSON.stringify(codes));
    assert.ok((codes['1142'] ?? 0) >= 1, JSON.stringify(codes));
    assert.equal(await balanceOf(p, userId), 999n);
    assert.equal(await entriesOf(p, id), 0);
    assert.deepEqual(await storedAmounts(p, id), { status: 'FAILED', captured: 0n, refunded: 0n });
    await assertLedgerBalanced(p);
  });

  for (const { balance, amount, payments } of [
    { balance: 3500, amount: 1000, payments: 12 },
    { balance: 1000, amount: 250, payments: 16 },
  ]) {
    it(`balance ${balance}, ${payments} × ${amount}: ${Math.floor(balance / amount)} succeed, the rest 1142`, async () => {
      const userId = await userWithBalance(p, balance);
      const ids: bigint[] = [];
      for (let i = 0; i < payments; i += 1) {
        ids.push(await approvedPayment(p, `drain-${balance}-${i}`, amount, { approve: { userId } }));
      }
      // Sample the balance while the confirms run: it must never be seen below zero.
      let running = true;
      const samples: bigint[] = [];
      const sampler = (async () => {
        while (running) {
          samples.push(await balanceOf(p, userId));
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const replies = await Promise.all(
        ids.map((id) => v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount, currency: 'TWD' })),
      );
      running = false;
      await sampler;
      const winners = Math.floor(balance / amount);
      assert.deepEqual(tally(replies), { '0000': winners, '1142': payments - winners });
      assert.ok(samples.length > 0);
      assert.ok(
        samples.every((s) => s >= 0n),
        `balance samples: ${samples.join(',')}`,
      );
      assert.equal(await balanceOf(p, userId), BigInt(balance - winners * amount));
      for (const [i, id] of ids.entries()) {
        const check = await v3(p, 'GET', `/v3/payments/requests/${id}/check`);
        // Confirmed → 0123; refused for the balance → the payment failed (0122).
        assert.equal(check.body.returnCode, replies[i]?.body.returnCode === '0000' ? '0123' : '0122');
      }
      const [row] = await p.services.db.query(
        `SELECT count(*) FILTER (WHERE status = 'CAPTURED') AS captured,
                count(*) FILTER (WHERE status = 'FAILED') AS failed
         FROM payments WHERE user_id = $1`,
        [userId],
      );
      assert.equal(Number(row?.captured), winners);
      assert.equal(Number(row?.failed), payments - winners);
      await assertLedgerBalanced(p);
    });
  }
});
