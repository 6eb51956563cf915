// Builds packages/web (the hosted checkout and wallet) when its dist is missing or older than
// its sources; otherwise does nothing. Run by `npm install` (postinstall), `npm start`
// (prestart) and the browser tests. Prints one line saying what it did.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'packages/web');
const distIndex = join(web, 'dist/index.html');
const lockDir = join(web, '.build-lock');
const staleLockMs = 5 * 60_000;

/** Newest modification time under a file or directory. */
function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) {
    return s.mtimeMs;
  }
  let latest = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** Why a build is needed, or undefined when dist is up to date. */
function staleReason(): string | undefined {
  if (!existsSync(distIndex)) {
    return 'dist is missing';
  }
  const built = statSync(distIndex).mtimeMs;
  const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(web, p));
  const changed = inputs.find((p) => existsSync(p) && newest(p) > built);
  return changed ? `${changed.slice(web.length + 1)} changed` : undefined;
}

/** Takes a directory lock so parallel test files never build at the same time. */
async function withLock<T>(run: () => T): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      const age = existsSync(lockDir) ? Date.now() - statSync(lockDir).mtimeMs : 0;
      if (age > staleLockMs) {
        rmSync(lockDir, { recursive: true, force: true });
      } else if (Date.now() - started > staleLockMs) {
        throw new Error(`another build holds ${lockDir}`);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  try {
    return run();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function viteBin(): string | undefined {
  try {
    const pkg = createRequire(join(web, 'package.json')).resolve('vite/package.json');
    return join(dirname(pkg), 'bin/vite.js');
  } catch {
    return undefined;
  }
}

const first = staleReason();
if (!first) {
  console.log('web app: packages/web/dist is up to date');
} else {
  const vite = viteBin();
  if (!vite) {
    // A production install without dev dependencies: the server falls back to its plain pages.
    console.log(`web app: not built (${first}) because vite is not installed; run npm install`);
  } else {
    const line = await withLock(() => {
      const reason = staleReason();
      if (!reason) {
        return 'web app: packages/web/dist was built by another process';
      }
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], {
        cwd: web,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (r.status !== 0) {
        throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
      }
      return `web app: built packages/web/dist in ${((Date.now() - t0) / 1000).toFixed(1)} s (${reason})`;
    }).catch((e: unknown) => {
      console.error(`web app: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
    console.log(line);
  }
}
