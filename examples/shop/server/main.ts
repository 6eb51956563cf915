// `node examples/shop/server/main.ts`: runs the example shop alone, against a LINE Pay API that
// is already running (a local Jinliu by default). `npm start` runs the platform and the shop.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { shopBanner } from './banner.ts';
import { loadShopConfig, ShopConfigError, shopVariables } from './config.ts';
import { ChannelSetupError } from './payment-setup.ts';
import { startShop } from './start-shop.ts';

const usage = `Jinliu Coffee — the example shop that pays through @jinliu/sdk

Usage: node examples/shop/server/main.ts [--help]

Runs the shop against the LINE Pay API at LINEPAY_BASE_URL (default: a local Jinliu at
http://127.0.0.1:8080 — start it first with \`npm run jinliu -- start\`, or run both with
\`npm start\`). On a Jinliu sandbox the shop creates its own channel the first time and keeps it.

Environment:
${shopVariables.map(([name, value, meaning]) => `  ${name.padEnd(32)} ${value.padEnd(20)} ${meaning}`).join('\n')}

Exit codes: 0 stopped by Ctrl+C / SIGTERM, 2 bad configuration, 3 could not start.`;

async function main(): Promise<number> {
  let help = false;
  try {
    help =
      parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true }).values.help === true;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${usage}\n`);
    return 2;
  }
  if (help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let config: ReturnType<typeof loadShopConfig>;
  try {
    config = loadShopConfig(process.env);
  } catch (e) {
    if (e instanceof ShopConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  config = { ...config, dataDir: resolve(config.dataDir) };
  let shop: Awaited<ReturnType<typeof startShop>>;
  try {
    shop = await startShop(config);
  } catch (e) {
    if (e instanceof ChannelSetupError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`The shop could not start: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
  process.stdout.write(
    `Jinliu Coffee is open\n${shopBanner(shop, config).join('\n')}\nPress Ctrl+C to stop.\n`,
  );
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await shop.close();
  return 0;
}

process.exitCode = await main();
