// Runs every unit and integration test with Node's test runner, in parallel files, and the
// browser tests of packages/web (Debian's Chromium; installed here when missing and possible).
// The storage mode follows the environment: DATABASE_URL/REDIS_URL set = PostgreSQL + Redis,
// unset = the embedded database and the in-process nonce store.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const chromium = '/usr/bin/chromium';
// A CJK font so the zh_TW screenshots show characters, not boxes (cosmetic: never required).
const cjkFont = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/** Installs Debian packages with apt-get (root only); true when it worked. */
function aptInstall(packages: readonly string[]): boolean {
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!root || !apt) {
    return false;
  }
  process.stderr.write(`Installing ${packages.join(', ')} with apt-get for the browser tests…\n`);
  const update = spawnSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const install =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', ...packages], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  return install;
}

if (!existsSync(chromium)) {
  if (!aptInstall(['chromium', 'fonts-wqy-microhei']) || !existsSync(chromium)) {
    process.stderr.write(
      `The browser tests need Chromium at ${chromium}: install it with "apt-get install -y chromium" (as root) and run again.\n`,
    );
    process.exit(1);
  }
} else if (!existsSync(cjkFont) && !aptInstall(['fonts-wqy-microhei'])) {
  process.stderr.write(
    'Note: without fonts-wqy-microhei the zh_TW screenshots show boxes instead of characters.\n',
  );
}

// The browser tests need the built web app; build it once here (a no-op when it is fresh).
const built = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit' });
if (built.status !== 0) {
  process.exit(built.status ?? 1);
}

const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
const nonces = process.env.REDIS_URL ? 'Redis' : 'in-process';
process.stderr.write(`Running tests on ${mode} with the ${nonces} nonce store\n`);

const concurrency = Math.max(2, availableParallelism());
const patterns = [
  'packages/*/src/**/*.test.ts',
  'packages/*/test/**/*.test.ts',
  'packages/web/e2e/**/*.test.ts',
  'examples/*/server/**/*.test.ts',
  'examples/*/test/**/*.test.ts',
  'examples/*/e2e/**/*.test.ts',
  ...process.argv.slice(2),
];
const result = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...patterns], {
  stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
