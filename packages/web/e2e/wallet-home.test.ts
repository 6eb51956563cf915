// The wallet as a small app: home (balances, points, cards, top-up), history with receipts,
// paying a desktop checkout by its 12-digit code, sign-out, and sign-in failures in words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { phonePage, shoot, signInAs } from './helpers/browser.ts';
import type { Platform } from './helpers/platform.ts';
import { browserSuite } from './helpers/suite.ts';

describe('wallet home, history and receipts', () => {
  let p: Platform;
  let browser: Browser;
  browserSuite((platform, b) => {
    p = platform;
    browser = b;
  });

  it('shows balances, points and cards, and tops up the balance', async () => {
    const phone = await phonePage(browser);
    try {
      const page = phone.page;
      await page.goto(`${p.url}/wallet`);
      await signInAs(page, 'alice');
      await page.waitForURL(`${p.url}/wallet`);
      await page.getByRole('heading', { name: 'Hi, alice' }).waitFor();
      const balances = page.getByTestId('balances');
      await balances.filter({ hasText: 'NT$100,000' }).waitFor();
      await balances.filter({ hasText: '1,000.00' }).waitFor();
      await page.getByText('1,000 pts').first().waitFor();
      await page.getByText('VISA •••• 1111').waitFor();
      await page.getByLabel('Currency').selectOption('TWD');
      await page.getByLabel('Amount').fill('500');
      await page.getByRole('button', { name: 'Add money' }).click();
      await page.getByRole('status').getByText('Added NT$500.').waitFor();
      await balances.filter({ hasText: 'NT$100,500' }).waitFor();
      await shoot(page, 'wallet-home', true);
      await page.reload();
      await page.getByTestId('balances').filter({ hasText: 'NT$100,500' }).waitFor();
    } finally {
      await phone.context.close();
    }
  });

  it('lists a paid and partly refunded payment and shows its receipt', async () => {
    const req = await p.requestPayment({
      orderId: 'e2e-history-1',
      amount: 760,
      products: [
        { name: 'Oolong tea', quantity: 2, price: 230 },
        { name: 'Pineapple cake', quantity: 1, price: 300 },
      ],
    });
    const bobId = await p.userId('bob');
    assert.equal(
      (await p.sandbox('POST', `/sandbox/v1/payments/${req.transactionId}/approve`, { userId: bobId }))
        .status,
      200,
    );
    const confirmed = await p.confirm(req.transactionId, 760);
    assert.equal(confirmed.returnCode, '0000');
    const refunded = await p.v3('POST', `/v3/payments/${req.transactionId}/refund`, { refundAmount: 300 });
    assert.equal(refunded.returnCode, '0000');

    const phone = await phonePage(browser);
    try {
      const page = phone.page;
      await page.goto(`${p.url}/wallet/history`);
      await signInAs(page, 'bob');
      await page.waitForURL(`${p.url}/wallet/history`);
      const row = page.getByRole('link', { name: /Jinliu Demo Shop/ }).first();
      await row.getByText('NT$760').waitFor();
      await row.getByText('Refunded NT$300').waitFor();
      await shoot(page, 'wallet-history');
      await row.click();
      await page.waitForURL(`${p.url}/wallet/receipts/${req.transactionId}`);
      const receipt = page.getByTestId('receipt');
      await receipt.getByText('e2e-history-1').waitFor();
      await receipt.getByText(req.transactionId).waitFor();
      assert.match((await page.getByTestId('receipt-payinfo').textContent()) ?? '', /NT\$760/);
      await receipt.getByText('−NT$300').waitFor();
      const items = page.getByTestId('receipt-items');
      assert.match((await items.textContent()) ?? '', /Oolong tea × 2\s*NT\$460/);
      assert.match((await items.textContent()) ?? '', /Pineapple cake\s*NT\$300/);
      await shoot(page, 'wallet-receipt', true);

      // Opened directly, the receipt comes from its own endpoint, not from the whole history.
      const apiCalls: string[] = [];
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/api/wallet')) {
          apiCalls.push(path);
        }
      });
      await page.reload();
      await receipt.getByText('Pineapple cake').waitFor();
      assert.deepEqual(apiCalls, [`/api/wallet/receipts/${req.transactionId}`]);
    } finally {
      await phone.context.close();
    }

    // Someone else's payment is not in alice's wallet.
    const other = await phonePage(browser);
    try {
      await other.page.goto(`${p.url}/wallet/receipts/${req.transactionId}`);
      await signInAs(other.page, 'alice');
      await other.page.waitForURL(`${p.url}/wallet/receipts/${req.transactionId}`);
      await other.page.getByRole('alert').getByText('This receipt was not found in your wallet.').waitFor();
    } finally {
      await other.context.close();
    }
  });

  it('explains a failed or expired provider sign-in in words, in both languages', async () => {
    const phone = await phonePage(browser);
    try {
      const page = phone.page;
      const signin = (error: string) => `${p.url}/wallet/signin?returnTo=%2Fwallet%2Fhistory&error=${error}`;
      await page.goto(signin('sign_in_expired'));
      const alert = page.getByRole('alert');
      await alert.getByText('The sign-in took too long and has expired. Please sign in again.').waitFor();
      await shoot(page, 'wallet-signin-error');
      await page.getByLabel('Language').selectOption('zh_TW');
      await alert.getByText('登入等候過久，已經逾時，請重新登入。').waitFor();
      await page.goto(signin('sign_in_failed'));
      await alert.getByText('無法完成登入，請再試一次。').waitFor();
      await page.getByLabel('語言').selectOption('en');
      await alert.getByText('We could not sign you in. Please try again.').waitFor();
      // Any other value is not echoed as it was written.
      await page.goto(signin('Call%20us%20now'));
      await alert.getByText('The sign-in did not finish (unknown). Please try again.').waitFor();
      // Signing in from here still returns to where the shopper was going.
      await page.getByRole('button', { name: 'Continue as bob', exact: true }).click();
      await page.waitForURL(`${p.url}/wallet/history`);
    } finally {
      await phone.context.close();
    }
  });

  it('pays a desktop checkout by its 12-digit code, then signs out', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-token-1', amount: 90 });
    const phone = await phonePage(browser);
    try {
      const page = phone.page;
      await page.goto(`${p.url}/wallet/pay`);
      await page.getByLabel('Payment code').fill('000000000000');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page
        .getByRole('alert')
        .getByText('No waiting payment has this code. Check the 12 digits.')
        .waitFor();
      await page.getByLabel('Payment code').fill(req.accessToken);
      assert.equal(
        await page.getByLabel('Payment code').inputValue(),
        req.accessToken.replace(/(\d{4})(\d{4})(\d{4})/, '$1 $2 $3'),
      );
      await shoot(page, 'wallet-pay-code');
      await page.getByRole('button', { name: 'Continue' }).click();
      await signInAs(page, 'alice');
      await page.waitForURL(`${p.url}/wallet/pay/${req.reserveId}`);
      await page.getByLabel('Payment PIN').fill('123456');
      await page.getByRole('button', { name: 'Pay NT$90' }).click();
      await page.getByRole('heading', { name: 'Payment approved' }).waitFor();
      assert.equal(p.hits.filter((h) => h.query.get('orderId') === 'e2e-token-1').length, 0);
      const check = await p.v3('GET', `/v3/payments/requests/${req.transactionId}/check`);
      assert.equal(check.returnCode, '0110', 'approved, waiting for the merchant to confirm');

      await page.goto(`${p.url}/wallet`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/wallet\/signin/);
      const session = await page.evaluate(async () => (await fetch('/api/session')).json());
      assert.equal(session.user, null);
    } finally {
      await phone.context.close();
    }
  });
});
