// The example shop's membership card, end to end in Chromium: in the wallet alice finds "Jinliu
// Coffee Club" in the catalogue and binds it → the shop's membership page (the shop verified
// the wallet's signed request) → she signs in as a demo member → back in the wallet the card is
// active with its CODE128 barcode → she buys in the shop and pays with Jinliu Pay → the shop's
// order page shows her member number and the points the payment earned.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { shoot, signInAs } from '../../../packages/web/e2e/helpers/browser.ts';
import type { Platform } from '../../../packages/web/e2e/helpers/platform.ts';
import { browserSuite } from '../../../packages/web/e2e/helpers/suite.ts';
import type { RunningShop } from '../server/start-shop.ts';
import { ensureShopBuilt, startTestShop } from './helpers/shop-server.ts';

// The wallet shows logos only over https; this one stands for the shop's https address and is
// answered in the browser from the shop's own /membership/logo.svg (there is no network here).
const logoUrl = 'https://jinliu-coffee.example/membership/logo.svg';

describe('the shop’s membership card in a browser', () => {
  let platform: Platform;
  let browser: Browser;
  let shop: RunningShop;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  browserSuite((p, b) => {
    platform = p;
    browser = b;
  });

  before(async () => {
    ensureShopBuilt();
    shop = await startTestShop(platform.url, { SHOP_MEMBERSHIP_LOGO_URL: logoUrl });
    context = await browser.newContext({ viewport: { width: 1024, height: 760 }, locale: 'en-US' });
    await context.route(logoUrl, async (route) => {
      const svg = await fetch(`${shop.url}/membership/logo.svg`);
      await route.fulfill({ contentType: 'image/svg+xml', body: await svg.text() });
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Refused to|Content Security Policy/.test(m.text())) {
        problems.push(`console: ${m.text()}`);
      }
    });
  });

  after(async () => {
    await context?.close();
    await shop?.close();
  });

  it('wallet → shop membership page → active card → the next payment carries the member number and points', async () => {
    // The wallet's catalogue lists the shop's program, with its logo.
    await page.goto(`${platform.url}/wallet`);
    await signInAs(page, 'alice');
    await page.getByRole('link', { name: /Membership cards/ }).click();
    await page.getByRole('link', { name: '+ Add a card' }).click();
    await page.getByRole('searchbox', { name: 'Search cards' }).fill('coffee');
    const row = page.getByTestId('catalogue').getByRole('listitem').filter({ hasText: 'Jinliu Coffee Club' });
    await row.getByText('Jinliu Coffee').first().waitFor();
    await row.getByRole('link', { name: 'Add Jinliu Coffee Club' }).click();
    await page
      .getByTestId('program-detail')
      .getByText(/1 point for every NT\$10/)
      .waitFor();
    const logo = page.locator('img.program-logo').first();
    await logo.waitFor();
    assert.equal(await logo.getAttribute('src'), logoUrl);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img.program-logo');
      return img?.complete === true && img.naturalWidth > 0;
    });
    await page.getByRole('button', { name: 'Bind my membership' }).click();

    // The shop's membership page: shown only because the shop verified the request.
    await page.waitForURL((u) => u.href.startsWith(`${shop.url}/membership/bind?`));
    await page.getByRole('heading', { name: 'Link your Jinliu Coffee Club card' }).waitFor();
    await page.getByTestId('demo-members').getByText('ada@example.com').waitFor();
    await shoot(page, 'shop-membership-login', true);
    const signIn = page.getByRole('region', { name: 'Sign in as a member' });
    await signIn.getByLabel('E-mail').fill('ada@example.com');
    await signIn.getByLabel('Password').fill('wrong password');
    await signIn.getByRole('button', { name: 'Sign in and link card' }).click();
    await page
      .getByRole('alert')
      .getByText(/do not match a member/)
      .waitFor();
    await signIn.getByLabel('Password').fill('coffee');
    await signIn.getByRole('button', { name: 'Sign in and link card' }).click();

    // Apply → the platform's callback → the wallet's card page with the barcode.
    await page.waitForURL(/\/wallet\/mycard\/cards\/B[A-Z0-9]+\?result=ACTIVE$/);
    await page.getByTestId('binding-result').getByText('Card added').waitFor();
    const barcode = page.getByTestId('membership-barcode');
    await barcode.waitFor();
    assert.equal(await barcode.getAttribute('data-format'), 'CODE128');
    assert.equal(await barcode.getAttribute('data-value'), 'JC-000123');
    await page.getByTestId('member-card').getByText('Ada Lovelace').waitFor();
    await shoot(page, 'shop-membership-card', true);

    // The next payment at the shop, as the same wallet user.
    await page.goto(shop.url);
    await page.getByRole('button', { name: 'Add House blend, 250 g to cart' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Cart/ }).click();
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByRole('radio', { name: /Pay now/ }).check();
    await page.getByRole('button', { name: 'Pay NT$420 with LINE Pay' }).click();
    await page.waitForURL((u) => u.href.startsWith(`${platform.url}/web/payment/wait`));
    await page.getByTestId('open-wallet').click();
    await page.waitForURL(/\/app\/payment\//); // signed in already, from the binding
    await page.getByLabel('Payment PIN').fill('123456');
    await page.getByRole('button', { name: 'Pay NT$420' }).click();

    await page.waitForURL((u) => u.href.startsWith(`${shop.url}/orders/`));
    await page.getByTestId('status').getByText('Paid').waitFor();
    const member = page.getByTestId('membership');
    await member.getByText('Member JC-000123 · +42 points').waitFor();
    await shoot(page, 'shop-membership-order', true);
    const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const order = await fetch(`${shop.url}/api/orders/${orderId}`).then((r) => r.json());
    assert.deepEqual(order.membership, { code: 'JC-000123', points: 42 });
    assert.deepEqual(problems, [], 'no script errors or CSP refusals in the pages');
  });
});
