// The membership code in payment answers (info.memberships) for bound payers only, the
// mycard.accumulate outbox event, and the unmodified line-pay-merchant client still working.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { recentOutboxEvents } from '@jinliu/db';
import { deepImportClient, portOf } from './helpers/line-pay-merchant-client.ts';
import {
  approvedAt,
  bindCard,
  createProgram,
  merchantOf,
  newMerchant,
  newUser,
  payAt,
} from './helpers/mycard.ts';
import { assertLedgerBalanced, startPlatform, type TestPlatform, v3 } from './helpers/test-app.ts';

const order = (tag: string) => `${tag}-${randomBytes(4).toString('hex')}`;

describe('My Card memberships in payment answers', () => {
  let p: TestPlatform;
  let programId: string;
  let bound: string;
  let unbound: string;
  let bindingId: string;
  before(async () => {
    p = await startPlatform({ listen: true });
    const m = merchantOf(p);
    programId = (await createProgram(m, { name: 'Bean Club', codeType: 'QR' })).programId;
    bound = await newUser(p, 'member');
    unbound = await newUser(p, 'guest');
    bindingId = await bindCard(p, m, programId, bound, 'BEAN-會員-42');
  });
  after(async () => {
    await assertLedgerBalanced(p);
    await p.close();
  });

  const expected = () => [
    { programId, programName: 'Bean Club', membershipCode: 'BEAN-會員-42', codeType: 'QR' },
  ];

  async function accumulateEvents(transactionId: bigint) {
    return (await recentOutboxEvents(p.services.db, 200)).filter(
      (e) =>
        e.type === 'mycard.accumulate' &&
        (e.payload as { transactionId: string }).transactionId === String(transactionId),
    );
  }

  it('confirm carries the membership for a bound payer, and writes one accumulate event', async () => {
    const orderId = order('conf');
    const { id, confirm } = await payAt(merchantOf(p), p, bound, orderId, 320);
    assert.deepEqual(confirm.body.info.memberships, expected());
    assert.equal(confirm.body.info.transactionId, id, 'the id stays a bare 19-digit integer');
    assert.match(confirm.raw, new RegExp(`"transactionId":${id}[,}]`));
    const events = await accumulateEvents(id);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]?.payload, {
      transactionId: String(id),
      orderId,
      merchantId: p.channel.merchantId,
      programId,
      bindingId,
      amount: '320',
      currency: 'TWD',
    });
    assert.doesNotMatch(JSON.stringify(events[0]?.payload), /BEAN/, 'never the code in clear');
  });

  it('the merchant reads its accumulate events from GET /v1/mycard/events, with the code while the card is bound', async () => {
    const orderId = order('feed');
    const { id } = await payAt(merchantOf(p), p, bound, orderId, 150);
    const events: Array<{ eventId: bigint; type: string; payload: Record<string, unknown> }> = [];
    let after = 0n;
    for (;;) {
      const page = await v3(p, 'GET', `/v1/mycard/events?after=${after}&limit=2`);
      assert.equal(page.body.returnCode, '0000', page.raw);
      events.push(...page.body.info.events);
      if (page.body.info.events.length === 0) {
        assert.equal(page.body.info.nextAfter, after, 'an empty page keeps the cursor');
        break;
      }
      after = page.body.info.nextAfter;
    }
    const mine = events.filter((e) => e.payload.transactionId === String(id));
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.type, 'mycard.accumulate');
    assert.equal(mine[0]?.payload.membershipCode, 'BEAN-會員-42');
    assert.equal(mine[0]?.payload.orderId, orderId);
    assert.deepEqual(
      events.map((e) => e.eventId),
      [...events.map((e) => e.eventId)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      'in id order, no repeats across pages',
    );
    assert.equal(new Set(events.map((e) => e.eventId)).size, events.length);
    const other = await newMerchant(p, 'Nosy shop');
    const theirs = await v3(other, 'GET', '/v1/mycard/events');
    assert.deepEqual(theirs.body.info.events, [], "another merchant never sees this merchant's events");
    for (const bad of ['after=-1', 'after=x', 'limit=0', 'limit=101']) {
      assert.equal((await v3(p, 'GET', `/v1/mycard/events?${bad}`)).body.returnCode, '2101', bad);
    }
  });

  it('a payer without a card gets the answer unchanged: no memberships field, no event', async () => {
    const { id, confirm } = await payAt(merchantOf(p), p, unbound, order('guest'));
    assert.equal('memberships' in confirm.body.info, false);
    assert.doesNotMatch(confirm.raw, /memberships/);
    assert.deepEqual(await accumulateEvents(id), []);
  });

  it('payment details carry memberships per element: only on the bound payer’s payment', async () => {
    const m = merchantOf(p);
    const mine = await payAt(m, p, bound, order('det-b'));
    const theirs = await payAt(m, p, unbound, order('det-u'));
    const details = await v3(p, 'GET', `/v3/payments?transactionId=${mine.id}&transactionId=${theirs.id}`);
    assert.equal(details.body.returnCode, '0000', details.raw);
    const byId = new Map(details.body.info.map((x: { transactionId: bigint }) => [x.transactionId, x]));
    assert.deepEqual((byId.get(mine.id) as { memberships: unknown }).memberships, expected());
    assert.equal('memberships' in (byId.get(theirs.id) as object), false);
  });

  it('check status carries an info with memberships on 0110 and 0123 only, for bound payers', async () => {
    const m = merchantOf(p);
    const waiting = await v3(p, 'POST', '/v3/payments/request', {
      amount: 100,
      currency: 'TWD',
      orderId: order('chk-w'),
      packages: [{ id: 'p', amount: 100, products: [{ name: 'Bean', quantity: 1, price: 100 }] }],
      redirectUrls: { confirmUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/no' },
    });
    const before = await v3(p, 'GET', `/v3/payments/requests/${waiting.body.info.transactionId}/check`);
    assert.deepEqual([before.body.returnCode, before.body.info], ['0000', undefined]);
    const id = await approvedAt(m, p, bound, order('chk'));
    const authenticated = await v3(p, 'GET', `/v3/payments/requests/${id}/check`);
    assert.equal(authenticated.body.returnCode, '0110');
    assert.deepEqual(authenticated.body.info, { memberships: expected() });
    assert.equal(
      (await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 100, currency: 'TWD' })).body.returnCode,
      '0000',
    );
    const completed = await v3(p, 'GET', `/v3/payments/requests/${id}/check`);
    assert.deepEqual([completed.body.returnCode, completed.body.info], ['0123', { memberships: expected() }]);
    const guest = await payAt(m, p, unbound, order('chk-g'));
    const guestCheck = await v3(p, 'GET', `/v3/payments/requests/${guest.id}/check`);
    assert.deepEqual([guestCheck.body.returnCode, guestCheck.body.info], ['0123', undefined]);
  });

  it('authorize-only: the confirm names the membership, the accumulate event waits for the capture', async () => {
    const m = merchantOf(p);
    const id = await approvedAt(m, p, bound, order('auth'), 500, { capture: false });
    const confirm = await v3(p, 'POST', `/v3/payments/${id}/confirm`, { amount: 500, currency: 'TWD' });
    assert.deepEqual(confirm.body.info.memberships, expected());
    assert.deepEqual(await accumulateEvents(id), []);
    const capture = await v3(p, 'POST', `/v3/payments/authorizations/${id}/capture`, {
      amount: 400,
      currency: 'TWD',
    });
    assert.equal(capture.body.returnCode, '0000', capture.raw);
    assert.deepEqual(capture.body.info.memberships, expected());
    const events = await accumulateEvents(id);
    assert.equal(events.length, 1);
    assert.equal(
      (events[0]?.payload as { amount?: string } | undefined)?.amount,
      '400',
      'the captured amount',
    );
  });

  it('pay preapproved carries the membership and writes the accumulate event', async () => {
    const m = merchantOf(p);
    const regId = await approvedAt(m, p, bound, order('reg'), 200, { payType: 'PREAPPROVED' });
    const reg = await v3(p, 'POST', `/v3/payments/${regId}/confirm`, { amount: 200, currency: 'TWD' });
    const regKey = reg.body.info.regKey as string;
    assert.match(regKey, /^RK/);
    const orderId = order('pre');
    const paid = await v3(p, 'POST', `/v3/payments/preapprovedPay/${regKey}/payment`, {
      productName: 'Monthly beans',
      amount: 150,
      currency: 'TWD',
      orderId,
    });
    assert.equal(paid.body.returnCode, '0000', paid.raw);
    assert.deepEqual(paid.body.info.memberships, expected());
    const events = await accumulateEvents(paid.body.info.transactionId);
    assert.equal(events.length, 1);
    assert.equal((events[0]?.payload as { orderId?: string } | undefined)?.orderId, orderId);
  });

  it('after the shopper unbinds, payments no longer carry the membership', async () => {
    const user = await newUser(p, 'leaver');
    const leaving = await bindCard(p, merchantOf(p), programId, user, 'LEAVE-1');
    const first = await payAt(merchantOf(p), p, user, order('lv-1'));
    assert.equal(first.confirm.body.info.memberships?.[0]?.membershipCode, 'LEAVE-1');
    const unbind = await v3(p, 'POST', '/v1/mycard/bindings/unbind', { bindingId: leaving });
    assert.equal(unbind.body.returnCode, '0000');
    const second = await payAt(merchantOf(p), p, user, order('lv-2'));
    assert.equal(second.confirm.body.info.memberships, undefined);
  });

  it('the unmodified line-pay-merchant client still works, and reads the membership when present', async () => {
    const c = deepImportClient(p, `http://127.0.0.1:${portOf(p)}`);
    for (const [user, withCard] of [
      [bound, true],
      [unbound, false],
    ] as const) {
      const req = await c.request.send({
        body: {
          amount: 250,
          currency: 'TWD',
          orderId: order('lpm'),
          packages: [
            { id: 'pkg-1', amount: 250, name: 'Shop', products: [{ name: 'Pen', quantity: 1, price: 250 }] },
          ],
          redirectUrls: {
            confirmUrl: 'https://merchant.example/confirm',
            cancelUrl: 'https://merchant.example/cancel',
          },
          options: { payment: { capture: true, payType: 'NORMAL' } },
        },
      });
      assert.equal(req.body.returnCode, '0000');
      const id = req.body.info.transactionId;
      assert.match(id, /^\d{19}$/);
      const approve = await p.app.inject({
        method: 'POST',
        url: `/sandbox/v1/payments/${id}/approve`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ userId: user }),
      });
      assert.equal(approve.statusCode, 200);
      const confirm = await c.confirm.send({ transactionId: id, body: { amount: 250, currency: 'TWD' } });
      assert.equal(confirm.body.returnCode, '0000');
      assert.equal(confirm.body.info.transactionId, id, 'the client still reads the exact id');
      assert.deepEqual(confirm.body.info.payInfo, [{ method: 'BALANCE', amount: 250 }]);
      const info = confirm.body.info as unknown as { memberships?: unknown };
      assert.deepEqual(info.memberships, withCard ? expected() : undefined);
      const details = await c.paymentDetails.send({ params: { transactionId: [id] } });
      assert.equal(details.body.info[0]?.transactionId, id);
      assert.equal(details.body.info[0]?.payStatus, 'CAPTURE');
    }
  });
});
