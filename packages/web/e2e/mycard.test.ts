// My Card in the wallet, end to end in Chromium: the catalogue and its search, a program's
// detail page, binding at a merchant's login page (which verifies the token with the JWK set)
// and back to an active card with its barcode, my cards with a campaign coupon, removing a
// card; a merchant who cancels; a forged token; a QR card with an external detail page in zh_TW.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { phonePage, shoot, signInAs } from './helpers/browser.ts';
import { type MyCardMerchant, startMyCardMerchant } from './helpers/mycard-merchant.ts';
import type { Platform } from './helpers/platform.ts';
import { browserSuite } from './helpers/suite.ts';

// Logos live on the merchants' own https hosts; the browser is given them here (no network).
const logo = (bg: string, letter: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${bg}"/>` +
  `<text x="32" y="43" font-family="sans-serif" font-size="30" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`;
const logos: Record<string, string> = {
  'https://lotus-tea.example/logo.svg': logo('#0f766e', '蓮'),
  'https://harbour-books.example/logo.svg': logo('#1d4ed8', 'H'),
  'https://moon-bakery.example/logo.svg': logo('#b45309', '月'),
};

/** A phone 360 px wide (the narrowest the wallet is made for), with the merchants' logos served. */
async function narrowPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const phone = await phonePage(browser);
  await phone.page.setViewportSize({ width: 360, height: 780 });
  await phone.context.route('https://*.example/logo.svg', (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: logos[route.request().url()] ?? '' }),
  );
  return phone;
}

/** The page is no wider than the phone (nothing sticks out sideways). */
async function fitsWidth(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width}px wide on a 360px phone`);
}

/** The wallet's own API as the signed-in browser sees it. */
// biome-ignore lint/suspicious/noExplicitAny: the reply is read by its documented shape
async function walletApi(page: Page, path: string): Promise<any> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path);
}

describe('My Card in the wallet', () => {
  let p: Platform;
  let browser: Browser;
  let lotus: MyCardMerchant;
  let harbour: MyCardMerchant;
  browserSuite((platform, b) => {
    p = platform;
    browser = b;
  });
  before(async () => {
    [lotus, harbour] = await Promise.all([
      startMyCardMerchant(p.url, 'Lotus Tea House'),
      startMyCardMerchant(p.url, 'Harbour Books'),
    ]);
  });
  after(async () => {
    await Promise.all([lotus?.close(), harbour?.close()]);
  });

  it('catalogue → search → program → merchant login → Apply → an active card with its EAN-13 barcode → removed', async () => {
    const program = await lotus.createProgram('tea-club', {
      name: 'Lotus Tea Club',
      codeType: 'EAN13',
      logoUrl: 'https://lotus-tea.example/logo.svg',
      detail: {
        type: 'TEMPLATE',
        benefits: '<b>10% off</b> every drink\nFree refill on Fridays',
        terms: 'One card per person. Points expire after 12 months.',
        contact: 'members@lotus-tea.example · 02-2345-6789',
      },
    });
    await harbour.createProgram('readers', {
      name: 'Harbour Books Readers',
      codeType: 'CODE128',
      logoUrl: 'https://harbour-books.example/logo.svg',
    });
    const clock = (await p.sandbox('GET', '/sandbox/v1/clock')).body as { now: string };
    const now = Date.parse(clock.now);
    const campaign = await lotus.call('POST', '/v1/mycard/campaigns', {
      name: 'Welcome drink',
      programIds: [program.programId],
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 30 * 86_400_000).toISOString(),
      reward: { type: 'COUPON', amount: 50, currency: 'TWD', validDays: 30 },
    });
    assert.equal(campaign.returnCode, '0000');

    const phone = await narrowPhone(browser);
    try {
      const page = phone.page;
      await page.goto(`${p.url}/wallet`);
      await signInAs(page, 'alice');
      await page.getByRole('link', { name: /Membership cards/ }).click();
      await page.waitForURL(`${p.url}/wallet/mycard`);
      await page.getByRole('link', { name: '+ Add a card' }).click();
      await page.waitForURL(`${p.url}/wallet/mycard/add`);

      // Search runs on the server: only the matching program is listed.
      const catalogue = page.getByTestId('catalogue');
      await catalogue.getByText('Harbour Books Readers').waitFor();
      await page.getByRole('searchbox', { name: 'Search cards' }).fill('lotus');
      await page.waitForURL(`${p.url}/wallet/mycard/add?q=lotus`);
      await catalogue.getByText('Harbour Books Readers').waitFor({ state: 'detached' });
      const row = catalogue.getByRole('listitem').filter({ hasText: 'Lotus Tea Club' });
      await row.getByText('Lotus Tea House').waitFor();
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll<HTMLImageElement>('img.program-logo')).every((i) => i.complete),
      );
      await fitsWidth(page);
      await shoot(page, 'mycard-catalogue');
      await page.getByRole('searchbox', { name: 'Search cards' }).fill('no such card');
      await page.getByTestId('catalogue-empty').getByText('No card matches “no such card”.').waitFor();
      await page.getByRole('searchbox', { name: 'Search cards' }).fill('Lotus');
      await row.getByRole('link', { name: 'Add Lotus Tea Club' }).click();

      // The detail page is the merchant's text, shown as text.
      await page.waitForURL(`${p.url}/wallet/mycard/programs/${program.programId}`);
      const detail = page.getByTestId('program-detail');
      await detail.getByText('<b>10% off</b> every drink').waitFor();
      assert.equal(await detail.locator('b').count(), 0, 'no HTML from the merchant is rendered');
      await detail.getByText('members@lotus-tea.example · 02-2345-6789').waitFor();
      await page
        .getByText(
          'You’ll sign in at Lotus Tea House; they send your membership number back to Jinliu Pay, and the card appears here.',
        )
        .waitFor();
      await fitsWidth(page);
      await shoot(page, 'mycard-program', true);
      await page.getByRole('button', { name: 'Bind my membership' }).click();

      // The merchant's login page: it verified the token with the program's JWK set.
      await page.waitForURL(`${lotus.url}/link/tea-club?**`);
      await page.getByRole('heading', { name: 'Sign in to Lotus Tea House' }).waitFor();
      assert.deepEqual(lotus.verifications, [true]);
      await page.getByLabel('Membership number').fill('4710088412348');
      await page.getByLabel('Password').fill('secret');
      await page.getByRole('button', { name: 'Sign in and link card' }).click();

      // Apply → callback → the wallet's card page.
      await page.waitForURL(/\/wallet\/mycard\/cards\/B[A-Z0-9]+\?result=ACTIVE$/);
      const bindingId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const banner = page.getByTestId('binding-result');
      await banner.getByText('Card added').waitFor();
      assert.equal(await banner.getAttribute('data-result'), 'ACTIVE');
      const barcode = page.getByTestId('membership-barcode');
      await barcode.waitFor();
      assert.equal(await barcode.getAttribute('data-format'), 'EAN13');
      assert.equal(await barcode.getAttribute('data-value'), '4710088412348');
      assert.ok(
        (await barcode.locator('path').getAttribute('d'))?.startsWith('M11 0h1v60'),
        'bars after the quiet zone',
      );
      await page.getByTestId('membership-code-text').getByText('4 710088 412348').waitFor();
      await page.getByTestId('member-card').getByText('Gold member').waitFor();
      // Big enough for a counter scanner: the 95 modules and quiet zones span the card, 2+ px each.
      const box = await barcode.boundingBox();
      assert.ok(box && box.width / (95 + 22) >= 2 && box.height >= 100, JSON.stringify(box));
      await fitsWidth(page);
      await shoot(page, 'mycard-card', true);

      // My cards lists it, with the campaign's coupon.
      await page.getByRole('link', { name: 'My cards' }).click();
      await page.waitForURL(`${p.url}/wallet/mycard`);
      const cards = page.getByTestId('my-cards');
      await cards
        .getByRole('link', { name: /Lotus Tea Club/ })
        .getByText('Lotus Tea House · Gold member')
        .waitFor();
      const coupon = page.getByTestId('coupons').getByRole('listitem').filter({ hasText: 'Welcome drink' });
      await coupon.getByText('NT$50').waitFor();
      await coupon.getByText(/^Valid until /).waitFor();
      await fitsWidth(page);
      await shoot(page, 'mycard-my-cards', true);

      // The catalogue now marks it as held.
      await page.goto(`${p.url}/wallet/mycard/add?q=Lotus`);
      await page.getByTestId('catalogue').getByText('In your wallet').waitFor();
      await page.getByRole('link', { name: 'Open Lotus Tea Club' }).click();
      await page.waitForURL(`${p.url}/wallet/mycard/cards/${bindingId}`);

      // Remove, after a second question.
      await page.getByRole('button', { name: 'Remove card' }).click();
      await page
        .getByTestId('remove-confirm')
        .getByText(/^Remove Lotus Tea Club from your wallet\?/)
        .waitFor();
      await page.getByRole('button', { name: 'Keep' }).click();
      await page.getByRole('button', { name: 'Remove card' }).click();
      await page.getByRole('button', { name: 'Remove', exact: true }).click();
      await page.waitForURL(`${p.url}/wallet/mycard?result=REMOVED`);
      await page.getByTestId('binding-result').getByText('Card removed.').waitFor();
      await page.getByTestId('my-cards').getByText('Lotus Tea Club').waitFor({ state: 'detached' });
      const held = await walletApi(page, '/api/mycard/cards');
      assert.equal(held.cards.filter((c: { bindingId: string }) => c.bindingId === bindingId).length, 0);
      assert.equal((await walletApi(page, `/api/mycard/cards/${bindingId}`)).status, 'UNBOUND');
    } finally {
      await phone.context.close();
    }
  });

  it('the merchant cancels: the wallet says so and holds no card; a forged token is refused by the merchant', async () => {
    const program = await harbour.createProgram('members', {
      name: 'Harbour Books Members',
      codeType: 'CODE128',
      logoUrl: 'https://harbour-books.example/logo.svg',
    });
    const phone = await narrowPhone(browser);
    try {
      const page = phone.page;
      await page.goto(`${p.url}/wallet/mycard/programs/${program.programId}`);
      await signInAs(page, 'bob');
      await page.waitForURL(`${p.url}/wallet/mycard/programs/${program.programId}`);
      await page.getByRole('button', { name: 'Bind my membership' }).click();
      await page.waitForURL(`${harbour.url}/link/members?**`);
      await page.getByRole('heading', { name: 'Sign in to Harbour Books' }).waitFor();

      // The same link with one character of the signature changed does not verify.
      const link = new URL(page.url());
      const token = link.searchParams.get('token') ?? '';
      link.searchParams.set('token', (token[0] === 'A' ? 'B' : 'A') + token.slice(1));
      const forged = await fetch(link);
      assert.equal(forged.status, 403);
      assert.match(await forged.text(), /data-verified="false"/);
      assert.deepEqual(harbour.verifications.slice(-2), [true, false]);

      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.waitForURL(/\/wallet\/mycard\/cards\/B[A-Z0-9]+\?result=CANCELLED$/);
      const banner = page.getByTestId('binding-result');
      await banner.getByText('You cancelled at Harbour Books. No card was added.').waitFor();
      assert.equal(await banner.getAttribute('data-result'), 'CANCELLED');
      assert.equal(await page.getByTestId('card-ended').getAttribute('data-status'), 'CANCELLED');
      assert.equal(await page.getByTestId('membership-barcode').count(), 0);
      await fitsWidth(page);
      await shoot(page, 'mycard-cancelled');
      // Opened later (no banner), the card page itself says how the binding ended.
      const cardPath = new URL(page.url()).pathname;
      await page.goto(`${p.url}${cardPath}`);
      await page
        .getByTestId('card-ended')
        .getByText('Adding this card was cancelled. No card was added.')
        .waitFor();
      await page.getByRole('link', { name: 'Add this card again' }).waitFor();
      await page.goBack();
      await page.getByRole('link', { name: 'My cards' }).click();
      await page.waitForURL(`${p.url}/wallet/mycard`);
      const held = await walletApi(page, '/api/mycard/cards');
      assert.equal(
        held.cards.filter(
          (c: { program: { programId: string } }) => c.program.programId === program.programId,
        ).length,
        0,
      );
      await page.getByText('No membership cards yet.', { exact: false }).waitFor();
    } finally {
      await phone.context.close();
    }
  });

  it('a QR card with the merchant’s own detail page, in 繁體中文, and a failed binding explained', async (t) => {
    const moon = await startMyCardMerchant(p.url, 'Moon Bakery');
    t.after(() => moon.close());
    const program = await moon.createProgram('club', {
      name: 'Moon Bakery 月光會員',
      codeType: 'QR',
      logoUrl: 'https://moon-bakery.example/logo.svg',
      detail: { type: 'EXTERNAL', url: 'https://moon-bakery.example/members?from=wallet' },
    });
    const phone = await narrowPhone(browser);
    try {
      const page = phone.page;
      await page.goto(`${p.url}/wallet/mycard?result=ERROR&code=3102`);
      await signInAs(page, 'carol');
      await page.waitForURL(`${p.url}/wallet/mycard?result=ERROR&code=3102`);
      await page
        .getByRole('alert')
        .getByText('Adding the card took too long and the request expired. Please start again.')
        .waitFor();
      await page.getByLabel('Language').selectOption('zh_TW');
      await page.getByRole('alert').getByText('加入會員卡的時間過久，申請已逾時，請重新開始。').waitFor();

      await page.goto(`${p.url}/wallet/mycard/programs/${program.programId}`);
      const external = page.getByTestId('external-detail');
      await external.waitFor();
      assert.equal(await external.getAttribute('href'), 'https://moon-bakery.example/members?from=wallet');
      assert.equal(await external.getAttribute('target'), '_blank');
      assert.equal(await external.getAttribute('rel'), 'noopener noreferrer');
      await external.getByText('前往 Moon Bakery 網站查看會員卡說明').waitFor();
      await page.getByRole('button', { name: '綁定我的會員' }).click();
      await page.waitForURL(`${moon.url}/link/club?**`);
      await page.getByLabel('Membership number').fill('MOON-000123');
      await page.getByLabel('Password').fill('secret');
      await page.getByRole('button', { name: 'Sign in and link card' }).click();
      await page.waitForURL(/\/wallet\/mycard\/cards\/B[A-Z0-9]+\?result=ACTIVE$/);
      await page.getByTestId('binding-result').getByText('已加入會員卡').waitFor();
      const code = page.getByTestId('membership-barcode');
      assert.equal(await code.getAttribute('data-format'), 'QR');
      assert.equal(await code.locator('svg').getAttribute('data-qr-text'), 'MOON-000123');
      await page.getByTestId('membership-code-text').getByText('MOON-000123').waitFor();
      await fitsWidth(page);
      await shoot(page, 'mycard-card-qr-zh', true);
    } finally {
      await phone.context.close();
    }
  });
});
