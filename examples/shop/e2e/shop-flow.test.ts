// The whole merchant flow in Chromium: buy in the shop → pay on Jinliu's hosted checkout as a
// test user → back in the shop the order is paid → the shop admin refunds it (part, then the
// rest) → the user's wallet shows the refund. Screenshots go to docs/screenshots/shop-*.png.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureWebBuilt, launchBrowser, shoot, signInAs } from '../../../packages/web/e2e/helpers/browser.ts';
import { type Platform, startPlatform } from '../../../packages/web/e2e/helpers/platform.ts';
import { loadShopConfig } from '../server/config.ts';
import { type RunningShop, startShop } from '../server/start-shop.ts';
import { freshShopDataDir } from '../test/helpers/shop-data-dir.ts';
import { ensureShopBuilt } from './helpers/shop-server.ts';

describe('shop flow in a browser', () => {
  let platform: Platform;
  let browser: Browser;
  let shop: RunningShop;
  let dataDir: string;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    ensureWebBuilt();
    ensureShopBuilt();
    [platform, browser, dataDir] = await Promise.all([startPlatform(), launchBrowser(), freshShopDataDir()]);
    shop = await startShop(
      loadShopConfig({
        SHOP_PORT: '0',
        SHOP_DATA_DIR: dataDir,
        LINEPAY_BASE_URL: platform.url,
        SHOP_ADMIN_PASSWORD: 'e2e-admin',
        SHOP_LOG_LEVEL: 'silent',
        SHOP_RECONCILE_INTERVAL_SECONDS: '0',
        SHOP_BILLING_INTERVAL_SECONDS: '0',
      }),
    );
    context = await browser.newContext({ viewport: { width: 1024, height: 760 }, locale: 'en-US' });
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
    await browser?.close();
    await shop?.close();
    await platform?.close();
    if (dataDir) {
      await rm(dirname(dataDir), { recursive: true, force: true });
    }
  });

  it('buys, pays as alice on the hosted checkout, refunds from the admin page, and the wallet shows it', async () => {
    // The shop: two products into the cart.
    await page.goto(shop.url);
    await page.getByRole('heading', { name: 'Freshly roasted in Taipei' }).waitFor();
    await page.getByRole('heading', { name: 'Pour-over starter kit' }).waitFor();
    await shoot(page, 'shop-home', true);
    await page.getByRole('button', { name: 'Add House blend, 250 g to cart' }).click();
    await page.getByRole('button', { name: 'Add House blend, 250 g to cart' }).click();
    await page.getByRole('button', { name: 'Add Drip bags, box of 10 to cart' }).click();
    assert.equal(await page.getByTestId('cart-count').textContent(), '3');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Cart/ }).click();
    assert.equal(await page.getByTestId('cart-total').textContent(), 'NT$1,130');
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.getByRole('radio', { name: /Pay now/ }).check();
    await page.getByRole('button', { name: 'Pay NT$1,130 with LINE Pay' }).click();

    // LINE Pay's page, served by Jinliu: pay with alice's balance on this device.
    await page.waitForURL((u) => u.href.startsWith(`${platform.url}/web/payment/wait`));
    await page.getByRole('heading', { name: 'Pay Jinliu Coffee' }).waitFor();
    await page.getByText('House blend, 250 g').waitFor();
    await page.getByTestId('open-wallet').click();
    await signInAs(page, 'alice');
    await page.waitForURL(/\/app\/payment\//);
    await page.getByLabel('Payment PIN').fill('123456');
    await page.getByRole('button', { name: 'Pay NT$1,130' }).click();

    // Back in the shop: confirmed, paid.
    await page.waitForURL((u) => u.href.startsWith(`${shop.url}/orders/`));
    const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByTestId('status').getByText('Paid').waitFor();
    await page.getByText('Thank you! Your payment of NT$1,130 is complete.').waitFor();
    await page.getByText('LINE Pay balance').waitFor();
    assert.equal(await page.getByTestId('cart-count').count(), 0, 'the paid cart is emptied');
    await shoot(page, 'shop-order', true);

    // The shop admin refunds NT$130, then the rest.
    await page.goto(`${shop.url}/admin`);
    await page.getByLabel('Password').fill('e2e-admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: orderId }).click();
    await page.getByRole('heading', { name: `Order ${orderId}` }).waitFor();
    await page.getByLabel('Refund amount').fill('130');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.getByText('Refunded. NT$130 refunded in all.').waitFor();
    assert.equal(await page.getByTestId('refunded').textContent(), 'NT$130');
    await page.getByRole('button', { name: 'Refund all NT$1,000' }).click();
    await page.getByText('Refunded. NT$1,130 refunded in all.').waitFor();
    await page.getByTestId('status').getByText('Refunded').waitFor();
    await shoot(page, 'shop-admin-refund', true);

    // The shopper's wallet on the platform shows the payment and its refunds.
    await page.goto(`${platform.url}/wallet/history`);
    const row = page.getByRole('link', { name: /Jinliu Coffee/ }).first();
    await row.getByText('NT$1,130').first().waitFor();
    await row.getByText('Refunded NT$1,130').waitFor();
    await shoot(page, 'shop-wallet-refund');

    const order = await fetch(`${shop.url}/api/orders/${orderId}`).then((r) => r.json());
    assert.equal(order.status, 'refunded');
    assert.deepEqual(
      order.refunds.map((r: { amount: number }) => r.amount),
      [130, 1000],
    );
    assert.deepEqual(problems, [], 'no script errors or CSP refusals in the pages');
  });
});
