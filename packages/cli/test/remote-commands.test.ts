import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { childEnv, parseIds, runCli, startTestPlatform, type TestPlatform } from './helpers/platform.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read the CLI's JSON by its documented shape
type Json = any;

const opsToken = 'cli-test-ops-token-5f2a9c';
const cli = fileURLToPath(new URL('../src/main.ts', import.meta.url));

describe('jinliu commands against a running platform', () => {
  let p: TestPlatform;
  let channel: { channelId: string; channelSecret: string; merchantId: string };
  // The platform requires the ops token, so every ops call below also proves the CLI sends it.
  const env = { JINLIU_OPS_TOKEN: opsToken, JINLIU_URL: undefined };
  const jinliu = (...args: string[]) => runCli([...args, '--url', p.url], env);

  before(async () => {
    p = await startTestPlatform({ JINLIU_OPS_TOKEN: opsToken });
    const created = await jinliu('channels', 'create', '--name', 'CLI test shop', '--json');
    assert.equal(created.code, 0, created.err);
    channel = JSON.parse(created.out);
  });
  after(async () => {
    await p.close();
  });

  it('channels create --json returns credentials that sign a working v3 request', async () => {
    assert.match(channel.channelId, /^\d{10}$/);
    assert.match(channel.channelSecret, /^[0-9a-f]{32}$/);
    assert.match(channel.merchantId, /^M[A-Z0-9]+$/);
    const id = await p.request(channel, 'cli-channel-1', 120);
    assert.match(id, /^\d{19}$/);
    const wrong = await p.v3(
      { ...channel, channelSecret: 'f'.repeat(32) },
      'POST',
      '/v3/payments/request',
      {},
    );
    assert.notEqual(wrong.returnCode, '0000');

    const human = await jinliu('channels', 'create', '--currency', 'usd', '--no-authorize-only');
    assert.equal(human.code, 0, human.err);
    assert.match(
      human.out,
      /Channel created\n\s+Channel ID\s+\d{10}\n\s+Channel secret\s+[0-9a-f]{32}\n\s+Merchant ID\s+M/,
    );
    assert.equal((await jinliu('channels', 'create', '--currency', 'EUR')).code, 2);
  });

  it('pay approve and pay cancel move a requested payment; v3 check status follows', async () => {
    const approved = await p.request(channel, 'cli-pay-1', 300);
    const r = await jinliu('pay', 'approve', approved, '--user', 'bob', '--json');
    assert.equal(r.code, 0, r.err);
    const body = parseIds(r.out) as Json;
    assert.equal(body.transactionId, approved);
    assert.match(
      body.redirectUrl,
      new RegExp(`^https://shop\\.example/confirm\\?transactionId=${approved}&orderId=cli-pay-1$`),
    );
    assert.equal((await p.v3(channel, 'GET', `/v3/payments/requests/${approved}/check`)).returnCode, '0110');
    const confirmed = await p.v3(channel, 'POST', `/v3/payments/${approved}/confirm`, {
      amount: 300,
      currency: 'TWD',
    });
    assert.equal(confirmed.returnCode, '0000');
    assert.deepEqual((confirmed.info as Json).payInfo, [{ method: 'BALANCE', amount: 300 }]);

    const cancelled = await p.request(channel, 'cli-pay-2', 300);
    const c = await jinliu('pay', 'cancel', cancelled);
    assert.equal(c.code, 0, c.err);
    assert.match(c.out, new RegExp(`Cancelled ${cancelled}\\.\\n.*https://shop\\.example/cancel`));
    assert.equal((await p.v3(channel, 'GET', `/v3/payments/requests/${cancelled}/check`)).returnCode, '0121');

    // Refusals: approving again (1) and an unknown id (1); bad input never reaches the platform (2).
    const again = await jinliu('pay', 'approve', approved);
    assert.equal(again.code, 1);
    assert.match(again.err, /refused.*\(1179\)/);
    assert.equal((await jinliu('pay', 'cancel', '2026010100000000010')).code, 1);
    assert.equal((await jinliu('pay', 'approve', 'abc')).code, 2);
    assert.equal((await jinliu('pay', 'approve', approved, '--user', 'mallory')).code, 2);
    assert.equal((await jinliu('pay', 'approve', approved, '--card', '4111')).code, 2);
  });

  it('pay approve with a test card pays by card', async () => {
    const id = await p.request(channel, 'cli-card-1', 450);
    const r = await jinliu('pay', 'approve', id, '--card', '4111 1111 1111 1111');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`Approved ${id} as alice \\(CREDIT_CARD\\)`));
    assert.doesNotMatch(r.out + r.err, /4111 1111|4111111111111111/, 'card numbers are never printed');
    const confirmed = await p.v3(channel, 'POST', `/v3/payments/${id}/confirm`, {
      amount: 450,
      currency: 'TWD',
    });
    const [paid] = (confirmed.info as Json).payInfo;
    assert.deepEqual(
      [paid.method, paid.amount, paid.maskedCreditCardNumber],
      ['CREDIT_CARD', 450, '**** **** **** 1111'],
    );
  });

  it('payments show prints a card and --json the ops answer, by id, refund id or orderId', async () => {
    const id = await p.request(channel, 'cli-show-1', 1000);
    assert.equal((await jinliu('pay', 'approve', id)).code, 0);
    await p.v3(channel, 'POST', `/v3/payments/${id}/confirm`, { amount: 1000, currency: 'TWD' });
    const refund = await p.v3(channel, 'POST', `/v3/payments/${id}/refund`, { refundAmount: 250 });
    const refundId = String((refund.info as Json).refundTransactionId);

    const human = await jinliu('payments', 'show', id);
    assert.equal(human.code, 0, human.err);
    assert.match(human.out, new RegExp(`^Payment ${id}  CAPTURED\\n`));
    assert.match(human.out, /Order\s+cli-show-1/);
    assert.match(human.out, /Amount\s+1,000 TWD · captured 1,000 TWD · refunded 250 TWD/);
    assert.match(human.out, /Paid with\s+BALANCE 1,000 TWD/);
    assert.match(human.out, new RegExp(`Refunds\\n\\s+${refundId}\\s+PARTIAL_REFUND\\s+250 TWD`));
    assert.match(human.out, /user_balance:U4dd1c1dd2c0a868e64512fb2c3690f32\s+-1,000 TWD/);
    assert.match(human.out, new RegExp(`merchant_payable:${channel.merchantId}\\s+\\+1,000 TWD`));
    assert.match(human.out, new RegExp(`merchant_payable:${channel.merchantId}\\s+-250 TWD`));

    const json = await jinliu('payments', 'show', refundId, '--json');
    assert.equal(json.code, 0, json.err);
    assert.match(json.out, new RegExp(`"transactionId":${id},`), 'ids stay bare 19-digit integers');
    const body = parseIds(json.out) as Json;
    assert.equal(body.matchedBy, 'refundTransactionId');
    assert.equal(body.payments[0].state, 'CAPTURED');
    assert.equal(body.payments[0].refundedAmount, 250);

    const byOrder = parseIds((await jinliu('payments', 'show', 'cli-show-1', '--json')).out) as Json;
    assert.equal(byOrder.matchedBy, 'orderId');
    assert.equal(byOrder.payments[0].transactionId, id);

    const missing = await jinliu('payments', 'show', 'no-such-order');
    assert.equal(missing.code, 1);
    assert.match(missing.err, /No payment, refund or orderId matches "no-such-order"/);
  });

  it('the operator commands need the platform’s token', async () => {
    const none = await runCli(['payments', 'show', 'x', '--url', p.url], { JINLIU_OPS_TOKEN: undefined });
    assert.equal(none.code, 2);
    assert.match(none.err, /needs a token: set JINLIU_OPS_TOKEN/);
    const wrong = await runCli(['events', 'tail', '--no-follow', '--url', p.url], {
      JINLIU_OPS_TOKEN: 'not-the-token-at-all',
    });
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /refused JINLIU_OPS_TOKEN/);
  });

  it('events tail --no-follow --json prints the payment events in order as NDJSON', async () => {
    const id = await p.request(channel, 'cli-events-1', 200);
    await jinliu('pay', 'approve', id);
    await p.v3(channel, 'POST', `/v3/payments/${id}/confirm`, { amount: 200, currency: 'TWD' });
    await p.v3(channel, 'POST', `/v3/payments/${id}/refund`, {});
    const r = await jinliu('events', 'tail', '--no-follow', '--json', '--limit', '500');
    assert.equal(r.code, 0, r.err);
    const events = r.out
      .trim()
      .split('\n')
      .map((line) => parseIds(line) as Json);
    const ids = events.map((e) => BigInt(e.id));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    assert.deepEqual(
      events.filter((e) => e.payload.transactionId === id).map((e) => e.type),
      ['payment.approved', 'payment.captured', 'payment.refunded'],
    );
    const last = await jinliu('events', 'tail', '--no-follow', '--type', 'payment.refunded', '--limit', '1');
    assert.equal(last.code, 0, last.err);
    assert.equal(last.out.trim().split('\n').length, 1);
    assert.match(
      last.out,
      new RegExp(`payment\\.refunded\\s+${channel.merchantId}\\s+.*transactionId=${id}`),
    );
    assert.equal((await jinliu('events', 'tail', '--no-follow', '--limit', '0')).code, 2);
  });

  it('events tail follows new events and stops with exit 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [cli, 'events', 'tail', '--json', '--limit', '1', '--url', p.url], {
      env: childEnv(env),
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const waitFor = async (test: () => boolean, what: string) => {
      const deadline = Date.now() + 15_000;
      while (!test()) {
        assert.ok(Date.now() < deadline, `timed out waiting for ${what}; output so far:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await waitFor(() => out.includes('\n'), 'the first event');
      const id = await p.request(channel, 'cli-follow-1', 150);
      const started = Date.now();
      assert.equal((await jinliu('pay', 'cancel', id)).code, 0);
      await waitFor(() => out.includes(`"transactionId":"${id}"`), 'the new event');
      assert.ok(Date.now() - started < 5000, 'picked up within a few seconds');
      const line = out
        .trim()
        .split('\n')
        .map((l) => parseIds(l) as Json)
        .find((e) => e.payload.transactionId === id);
      assert.equal(line.type, 'payment.cancelled');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });
});
