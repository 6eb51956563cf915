// How the shop gets its LINE Pay channel on a Jinliu sandbox: created once, kept in its own
// database and reused after a restart; made again when the platform no longer knows it; taken
// from the environment when given.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import { loadShopConfig } from '../server/config.ts';
import { readSetting, writeSetting } from '../server/settings-store.ts';
import { startShop } from '../server/start-shop.ts';
import { freshShopDataDir } from './helpers/shop-data-dir.ts';
import { platformForFile } from './helpers/shop-harness.ts';

describe('the shop’s channel', () => {
  const platform = platformForFile();
  const config = (dataDir: string, extra: Record<string, string> = {}) =>
    loadShopConfig({
      SHOP_PORT: '0',
      SHOP_DATA_DIR: dataDir,
      LINEPAY_BASE_URL: platform().url,
      SHOP_LOG_LEVEL: 'silent',
      SHOP_RECONCILE_INTERVAL_SECONDS: '0',
      SHOP_BILLING_INTERVAL_SECONDS: '0',
      ...extra,
    });

  it('is created once on the sandbox, kept, and reused after a restart', async () => {
    const dataDir = await freshShopDataDir();
    try {
      const first = await startShop(config(dataDir));
      assert.equal(first.channelSource, 'created');
      assert.equal(first.ctx.clock.source, 'platform');
      const stored = JSON.parse((await readSetting(first.ctx.db, 'linepay.channel')) ?? '{}');
      assert.equal(stored.channelId, first.channelId);
      assert.equal(stored.baseUrl, platform().url);
      await first.close();

      const second = await startShop(config(dataDir));
      assert.equal(second.channelSource, 'stored');
      assert.equal(second.channelId, first.channelId);
      // The stored channel really works: a payment request goes through.
      const started = await fetch(`${second.url}/api/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mode: 'pay', lines: [{ productId: 'drip-bags', quantity: 1 }] }),
      });
      assert.equal(started.status, 201);

      // A platform that lost its data no longer knows the channel: the shop makes a new one.
      await writeSetting(
        second.ctx.db,
        'linepay.channel',
        JSON.stringify({ ...stored, channelId: '1999999999', channelSecret: 'forgotten' }),
      );
      await second.close();
      const third = await startShop(config(dataDir));
      assert.equal(third.channelSource, 'created');
      assert.notEqual(third.channelId, first.channelId);
      await third.close();
    } finally {
      await rm(dirname(dataDir), { recursive: true, force: true });
    }
  });

  it('uses LINEPAY_CHANNEL_ID and LINEPAY_CHANNEL_SECRET when they are set', async () => {
    const dataDir = await freshShopDataDir();
    const { channel } = platform().platform;
    try {
      const shop = await startShop(
        config(dataDir, {
          LINEPAY_CHANNEL_ID: channel.channelId,
          LINEPAY_CHANNEL_SECRET: channel.channelSecret,
        }),
      );
      assert.equal(shop.channelSource, 'environment');
      assert.equal(shop.channelId, channel.channelId);
      assert.equal(await readSetting(shop.ctx.db, 'linepay.channel'), undefined, 'nothing stored');
      await shop.close();
    } finally {
      await rm(dirname(dataDir), { recursive: true, force: true });
    }
  });
});
