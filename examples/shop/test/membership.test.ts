// My Card in the example shop against a real Jinliu: the shop registers "Jinliu Coffee Club"
// once, its binding page verifies the wallet's request before drawing anything, a member's
// sign-in applies the binding and sends the browser back to an active card, and payments of
// that shopper carry the member number and earn points once — however many paths settle them.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import { loadShopConfig } from '../server/config.ts';
import { startShop } from '../server/start-shop.ts';
import {
  bindThroughShop,
  followToWallet,
  formTokenOf,
  openPage,
  payAs,
  pointsOf,
  postForm,
  programIdOf,
  shopperReserves,
} from './helpers/membership-flow.ts';
import { freshShopDataDir } from './helpers/shop-data-dir.ts';
import { type HarnessOptions, platformForFile, withShop } from './helpers/shop-harness.ts';

const ada = { email: 'ada@example.com', password: 'coffee' };

/** A transport that can swallow the answers of confirm and payment details (the calls still happen). */
function losingTransport() {
  const lose = { confirm: false, details: false };
  const transport: NonNullable<HarnessOptions['transport']> = (real) => async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const hit =
      (lose.confirm && /^\/v3\/payments\/\d+\/confirm$/.test(url.pathname)) ||
      (lose.details && url.pathname === '/v3/payments');
    if (!hit) {
      return real(input, init);
    }
    const { signal, ...rest } = init ?? {};
    await (await real(input, rest)).arrayBuffer();
    return new Promise<Response>((_resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return { lose, transport };
}

describe('My Card in the example shop', () => {
  const platform = platformForFile();

  it('registers the Jinliu Coffee Club once: a restart keeps the programId, a new public URL updates it', async () => {
    const dataDir = await freshShopDataDir();
    const start = (publicUrl: string) =>
      startShop(
        loadShopConfig({
          SHOP_PORT: '0',
          SHOP_PUBLIC_URL: publicUrl,
          SHOP_DATA_DIR: dataDir,
          LINEPAY_BASE_URL: platform().url,
          SHOP_LOG_LEVEL: 'silent',
          SHOP_RECONCILE_INTERVAL_SECONDS: '0',
          SHOP_BILLING_INTERVAL_SECONDS: '0',
        }),
      );
    try {
      const first = await start('http://coffee.test:3000');
      const m1 = first.membership;
      await first.close();
      assert.ok('programId' in m1, JSON.stringify(m1));
      assert.equal(m1.source, 'created');
      assert.equal(m1.walletOrigin, 'http://jinliu.test');

      const second = await start('http://coffee.test:3000');
      const m2 = second.membership;
      const program = await second.ctx.linePay.mycard.program(m1.programId);
      await second.close();
      assert.ok('programId' in m2);
      assert.deepEqual([m2.source, m2.programId], ['stored', m1.programId], 'the restart reuses the program');
      assert.equal(program.name, 'Jinliu Coffee Club');
      assert.equal(program.codeType, 'CODE128');
      assert.equal(program.bindingUrl, 'http://coffee.test:3000/membership/bind');
      assert.equal(program.logoUrl, null, 'the wallet loads logos only over https');
      assert.equal(program.detail.type, 'TEMPLATE');
      assert.match(
        program.detail.type === 'TEMPLATE' ? program.detail.benefits : '',
        /1 point for every NT\$10/,
      );

      const third = await start('https://coffee.example');
      const m3 = third.membership;
      const moved = await third.ctx.linePay.mycard.program(m1.programId);
      const all = await third.ctx.linePay.mycard.programs();
      const logo = await fetch(`${third.url}/membership/logo.svg`);
      await third.close();
      assert.ok('programId' in m3);
      assert.deepEqual([m3.source, m3.programId], ['updated', m1.programId]);
      assert.equal(moved.bindingUrl, 'https://coffee.example/membership/bind');
      assert.equal(moved.logoUrl, 'https://coffee.example/membership/logo.svg');
      assert.deepEqual(
        all.map((p) => p.programId),
        [m1.programId],
        'one program for the channel',
      );
      assert.equal(logo.status, 200);
      assert.equal(logo.headers.get('content-type'), 'image/svg+xml');
      assert.match(await logo.text(), /^<svg /);
    } finally {
      await rm(dirname(dataDir), { recursive: true, force: true });
    }
  });

  it('refuses a forged, altered or incomplete link before drawing any form, and a form used twice', () =>
    withShop(platform, async (h) => {
      const { link } = await shopperReserves(h);
      assert.ok(link.redirectUrl.startsWith(`${h.shop.publicUrl}/membership/bind?`), link.redirectUrl);

      const forged = new URL(link.redirectUrl);
      forged.searchParams.set('token', (link.token[0] === 'A' ? 'B' : 'A') + link.token.slice(1));
      const moved = new URL(link.redirectUrl);
      moved.searchParams.set('callback', 'https://evil.test/mycard/callback');
      const bare = new URL(link.redirectUrl);
      bare.searchParams.delete('nonce');
      for (const url of [forged, moved, bare]) {
        const page = await openPage(url.toString());
        assert.equal(page.status, 400, url.toString());
        assert.match(page.html, /This link could not be verified/);
        assert.doesNotMatch(page.html, /formToken|<form/, 'nothing to sign in to');
        assert.match(
          page.html,
          /href="http:\/\/jinliu\.test\/wallet\/mycard"/,
          'back to the wallet, not to the callback',
        );
        assert.doesNotMatch(page.html, /evil\.test/);
      }

      // The real link draws the form; its token works once.
      const page = await openPage(link.redirectUrl);
      assert.equal(page.status, 200);
      assert.match(page.html, /Sandbox: try member <code>ada@example\.com<\/code> \/ <code>coffee<\/code>/);
      assert.match(
        page.headers.get('content-security-policy') ?? '',
        /form-action 'self' http:\/\/jinliu\.test/,
      );
      const formToken = formTokenOf(page.html);
      const wrong = await postForm(h, { formToken, action: 'signin', email: ada.email, password: 'tea' });
      assert.equal(wrong.status, 401);
      assert.match(wrong.html, /do not match a member/);
      assert.match(wrong.html, /value="ada@example\.com"/, 'the e-mail is kept, the password is not');
      const again = await postForm(h, { formToken, action: 'signin', ...ada });
      assert.equal(again.status, 400, 'a used form token is refused');
      assert.match(again.html, /This form has expired/);
      const invented = await postForm(h, { formToken: 'x'.repeat(32), action: 'signin', ...ada });
      assert.equal(invented.status, 400);

      // Cancel from the redrawn form: back to the wallet, which says so.
      const cancelled = await postForm(h, { formToken: formTokenOf(wrong.html), action: 'cancel' });
      assert.equal(cancelled.status, 303);
      const callback = new URL(cancelled.location ?? '');
      assert.equal(callback.searchParams.get('status'), 'CANCEL');
      assert.equal(callback.searchParams.get('channelId'), h.shop.channelId);
      assert.equal(
        await followToWallet(h.platform, cancelled.location ?? ''),
        `/wallet/mycard/cards/${link.bindingId}?result=CANCELLED`,
      );
    }));

  it('binds through the shop’s page: the card is ACTIVE, and the next payment records the member number and its points', () =>
    withShop(platform, async (h) => {
      const { userId, bindingId, wallet } = await bindThroughShop(h, ada);
      const card = await wallet.call('GET', `/api/mycard/cards/${bindingId}`);
      assert.equal(card.body.status, 'ACTIVE');
      assert.equal(card.body.membershipCode, 'JC-000123');
      assert.equal(card.body.displayName, 'Ada Lovelace');
      assert.equal(card.body.program.programId, programIdOf(h));

      const order = await payAs(h, userId, [{ productId: 'house-blend', quantity: 2 }]);
      assert.equal(order.status, 'paid');
      assert.deepEqual(order.membership, { code: 'JC-000123', points: 84 });
      assert.deepEqual(await pointsOf(h, 'JC-000123'), { balance: 84, rows: 1 });
      const admin = await h.admin('GET', '/api/admin/orders');
      assert.deepEqual(
        admin.body.orders.map((o: { orderId: string; membership: unknown }) => [o.orderId, o.membership]),
        [[order.orderId, { code: 'JC-000123', points: 84 }]],
      );

      // A shopper without a card: no member number, no points.
      const { userId: stranger } = await shopperReserves(h, 'no card');
      const plain = await payAs(h, stranger, [{ productId: 'drip-bags', quantity: 1 }]);
      assert.equal(plain.status, 'paid');
      assert.equal(plain.membership, null);
      assert.deepEqual(await pointsOf(h, 'JC-000123'), { balance: 84, rows: 1 });
    }));

  it('a new member joins on the binding page and gets the next number', () =>
    withShop(platform, async (h) => {
      const { userId, wallet, link } = await shopperReserves(h);
      const page = await openPage(link.redirectUrl);
      const join = { formToken: formTokenOf(page.html), action: 'signup', name: 'Lin Mei' };
      const taken = await postForm(h, { ...join, email: 'ADA@example.com', password: 'secret1' });
      assert.equal(taken.status, 409, 'the e-mail is a member already');
      const short = await postForm(h, {
        ...join,
        formToken: formTokenOf(taken.html),
        email: 'mei@example.com',
        password: '123',
      });
      assert.equal(short.status, 400);
      assert.match(short.html, /at least 6 characters/);
      const joined = await postForm(h, {
        ...join,
        formToken: formTokenOf(short.html),
        email: 'mei@example.com',
        password: 'oolong-tea',
      });
      assert.equal(joined.status, 303, joined.html);
      assert.match(
        await followToWallet(h.platform, joined.location ?? ''),
        new RegExp(`/wallet/mycard/cards/${link.bindingId}\\?result=ACTIVE$`),
      );
      const card = await wallet.call('GET', `/api/mycard/cards/${link.bindingId}`);
      assert.deepEqual([card.body.membershipCode, card.body.displayName], ['JC-000200', 'Lin Mei']);
      const order = await payAs(h, userId, [{ productId: 'ceramic-mug', quantity: 1 }]);
      assert.deepEqual(order.membership, { code: 'JC-000200', points: 55 });
    }));

  it('credits points once when the confirm answer is lost and the shopper and the reconciler both settle it', async () => {
    const t = losingTransport();
    await withShop(
      platform,
      async (h) => {
        const { userId } = await bindThroughShop(h, ada);
        const { orderId, transactionId } = await h.checkout([{ productId: 'house-blend', quantity: 3 }]);
        const confirmUrl = await h.approve(transactionId, { userId });
        t.lose.confirm = true;
        t.lose.details = true;
        const lost = await h.returnFrom(confirmUrl);
        assert.equal(lost.body.status, 'confirming');
        assert.equal(lost.body.membership, null, 'nothing known yet');
        t.lose.confirm = false;
        t.lose.details = false;

        // The shopper reloads (confirm → 1172 → payment details) while the reconciler runs (0123 → details).
        const [shopper, report] = await Promise.all([h.returnFrom(confirmUrl), h.shop.reconcile(0)]);
        assert.equal(shopper.body.status, 'paid');
        assert.deepEqual(report.errors, {});
        await h.shop.reconcile(0);
        const order = await h.api('GET', `/api/orders/${orderId}`);
        assert.deepEqual(order.body.membership, { code: 'JC-000123', points: 126 });
        assert.deepEqual(await pointsOf(h, 'JC-000123'), { balance: 126, rows: 1 });
        const trail = await h.admin('GET', `/api/admin/orders/${orderId}`);
        assert.deepEqual(
          trail.body.events
            .filter((e: { kind: string }) => e.kind === 'member-points')
            .map((e: { detail: string }) => e.detail),
          ['member JC-000123: +126 points'],
        );
      },
      { transport: t.transport, timeouts: { confirm: 800, paymentDetails: 800 } },
    );
  });

  // Last in the file: it moves the shared platform's clock a month on.
  it('records the member on every month of the Coffee club, charged through the regKey', () =>
    withShop(platform, async (h) => {
      const { userId } = await bindThroughShop(h, { email: 'grace@example.com', password: 'espresso' });
      const started = await h.api('POST', '/api/subscriptions', {});
      const first = await h.api('GET', `/api/orders/${started.body.orderId}`);
      const back = await h.returnFrom(await h.approve(BigInt(first.body.transactionId), { userId }));
      assert.deepEqual(back.body.membership, { code: 'JC-000124', points: 29 });
      await h.sandbox.advanceClock(31 * 86_400);
      const billed = await h.shop.runBilling();
      assert.deepEqual(billed.charged, { [started.body.subscriptionId]: 2 });
      const view = await h.api('GET', `/api/subscriptions/${started.body.subscriptionId}`);
      assert.deepEqual(
        view.body.charges.map((c: { period: number; membership: unknown }) => [c.period, c.membership]),
        [
          [2, { code: 'JC-000124', points: 29 }],
          [1, { code: 'JC-000124', points: 29 }],
        ],
      );
      assert.equal((await h.shop.runBilling()).charged[started.body.subscriptionId], undefined);
      assert.deepEqual(await pointsOf(h, 'JC-000124'), { balance: 58, rows: 2 });
    }));
});
