// The wallet's approval sheet on a phone (paymentUrl.app): sign-in, PIN, balance, cards,
// points, and the errors a shopper can recover from by choosing another way to pay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testCardFor } from '@jinliu/core';
import type { Browser, Page } from 'playwright-core';
import { phonePage, shoot, signInAs } from './helpers/browser.ts';
import type { Platform } from './helpers/platform.ts';
import { browserSuite } from './helpers/suite.ts';

/** Types a card on the add-card page and saves it. */
async function addCard(page: Page, number: string, expiry: string, cvc: string, brand: string) {
  await page.waitForURL(/\/wallet\/cards\/new/);
  await page.getByLabel('Card number').fill('');
  await page.getByLabel('Card number').pressSequentially(number.replace(/\s/g, ''));
  assert.equal(await page.getByLabel('Card number').inputValue(), number);
  await page.getByTestId('card-brand').getByText(brand).waitFor();
  await page.getByLabel('Expiry (MM/YY)').fill('');
  await page.getByLabel('Expiry (MM/YY)').pressSequentially(expiry.replace('/', ''));
  assert.equal(await page.getByLabel('Expiry (MM/YY)').inputValue(), expiry);
  await page.getByLabel('CVC').fill(cvc);
}

describe('wallet approval on a phone', () => {
  let p: Platform;
  let browser: Browser;
  browserSuite((platform, b) => {
    p = platform;
    browser = b;
  });

  it('signs in, refuses a wrong PIN in words, approves and opens the confirmUrl', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-app-1', amount: 250 });
    const phone = await phonePage(browser);
    try {
      const page = phone.page;
      await page.goto(req.appUrl);
      await page.waitForURL(/\/wallet\/signin\?returnTo=/);
      await page.getByRole('button', { name: 'Continue as alice' }).waitFor();
      await shoot(page, 'wallet-signin');
      await signInAs(page, 'alice');
      await page.waitForURL(req.appUrl);
      await page.getByText('Sandbox PIN: 123456').waitFor();
      await page.getByLabel('Payment PIN').fill('111111');
      await page.getByRole('button', { name: 'Pay NT$250' }).click();
      await page.getByRole('alert').getByText('Wrong PIN. 2 attempts left.').waitFor();
      assert.equal(await page.getByLabel('Payment PIN').inputValue(), '', 'the wrong PIN is cleared');
      await page.getByLabel('Payment PIN').fill('123456');
      await page.getByRole('button', { name: 'Pay NT$250' }).click();
      await page.waitForURL((u) => u.href.startsWith(`${p.merchantUrl}/confirm`));
      const landed = new URL(page.url());
      assert.equal(landed.searchParams.get('transactionId'), req.transactionId);
      assert.equal(landed.searchParams.get('orderId'), 'e2e-app-1');
      const confirmed = await p.confirm(req.transactionId, 250);
      assert.equal(confirmed.returnCode, '0000');
    } finally {
      await phone.context.close();
    }
  });

  it('tells carol her balance is not enough, then she adds a card and pays with it', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-app-broke', amount: 500 });
    const phone = await phonePage(browser);
    try {
      const page = phone.page;
      await page.goto(req.appUrl);
      await signInAs(page, 'carol');
      await page.getByLabel('Payment PIN').fill('123456');
      await page.getByRole('button', { name: 'Pay NT$500' }).click();
      await page
        .getByRole('alert')
        .getByText('Your balance or points are not enough for this payment. Choose another way to pay.')
        .waitFor();
      await shoot(page, 'wallet-insufficient', true);

      await page.getByRole('link', { name: 'Add a card' }).click();
      await addCard(page, '4111 1111 1111 1111', '12/31', '123', 'VISA');
      await shoot(page, 'wallet-add-card', true);
      await page.getByRole('button', { name: 'Save card' }).click();
      await page.waitForURL(req.appUrl);
      await page.getByRole('radio', { name: /VISA •••• 1111/ }).check();
      await page.getByLabel('Payment PIN').fill('123456');
      await page.getByRole('button', { name: 'Pay NT$500' }).click();
      await page.waitForURL((u) => u.href.startsWith(`${p.merchantUrl}/confirm`));
      const confirmed = await p.confirm(req.transactionId, 500);
      assert.equal(confirmed.returnCode, '0000');
      assert.deepEqual(confirmed.payInfo, [['CREDIT_CARD', 500]]);
    } finally {
      await phone.context.close();
    }
  });

  it('shows a declined card in words and lets a new user pay from the balance instead', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-app-declined', amount: 320 });
    const phone = await phonePage(browser);
    try {
      const page = phone.page;
      await page.goto(req.appUrl);
      await page.waitForURL(/\/wallet\/signin/);
      await page.getByLabel('Display name').fill('dora');
      await page.getByRole('button', { name: 'Create and sign in' }).click();
      await page.waitForURL(req.appUrl);
      await page.getByText('Signed in as dora').waitFor();

      // The card form checks the number before sending it.
      await page.getByRole('link', { name: 'Add a card' }).click();
      await page.getByLabel('Card number').fill('4111 1111 1111 1112');
      await page.getByLabel('Expiry (MM/YY)').fill('0130');
      await page.getByText('This card number is not valid.').waitFor();
      await page.getByLabel('Card number').fill('');
      await addCard(page, testCardFor('1298').replace(/(\d{4})(?=\d)/g, '$1 '), '01/30', '999', 'VISA');
      await page.getByRole('button', { name: 'Save card' }).click();
      await page.waitForURL(req.appUrl);

      await page.getByRole('radio', { name: /VISA •••• 0001/ }).check();
      await page.getByLabel('Payment PIN').fill('123456');
      await page.getByRole('button', { name: 'Pay NT$320' }).click();
      await page
        .getByRole('alert')
        .getByText('Your card was declined (code 1298). Choose another card or another way to pay.')
        .waitFor();
      await shoot(page, 'wallet-card-declined', true);

      await page.getByRole('radio', { name: /Jinliu balance/ }).check();
      await page.getByLabel('Payment PIN').fill('123456');
      await page.getByRole('button', { name: 'Pay NT$320' }).click();
      await page.waitForURL((u) => u.href.startsWith(`${p.merchantUrl}/confirm`));
      const confirmed = await p.confirm(req.transactionId, 320);
      assert.equal(confirmed.returnCode, '0000');
      assert.deepEqual(confirmed.payInfo, [['BALANCE', 320]]);
    } finally {
      await phone.context.close();
    }
  });

  it('splits a payment between points and a card (alice) and shows the split', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-app-points', amount: 500 });
    const phone = await phonePage(browser);
    try {
      const page = phone.page;
      await page.goto(req.appUrl);
      await signInAs(page, 'alice');
      await page.getByRole('radio', { name: /VISA •••• 1111/ }).check();
      await page.getByRole('switch', { name: /Use points/ }).check();
      await page.getByLabel('Points to use (up to 500)').fill('100');
      const split = page.getByTestId('split');
      await split.getByText('100 pts').waitFor();
      assert.match((await split.textContent()) ?? '', /VISA •••• 1111\s*NT\$400/);
      await page.getByLabel('Payment PIN').fill('123456');
      await shoot(page, 'wallet-points-split', true);
      await page.getByRole('button', { name: 'Pay NT$500' }).click();
      await page.waitForURL((u) => u.href.startsWith(`${p.merchantUrl}/confirm`));
      const confirmed = await p.confirm(req.transactionId, 500);
      assert.equal(confirmed.returnCode, '0000');
      assert.deepEqual([...confirmed.payInfo].sort(), [
        ['CREDIT_CARD', 400],
        ['POINT', 100],
      ]);
    } finally {
      await phone.context.close();
    }
  });
  it('lets a new user change the PIN from the wallet and pay with the new one only', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-app-newpin', amount: 180 });
    const phone = await phonePage(browser);
    try {
      const page = phone.page;
      await page.goto(`${p.url}/wallet`);
      await page.waitForURL(/\/wallet\/signin/);
      await page.getByLabel('Display name').fill('erin');
      await page.getByRole('button', { name: 'Create and sign in' }).click();
      await page.getByRole('heading', { name: 'Hi, erin' }).waitFor();
      await page.getByRole('link', { name: 'Change payment PIN' }).click();
      await page.waitForURL(`${p.url}/wallet/pin`);
      await page.getByRole('heading', { name: 'Change payment PIN' }).waitFor();

      await page.getByLabel('Current PIN').fill('123456');
      await page.getByLabel('New PIN', { exact: true }).fill('654321');
      await page.getByLabel('Repeat new PIN').fill('654322');
      await page.getByRole('button', { name: 'Save PIN' }).click();
      await page.getByText('The two new PINs do not match.').waitFor();
      await shoot(page, 'wallet-pin', true);
      await page.getByLabel('Repeat new PIN').fill('654321');
      await page.getByLabel('Current PIN').fill('111111');
      await page.getByRole('button', { name: 'Save PIN' }).click();
      await page.getByText('The current PIN is wrong.').waitFor();
      assert.equal(await page.getByLabel('Current PIN').inputValue(), '', 'the wrong PIN is cleared');
      await page.getByLabel('Current PIN').fill('123456');
      await page.getByRole('button', { name: 'Save PIN' }).click();
      await page.waitForURL(`${p.url}/wallet`);

      await page.goto(req.appUrl);
      await page.getByText('Signed in as erin').waitFor();
      await page.getByLabel('Payment PIN').fill('123456');
      await page.getByRole('button', { name: 'Pay NT$180' }).click();
      await page.getByRole('alert').getByText('Wrong PIN. 2 attempts left.').waitFor();
      await page.getByLabel('Payment PIN').fill('654321');
      await page.getByRole('button', { name: 'Pay NT$180' }).click();
      await page.waitForURL((u) => u.href.startsWith(`${p.merchantUrl}/confirm`));
      const confirmed = await p.confirm(req.transactionId, 180);
      assert.equal(confirmed.returnCode, '0000');
      assert.deepEqual(confirmed.payInfo, [['BALANCE', 180]]);
    } finally {
      await phone.context.close();
    }
  });
});
