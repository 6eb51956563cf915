// One headless Debian Chromium per test file, desktop and phone contexts, and screenshots.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const chromiumPath = '/usr/bin/chromium';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const screenshots = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

/** Builds packages/web if its dist is missing or stale (a no-op otherwise). */
export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, ['scripts/build.ts', 'web'], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`building packages/web failed:\n${r.stdout}\n${r.stderr}`);
  }
}

const problems: string[] = [];

/** Uncaught page errors and CSP refusals seen since the last call (each test expects none). */
export function takeProblems(): string[] {
  return problems.splice(0);
}

function watch(page: Page): Page {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Refused to|Content Security Policy/.test(m.text())) {
      problems.push(`console: ${m.text()}`);
    }
  });
  page.setDefaultTimeout(10_000);
  return page;
}

/** Launches Chromium headless (Playwright gives it a fresh temporary profile). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium (apt-get install -y chromium)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The merchant's checkout pop-up on a computer (LINE Pay's 700×546). */
export async function desktopPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 700, height: 546 }, locale: 'en-US' });
  const page = watch(await context.newPage());
  return { context, page };
}

/** A phone-sized page (390×844, touch). */
export async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
    locale: 'en-US',
  });
  const page = watch(await context.newPage());
  return { context, page };
}

/** Saves a PNG screenshot to docs/screenshots/<name>.png (overwritten on every run). */
export async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({
    path: `${screenshots}${name}.png`,
    fullPage,
    animations: 'disabled',
    caret: 'hide',
  });
}

/** Signs in on the wallet's sign-in page as a listed test user. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.waitForURL(/\/wallet\/signin/);
  await page.getByRole('button', { name: `Continue as ${name}`, exact: true }).click();
}
