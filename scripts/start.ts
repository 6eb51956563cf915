// `npm start`: the platform (exactly as `jinliu start` runs it, same banner) and the example
// shop against it, in one process, so a newcomer sees the whole flow in a browser: buy in the
// shop, pay on the hosted checkout as a test user, refund from the shop's admin page.
// `npm run jinliu -- start` still runs the platform alone.
//
//   node scripts/start.ts [--help]
import { resolve } from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { platformBanner, progress } from '@jinliu/cli';
import { type Config, loadConfig, startServer } from '@jinliu/server';
import { shopBanner } from '../examples/shop/server/banner.ts';
import { loadShopConfig } from '../examples/shop/server/config.ts';
import { type RunningShop, startShop } from '../examples/shop/server/start-shop.ts';

const usage = `npm start — runs the Jinliu platform and the example shop (Jinliu Coffee) together

Usage: npm start [-- --help]

The platform reads the variables of "jinliu start" (PORT, HOST, JINLIU_PUBLIC_URL, DATABASE_URL,
JINLIU_DATA_DIR, …; see README.md "Configuration"), the shop those of examples/shop/README.md
(SHOP_PORT, SHOP_ADMIN_PASSWORD, …). The shop pays through the platform it starts with; on first
start it creates its own sandbox channel and keeps it in .jinliu/shop. Logs: warnings and errors
only (set LOG_LEVEL=info for every request).

Press Ctrl+C to stop both. The platform alone: npm run jinliu -- start.`;

type Style = Parameters<typeof styleText>[0];
const paint = (style: Style, text: string) =>
  styleText(style, text, { stream: process.stdout, validateStream: true });
const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  try {
    if (parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true }).values.help) {
      say(usage);
      return 0;
    }
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${usage}\n`);
    return 2;
  }
  try {
    process.loadEnvFile('.env');
  } catch {
    // No .env file: configuration comes from the environment alone.
  }

  let config: Config;
  let shopConfig: ReturnType<typeof loadShopConfig>;
  try {
    // A newcomer reads the banner, not a stream of JSON request lines: warnings and errors only,
    // unless LOG_LEVEL says otherwise (`jinliu start` keeps the operator default, info).
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env }, { role: 'all' });
    shopConfig = loadShopConfig(process.env);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }

  const started = Date.now();
  const server = await startServer(config, {
    onMigration: (done, total, name) => progress(`Migrating ${name}`, done, total),
    onSeed: (done, total, step) => progress(`Seeding ${step}`, done, total),
  });
  for (const line of platformBanner(config, server, Date.now() - started)) {
    say(line);
  }

  let shop: RunningShop;
  const shopSettings = {
    ...shopConfig,
    dataDir: resolve(shopConfig.dataDir),
    // The shop calls the platform where it listens; shoppers still see its public URL.
    linePayBaseUrl: process.env.LINEPAY_BASE_URL?.trim() || server.url || config.publicUrl,
  };
  try {
    shop = await startShop(shopSettings);
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
    const why = busy
      ? `port ${shopSettings.port} is in use; choose another with SHOP_PORT=3001 npm start`
      : e instanceof Error
        ? e.message
        : String(e);
    process.stderr.write(`\nThe example shop could not start: ${why}\n`);
    await server.close();
    return 3;
  }
  say('');
  say(`${paint('green', 'Jinliu Coffee, the example shop, is open')} (pays through @jinliu/sdk)`);
  for (const line of shopBanner(shop, shopSettings)) {
    say(line);
  }
  say(paint('dim', 'Press Ctrl+C to stop both.'));

  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await shop.close();
  await server.close();
  return 0;
}

process.exitCode = await main();
