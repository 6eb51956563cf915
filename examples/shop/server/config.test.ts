import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { loadShopConfig, ShopConfigError, shopVariables } from './config.ts';

describe('shop configuration', () => {
  it('has working defaults: port 3000, a local Jinliu, the default admin password said out loud', () => {
    const c = loadShopConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.publicUrl, 'http://127.0.0.1:3000');
    assert.equal(c.linePayBaseUrl, 'http://127.0.0.1:8080');
    assert.equal(c.channel, undefined);
    assert.equal(c.adminPassword, 'admin');
    assert.equal(c.adminPasswordIsDefault, true);
    assert.equal(c.dataDir, '.jinliu/shop');
    assert.equal(c.reconcileIntervalMs, 30_000);
    assert.equal(c.billingIntervalMs, 60_000);
  });

  it('picks LINE Pay hosts by LINEPAY_ENV, and LINEPAY_BASE_URL wins', () => {
    assert.equal(
      loadShopConfig({ LINEPAY_ENV: 'sandbox' }).linePayBaseUrl,
      'https://sandbox-api-pay.line.me',
    );
    assert.equal(loadShopConfig({ LINEPAY_ENV: 'production' }).linePayBaseUrl, 'https://api-pay.line.me');
    assert.equal(
      loadShopConfig({ LINEPAY_ENV: 'sandbox', LINEPAY_BASE_URL: 'http://10.0.0.5:8080/' }).linePayBaseUrl,
      'http://10.0.0.5:8080',
    );
  });

  it('reads credentials and the public URL', () => {
    const c = loadShopConfig({
      SHOP_PORT: '4000',
      SHOP_PUBLIC_URL: 'https://coffee.example/',
      LINEPAY_CHANNEL_ID: '1234567890',
      LINEPAY_CHANNEL_SECRET: 'secret',
      SHOP_ADMIN_PASSWORD: 'letmein',
    });
    assert.equal(c.publicUrl, 'https://coffee.example');
    assert.deepEqual(c.channel, { channelId: '1234567890', channelSecret: 'secret' });
    assert.equal(c.adminPasswordIsDefault, false);
  });

  it('lists every bad variable at once', () => {
    assert.throws(
      () =>
        loadShopConfig({
          SHOP_PORT: 'eighty',
          LINEPAY_ENV: 'staging',
          LINEPAY_CHANNEL_ID: '123',
          SHOP_PUBLIC_URL: 'ftp://x',
          SHOP_LOG_LEVEL: 'loud',
          SHOP_ADMIN_PASSWORD: 'abc',
        }),
      (e: unknown) => {
        assert.ok(e instanceof ShopConfigError);
        assert.deepEqual(
          e.problems.map((p) => p.split(' ')[0]),
          [
            'SHOP_PORT',
            'SHOP_PUBLIC_URL',
            'LINEPAY_ENV',
            'LINEPAY_CHANNEL_ID',
            'SHOP_ADMIN_PASSWORD',
            'SHOP_LOG_LEVEL',
          ],
        );
        return true;
      },
    );
  });

  it('is documented: the README table lists every variable with its default', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    for (const [name, fallback] of shopVariables) {
      assert.ok(
        readme.includes(`| \`${name}\` | ${fallback} |`),
        `README row for ${name} (default ${fallback})`,
      );
    }
  });
});
