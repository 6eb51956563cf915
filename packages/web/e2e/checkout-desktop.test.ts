// The desktop checkout (paymentUrl.web) in a real browser: QR code and live status, approval
// on a phone, cancel, polling without EventSource, the countdown and expiry on the sandbox clock.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { desktopPage, phonePage, shoot, signInAs } from './helpers/browser.ts';
import type { Platform } from './helpers/platform.ts';
import { browserSuite } from './helpers/suite.ts';

describe('desktop checkout', () => {
  let p: Platform;
  let browser: Browser;
  browserSuite((platform, b) => {
    p = platform;
    browser = b;
  });

  it('follows the approval made on a phone and lands on the confirmUrl', async () => {
    const req = await p.requestPayment({
      orderId: 'e2e-desktop-1',
      amount: 480,
      products: [
        { name: 'Green tea latte', quantity: 2, price: 150 },
        { name: 'Matcha cake', quantity: 1, price: 180 },
      ],
    });
    const desk = await desktopPage(browser);
    const phone = await phonePage(browser);
    try {
      const popup = desk.page;
      await popup.goto(req.webUrl);
      await popup.getByRole('heading', { name: 'Pay Jinliu Demo Shop' }).waitFor();
      assert.equal(
        await popup.getByTestId('access-token').textContent(),
        req.accessToken.replace(/(\d{4})(\d{4})(\d{4})/, '$1 $2 $3'),
      );
      assert.match((await popup.getByTestId('countdown').textContent()) ?? '', /Expires in (19|20):\d\d/);
      await popup.getByText('Matcha cake').waitFor();
      const qrText = await popup.getByRole('img', { name: /QR code/ }).getAttribute('data-qr-text');
      assert.equal(qrText, `${p.url}/app/payment/${req.reserveId}?via=qr`);
      await popup.getByText('Waiting for you to approve on your phone').waitFor();
      await shoot(popup, 'checkout-desktop');

      // The phone scans the QR code: sign in as alice, approve with the PIN.
      await phone.page.goto(qrText ?? '');
      await signInAs(phone.page, 'alice');
      await phone.page.waitForURL(`${p.url}/app/payment/${req.reserveId}?via=qr`);
      await phone.page.getByLabel('Payment PIN').fill('123456');
      await shoot(phone.page, 'wallet-approve', true);
      await phone.page.getByRole('button', { name: 'Pay NT$480' }).click();

      await popup.waitForURL((u) => u.href.startsWith(`${p.merchantUrl}/confirm`));
      const landed = new URL(popup.url());
      assert.equal(landed.searchParams.get('transactionId'), req.transactionId);
      assert.equal(landed.searchParams.get('orderId'), 'e2e-desktop-1');
      await popup.getByRole('heading', { name: 'Thanks for your order' }).waitFor();

      // The phone only confirms: the merchant's page opens once, in the pop-up.
      await phone.page.getByText('Your computer is taking you back to Jinliu Demo Shop.').waitFor();
      assert.match(phone.page.url(), /\/app\/payment\//);
      await shoot(phone.page, 'wallet-approved-companion');
      assert.equal(p.hits.filter((h) => h.path === '/confirm').length, 1);

      const confirmed = await p.confirm(req.transactionId, 480);
      assert.equal(confirmed.returnCode, '0000');
      assert.deepEqual(confirmed.payInfo, [['BALANCE', 480]]);
    } finally {
      await desk.context.close();
      await phone.context.close();
    }
  });

  it('cancels from the pop-up (in the merchant’s language) and returns to the cancelUrl', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-desktop-cancel', amount: 300, locale: 'zh_TW' });
    const desk = await desktopPage(browser);
    try {
      await desk.page.goto(req.webUrl);
      await desk.page.getByRole('heading', { name: '付款給 Jinliu Demo Shop' }).waitFor();
      assert.equal(await desk.page.evaluate(() => document.documentElement.lang), 'zh-TW');
      await shoot(desk.page, 'checkout-desktop-zh');
      // The shopper may switch the language; the page follows at once.
      await desk.page.getByLabel('語言').selectOption('en');
      await desk.page.getByRole('button', { name: 'Cancel payment' }).click();
      await desk.page.waitForURL(`${p.merchantUrl}/cancel`);
      assert.equal(p.hits.filter((h) => h.path === '/cancel').length, 1);
      const check = await p.v3('GET', `/v3/payments/requests/${req.transactionId}/check`);
      assert.equal(check.returnCode, '0121');
    } finally {
      await desk.context.close();
    }
  });

  it('falls back to polling when EventSource is unavailable', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-desktop-poll', amount: 120 });
    const desk = await desktopPage(browser);
    try {
      await desk.page.addInitScript(() => {
        Reflect.deleteProperty(window, 'EventSource');
      });
      await desk.page.goto(req.webUrl);
      await desk.page.getByText('Checking the payment every few seconds').waitFor();
      await shoot(desk.page, 'checkout-polling');
      const approved = await p.sandbox('POST', `/sandbox/v1/payments/${req.transactionId}/approve`, {});
      assert.equal(approved.status, 200);
      await desk.page.waitForURL((u) => u.href.startsWith(`${p.merchantUrl}/confirm`));
      assert.equal(new URL(desk.page.url()).searchParams.get('transactionId'), req.transactionId);
    } finally {
      await desk.context.close();
    }
  });

  it('shows the failure page when the phone locks the payment with three wrong PINs', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-desktop-locked', amount: 150 });
    const desk = await desktopPage(browser);
    const phone = await phonePage(browser);
    try {
      await desk.page.goto(req.webUrl);
      await desk.page.getByText('Waiting for you to approve on your phone').waitFor();
      await phone.page.goto(`${p.url}/app/payment/${req.reserveId}?via=qr`);
      await signInAs(phone.page, 'bob');
      for (const [pin, words] of [
        ['000000', 'Wrong PIN. 2 attempts left.'],
        ['000001', 'Wrong PIN. 1 attempt left — after that this payment is locked.'],
      ] as const) {
        await phone.page.getByLabel('Payment PIN').fill(pin);
        await phone.page.getByRole('button', { name: 'Pay NT$150' }).click();
        await phone.page.getByRole('alert').getByText(words).waitFor();
      }
      await phone.page.getByLabel('Payment PIN').fill('000002');
      await phone.page.getByRole('button', { name: 'Pay NT$150' }).click();
      await phone.page
        .getByRole('heading', {
          name: 'Wrong PIN three times: this payment is locked. Start again at the merchant.',
        })
        .waitFor();
      await desk.page.getByRole('heading', { name: 'The payment could not be completed' }).waitFor();
      await shoot(desk.page, 'checkout-failed');
      assert.equal(p.hits.filter((h) => h.query.get('orderId') === 'e2e-desktop-locked').length, 0);
    } finally {
      await desk.context.close();
      await phone.context.close();
    }
  });

  it('shows a completion message when the merchant confirms server-side (confirmUrlType SERVER)', async () => {
    const req = await p.requestPayment({
      orderId: 'e2e-desktop-server',
      amount: 210,
      confirmUrlType: 'SERVER',
    });
    const desk = await desktopPage(browser);
    try {
      await desk.page.goto(req.webUrl);
      await desk.page.getByText('Waiting for you to approve on your phone').waitFor();
      const approved = await p.sandbox('POST', `/sandbox/v1/payments/${req.transactionId}/approve`, {});
      assert.equal((approved.body as { redirectUrl: string | null }).redirectUrl, null);
      await desk.page.getByRole('heading', { name: 'Payment approved' }).waitFor();
      await desk.page.getByText('Jinliu Demo Shop has been told. You can close this window.').waitFor();
      await shoot(desk.page, 'checkout-done');
      assert.match(desk.page.url(), /\/web\/payment\/wait/);
    } finally {
      await desk.context.close();
    }
  });

  it('counts down on the platform clock from the server time, never asking the sandbox API', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-desktop-clock', amount: 130 });
    const moved = await p.sandbox('POST', '/sandbox/v1/clock/advance', { seconds: 600 });
    assert.equal(moved.status, 200);
    const desk = await desktopPage(browser);
    const sandboxCalls: string[] = [];
    desk.page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/sandbox/')) {
        sandboxCalls.push(r.url());
      }
    });
    try {
      await desk.page.goto(req.webUrl);
      await desk.page.getByText('Waiting for you to approve on your phone').waitFor();
      const countdown = desk.page.getByTestId('countdown');
      // Ten of the twenty minutes are gone on the platform clock, none on this device's.
      assert.match((await countdown.textContent()) ?? '', /^Expires in (10:00|09:[0-5]\d)$/);
      const first = (await countdown.textContent()) ?? '';
      await desk.page.waitForFunction(
        (before) => document.querySelector('[data-testid="countdown"]')?.textContent !== before,
        first,
      );
      assert.match((await countdown.textContent()) ?? '', /^Expires in 09:[0-5]\d$/, 'it keeps counting');
      assert.deepEqual(sandboxCalls, [], 'the page takes the time from the checkout, not /sandbox/');
    } finally {
      await desk.context.close();
    }
  });

  it('shows the expired page when the sandbox clock passes the 20 minutes', async () => {
    const req = await p.requestPayment({ orderId: 'e2e-desktop-expiry', amount: 200 });
    const desk = await desktopPage(browser);
    try {
      await desk.page.goto(req.webUrl);
      await desk.page.getByText('Waiting for you to approve on your phone').waitFor();
      const moved = await p.sandbox('POST', '/sandbox/v1/clock/advance', { seconds: 1260 });
      assert.equal(moved.status, 200);
      await desk.page.getByRole('heading', { name: 'This payment request has expired' }).waitFor();
      const back = desk.page.getByRole('link', { name: 'Back to Jinliu Demo Shop' });
      assert.equal(await back.getAttribute('href'), `${p.merchantUrl}/cancel`);
      await shoot(desk.page, 'checkout-expired');
      const check = await p.v3('GET', `/v3/payments/requests/${req.transactionId}/check`);
      assert.equal(check.returnCode, '0121');
    } finally {
      await desk.context.close();
    }
  });
});
