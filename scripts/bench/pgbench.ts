import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import type { PgbenchOptions } from './options.ts';
import { freshDatabase } from './postgres-admin.ts';
import { cpuBetween, cpuSnapshot, processCpuSeconds } from './proc-stats.ts';
import type { Progress } from './progress.ts';
import { type QuietWait, waitForQuiet } from './quiet.ts';

const run = promisify(execFile);

/** What pgbench measured, and the CPU PostgreSQL and pgbench itself used meanwhile (in cores). */
export interface PgbenchResult extends PgbenchOptions {
  readonly quiet: QuietWait | undefined;
  readonly tps: number;
  readonly latencyAvgMs: number | undefined;
  readonly transactions: number | undefined;
  readonly cpu: { readonly database: number; readonly pgbench: number; readonly machineBusy: number };
}

function numberAfter(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Runs pgbench's TPC-B-like script on a scratch database (created and dropped here) and parses tps. */
export async function runPgbench(
  adminUrl: string,
  name: string,
  options: PgbenchOptions,
  quietWaitSeconds: number,
  progress: Progress,
): Promise<PgbenchResult> {
  const db = await freshDatabase(adminUrl, name);
  try {
    progress.update(`pgbench: initialising scale ${options.scale}`);
    await run('pgbench', ['-i', '-q', '-s', String(options.scale), db.url], { maxBuffer: 16 << 20 });
    const quiet =
      quietWaitSeconds > 0 ? await waitForQuiet('pgbench', undefined, quietWaitSeconds, progress) : undefined;
    const child = spawn(
      'pgbench',
      [
        '-c',
        String(options.clients),
        '-j',
        String(options.threads),
        '-T',
        String(options.seconds),
        '-P',
        '1',
        db.url,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderrTail = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-4000);
      const last = chunk.trim().split('\n').at(-1);
      if (last?.startsWith('progress:')) {
        progress.update(`pgbench -c ${options.clients} -j ${options.threads}: ${last.slice(10)}`);
      }
    });
    // pgbench's backends exit with it, so the CPU is read while it still runs (every 500 ms).
    const before = await cpuSnapshot(undefined);
    let last = before;
    let pgbenchCpu = 0;
    let running = true;
    const pid = child.pid;
    const sampling = (async () => {
      while (running) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const cpu = pid === undefined ? 0 : processCpuSeconds(pid);
        const snapshot = await cpuSnapshot(undefined);
        if (running) {
          pgbenchCpu = Math.max(pgbenchCpu, cpu);
          last = snapshot;
        }
      }
    })();
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    }).finally(() => {
      running = false;
    });
    await sampling;
    if (code !== 0) {
      throw new Error(`pgbench exited with ${code}: ${stderrTail}`);
    }
    const tps = numberAfter(stdout, /tps = ([\d.]+) \(without initial connection time\)/);
    if (tps === undefined) {
      throw new Error(`could not read tps from pgbench output:\n${stdout}`);
    }
    const share = cpuBetween(before, last);
    const elapsed = Math.max((last.at - before.at) / 1000, 1e-3);
    return {
      ...options,
      quiet,
      tps,
      latencyAvgMs: numberAfter(stdout, /latency average = ([\d.]+) ms/),
      transactions: numberAfter(stdout, /number of transactions actually processed: (\d+)/),
      cpu: { database: share.database, pgbench: pgbenchCpu / elapsed, machineBusy: share.machineBusy },
    };
  } finally {
    await db.drop();
  }
}
