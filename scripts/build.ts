// Builds what the repo ships as built files, each only when its output is missing or older
// than its sources: the merchant SDK (packages/sdk → dist, so Node 20 users can run it), the
// hosted checkout and wallet (packages/web → dist) and the example shop's front-end
// (examples/shop → dist). Run by `npm install` (postinstall), `npm start` (prestart) and
// the test command. Prints one line per target saying what it did.
//
//   node scripts/build.ts [sdk|web|shop ...]     (no arguments = everything)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const staleLockMs = 5 * 60_000;

type Target = {
  readonly name: string;
  readonly dir: string;
  /** The file whose age says when the target was last built. */
  readonly output: string;
  /** Sources (relative to dir) that make the output stale when newer. */
  readonly inputs: readonly string[];
  /** The build command: [module resolved from dir, ...args]. */
  readonly tool: { readonly resolve: string; readonly bin: string; readonly args: readonly string[] };
};

const targets: readonly Target[] = [
  {
    name: 'sdk',
    dir: 'packages/sdk',
    output: 'dist/index.js',
    inputs: ['src', 'tsconfig.build.json', 'package.json'],
    tool: { resolve: 'typescript/package.json', bin: 'bin/tsc', args: ['-p', 'tsconfig.build.json'] },
  },
  {
    name: 'web',
    dir: 'packages/web',
    output: 'dist/index.html',
    inputs: ['src', 'index.html', 'vite.config.ts', 'package.json'],
    tool: { resolve: 'vite/package.json', bin: 'bin/vite.js', args: ['build', '--logLevel', 'error'] },
  },
  {
    name: 'shop',
    dir: 'examples/shop',
    output: 'dist/index.html',
    inputs: ['client', 'index.html', 'vite.config.ts', 'package.json'],
    tool: { resolve: 'vite/package.json', bin: 'bin/vite.js', args: ['build', '--logLevel', 'error'] },
  },
];

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

/** Why a build is needed, or undefined when the output is up to date. */
function staleReason(t: Target): string | undefined {
  const dir = join(root, t.dir);
  const output = join(dir, t.output);
  if (!existsSync(output)) {
    return `${t.output} is missing`;
  }
  const built = statSync(output).mtimeMs;
  const changed = t.inputs.map((p) => join(dir, p)).find((p) => existsSync(p) && newest(p) > built);
  return changed ? `${changed.slice(dir.length + 1)} changed` : undefined;
}

/** Takes a directory lock so parallel test files never build the same target at once. */
async function withLock<T>(lockDir: string, run: () => T): Promise<T> {
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

function toolPath(t: Target): string | undefined {
  try {
    const pkg = createRequire(join(root, t.dir, 'package.json')).resolve(t.tool.resolve);
    return join(dirname(pkg), t.tool.bin);
  } catch {
    return undefined;
  }
}

/** Builds one target when stale; returns the line to print. */
async function build(t: Target): Promise<string> {
  const first = staleReason(t);
  if (!first) {
    return `${t.name}: ${t.dir}/${t.output} is up to date`;
  }
  const tool = toolPath(t);
  if (!tool) {
    // A production install without dev dependencies: nothing can be built here.
    return `${t.name}: not built (${first}) because ${t.tool.resolve.split('/')[0]} is not installed; run npm install`;
  }
  return withLock(join(root, t.dir, '.build-lock'), () => {
    const reason = staleReason(t);
    if (!reason) {
      return `${t.name}: built by another process`;
    }
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [tool, ...t.tool.args], {
      cwd: join(root, t.dir),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) {
      throw new Error(`build failed (exit ${r.status ?? r.signal})`);
    }
    return `${t.name}: built ${t.dir}/${dirname(t.output)} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${reason})`;
  });
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !targets.some((t) => t.name === w));
if (unknown.length > 0) {
  console.error(
    `Unknown build target ${unknown.join(', ')}; choose from ${targets.map((t) => t.name).join(', ')}.`,
  );
  process.exit(2);
}
for (const t of targets) {
  if ((wanted.length === 0 || wanted.includes(t.name)) && existsSync(join(root, t.dir, 'package.json'))) {
    try {
      console.log(await build(t));
    } catch (e) {
      console.error(`${t.name}: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    }
  }
}
