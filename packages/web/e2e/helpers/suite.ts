import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureWebBuilt, launchBrowser, takeProblems } from './browser.ts';
import { type Platform, startPlatform } from './platform.ts';

/**
 * Registers the hooks every browser suite shares (call it inside `describe`): one platform and
 * one Chromium for the suite, handed to `ready`; after each test, no script errors or CSP
 * refusals in the pages; both closed at the end.
 */
export function browserSuite(ready: (platform: Platform, browser: Browser) => void): void {
  let platform: Platform | undefined;
  let browser: Browser | undefined;
  before(async () => {
    ensureWebBuilt();
    [platform, browser] = await Promise.all([startPlatform(), launchBrowser()]);
    ready(platform, browser);
  });
  afterEach(() => {
    assert.deepEqual(takeProblems(), [], 'no script errors or CSP refusals in the pages');
  });
  after(async () => {
    await browser?.close();
    await platform?.close();
  });
}
