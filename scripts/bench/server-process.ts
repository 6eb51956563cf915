import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup.ts';

/** The repository root (two levels above this file). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The sandbox channel the platform seeds and prints at start-up. */
export interface DemoChannel {
  readonly channelId: string;
  readonly channelSecret: string;
  readonly merchantId: string;
}

/** How to start the platform child. */
export interface PlatformEnv {
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly redisUrl?: string;
  /** Run the child with --cpu-prof, writing the profile here on exit. */
  readonly cpuProfileDir?: string;
  /** Further Node flags for the child (e.g. --trace-gc when investigating). */
  readonly nodeArgs?: readonly string[];
  /** Receives every stdout line of the child other than the ready line (e.g. --trace-gc output). */
  readonly onLine?: (line: string) => void;
}

/** A running `jinliu start --json` child. */
export interface PlatformProcess {
  readonly pid: number;
  readonly url: string;
  /** Start-up time the platform reports itself (services, migrations, seed, listen). */
  readonly readyMs: number;
  /** Measured here: spawn until the ready line arrived (includes Node start and module loading). */
  readonly spawnToReadyMs: number;
  readonly channel: DemoChannel;
  /** Log lines at warn level and above the server wrote, and the last of them. */
  logSummary(): { readonly warnings: number; readonly errors: number; readonly last: string | undefined };
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') {
    throw new Error('could not find a free port');
  }
  return address.port;
}

interface ReadyLine {
  readonly url: string;
  readonly readyMs: number;
  readonly demoChannel: DemoChannel;
}

function readyLineOf(line: string): ReadyLine | undefined {
  if (!line.startsWith('{')) {
    return undefined;
  }
  try {
    const value = JSON.parse(line) as Partial<ReadyLine>;
    return typeof value.url === 'string' && typeof value.readyMs === 'number' && value.demoChannel
      ? (value as ReadyLine)
      : undefined;
  } catch {
    return undefined;
  }
}

function childEnv(env: PlatformEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'NODE_OPTIONS', 'JINLIU_PUBLIC_URL', 'HOST']) {
    delete out[name];
  }
  Object.assign(out, {
    PORT: String(env.port),
    JINLIU_DATA_DIR: env.dataDir,
    LOG_LEVEL: 'warn',
    JINLIU_MODE: 'sandbox',
    NO_COLOR: '1',
  });
  if (env.databaseUrl) {
    out.DATABASE_URL = env.databaseUrl;
  }
  if (env.redisUrl) {
    out.REDIS_URL = env.redisUrl;
  }
  if (env.cpuProfileDir) {
    out.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${env.cpuProfileDir}`;
  }
  return out;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Spawns `node packages/cli/src/main.ts start --json` and waits for its ready line (60 s at most). */
export async function startPlatform(env: PlatformEnv): Promise<PlatformProcess> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...(env.nodeArgs ?? []), 'packages/cli/src/main.ts', 'start', '--json'],
    {
      cwd: repoRoot,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const forget = onCleanup(`stop server pid ${child.pid}`, () => stopChild(child));
  let warnings = 0;
  let errors = 0;
  let last: string | undefined;
  let stderrTail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });
  const ready = new Promise<ReadyLine>((resolveReady, reject) => {
    // stdout must be drained for the child's whole life, or its writes would block.
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.on('line', (line) => {
      const readyLine = readyLineOf(line);
      if (readyLine) {
        resolveReady(readyLine);
        return;
      }
      env.onLine?.(line);
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (level !== undefined) {
        if (Number(level) >= 50) {
          errors += 1;
        } else {
          warnings += 1;
        }
        last = line.slice(0, 500);
      }
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${stderrTail}`)),
    );
    child.once('error', reject);
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the server was not ready within 60 s:\n${stderrTail}`)),
      60_000,
    );
  });
  let line: ReadyLine;
  try {
    line = await Promise.race([ready, timeout]);
  } catch (error) {
    await stopChild(child);
    forget();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const spawnToReadyMs = performance.now() - started;
  if (child.pid === undefined) {
    throw new Error('the server child has no pid');
  }
  return {
    pid: child.pid,
    url: line.url,
    readyMs: line.readyMs,
    spawnToReadyMs,
    channel: line.demoChannel,
    logSummary: () => ({ warnings, errors, last }),
    async stop() {
      await stopChild(child);
      forget();
    },
  };
}
