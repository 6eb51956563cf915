// checkConfirmUrlBrowser in real browsers: only the browser that started the payment opens the
// merchant's confirmUrl; any other browser shows a guide page back to it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { desktopPage, phonePage, shoot, signInAs } from './helpers/browser.ts';
import type { Platform } from './helpers/platform.ts';
import { browserSuite } from './helpers/suite.ts';

/** Records every request a page makes to the merchant site. */
function merchantRequests(page: Page, merchantUrl: string): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(merchantUrl)) {
      seen.push(r.url());
    }
  });
  return seen;
}

describe('checkConfirmUrlBrowser', () => {
  let p: Platform;
  let browser: Browser;
  browserSuite((platform, b) => {
    p = platform;
    browser = b;
  });

  it('a wallet in another browser shows the guide; the pop-up lands on the confirmUrl', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-guide-1', amount: 260, checkConfirmUrlBrowser: true });
    const appLink = `${p.url}/app/payment/${req.reserveId}`;
    assert.equal(req.appUrl, appLink);
    const desk = await desktopPage(browser);
    // A separate context has its own cookies and storage: to the platform, a different browser.
    const other = await phonePage(browser);
    const otherToMerchant = merchantRequests(other.page, p.merchantUrl);
    try {
      await desk.page.goto(req.webUrl);
      await desk.page.getByText('Waiting for you to approve on your phone').waitFor();

      // The payment link itself, not the QR code's `?via=qr` companion link.
      await other.page.goto(appLink);
      await signInAs(other.page, 'alice');
      await other.page.waitForURL(appLink);
      await other.page.getByLabel('Payment PIN').fill('123456');
      await other.page.getByRole('button', { name: 'Pay NT$260' }).click();

      const guide = other.page.getByTestId('pay-guide');
      await guide.getByRole('heading', { name: 'Payment approved' }).waitFor();
      await guide
        .getByText(
          'To finish, return to the browser where you started the payment — it will continue automatically.',
        )
        .waitFor();
      await desk.page.waitForURL((u) => u.href.startsWith(`${p.merchantUrl}/confirm`));
      assert.equal(new URL(desk.page.url()).searchParams.get('transactionId'), req.transactionId);
      await shoot(other.page, 'wallet-guide');

      assert.equal(other.page.url(), appLink, 'the other browser stays on the guide page');
      assert.deepEqual(otherToMerchant, [], 'the other browser never opens the merchant site');
      assert.equal(p.hits.filter((h) => h.query.get('orderId') === 'e2e-guide-1').length, 1);

      // The guide is in the shopper's language.
      await other.page.getByLabel('Language').selectOption('zh_TW');
      await guide.getByText('如要完成付款，請回到您開始付款的瀏覽器，該頁面會自動繼續。').waitFor();
      await guide.getByRole('heading', { name: '付款已確認' }).waitFor();

      const confirmed = await p.confirm(req.transactionId, 260);
      assert.equal(confirmed.returnCode, '0000');
    } finally {
      await desk.context.close();
      await other.context.close();
    }
  });

  it('a second browser showing the same checkout page guides back instead of following', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-guide-2', amount: 140, checkConfirmUrlBrowser: true });
    const first = await desktopPage(browser);
    const second = await desktopPage(browser);
    const secondToMerchant = merchantRequests(second.page, p.merchantUrl);
    try {
      await first.page.goto(req.webUrl);
      await first.page.getByText('Waiting for you to approve on your phone').waitFor();
      await second.page.goto(req.webUrl);
      await second.page.getByText('Waiting for you to approve on your phone').waitFor();
      const approved = await p.sandbox('POST', `/sandbox/v1/payments/${req.transactionId}/approve`, {});
      assert.equal(approved.status, 200);

      await first.page.waitForURL((u) => u.href.startsWith(`${p.merchantUrl}/confirm`));
      await second.page.getByTestId('checkout-guide').waitFor();
      await second.page
        .getByText('return to the browser where you started the payment', { exact: false })
        .waitFor();
      assert.match(second.page.url(), /\/web\/payment\/wait/);
      assert.deepEqual(secondToMerchant, []);
      assert.equal(p.hits.filter((h) => h.query.get('orderId') === 'e2e-guide-2').length, 1);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });
});
