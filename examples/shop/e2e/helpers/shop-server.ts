// The shop for a browser test: its front-end built, and a running shop with its own database
// on a platform the test started.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadShopConfig } from '../../server/config.ts';
import { type RunningShop, startShop } from '../../server/start-shop.ts';
import { freshShopDataDir } from '../../test/helpers/shop-data-dir.ts';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** Builds the shop's front-end if its dist is missing or stale (a no-op otherwise). */
export function ensureShopBuilt(): void {
  const r = spawnSync(process.execPath, ['scripts/build.ts', 'shop'], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`building examples/shop failed:\n${r.stdout}\n${r.stderr}`);
  }
}

/** A shop on `platformUrl` with a fresh database; `close` also removes the database. */
export async function startTestShop(
  platformUrl: string,
  env: Readonly<Record<string, string>> = {},
): Promise<RunningShop> {
  const dataDir = await freshShopDataDir();
  let shop: RunningShop;
  try {
    shop = await startShop(
      loadShopConfig({
        SHOP_PORT: '0',
        SHOP_DATA_DIR: dataDir,
        LINEPAY_BASE_URL: platformUrl,
        SHOP_LOG_LEVEL: 'silent',
        SHOP_RECONCILE_INTERVAL_SECONDS: '0',
        SHOP_BILLING_INTERVAL_SECONDS: '0',
        ...env,
      }),
    );
  } catch (e) {
    await rm(dirname(dataDir), { recursive: true, force: true });
    throw e;
  }
  return {
    ...shop,
    async close() {
      await shop.close();
      await rm(dirname(dataDir), { recursive: true, force: true });
    },
  };
}
