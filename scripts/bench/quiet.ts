import { type CpuShare, cpuBetween, cpuSnapshot } from './proc-stats.ts';
import type { Progress } from './progress.ts';

/** How long a phase waited for the machine to calm down, and the other load it saw last. */
export interface QuietWait {
  readonly waitedSeconds: number;
  readonly otherCores: number;
  readonly busiest: string | undefined;
}

const sampleMs = 2000;
const quietBelowCores = 0.15;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits (at most `maxSeconds`) until processes other than the load generator, the server and
 * the database use under 0.15 of a core, so a phase does not start while another workload
 * shares the cores. Returns what it saw; a phase that starts on a busy machine says so.
 */
export async function waitForQuiet(
  label: string,
  serverPid: number | undefined,
  maxSeconds: number,
  progress: Progress,
): Promise<QuietWait> {
  const started = performance.now();
  for (;;) {
    const before = await cpuSnapshot(serverPid);
    await sleep(sampleMs);
    const share = cpuBetween(before, await cpuSnapshot(serverPid));
    const waitedSeconds = (performance.now() - started) / 1000;
    const top = share.topOthers[0];
    const busiest = top ? `${top.comm} (pid ${top.pid}) ${(top.cores * 100).toFixed(0)}%` : undefined;
    if (share.other < quietBelowCores || waitedSeconds >= maxSeconds) {
      if (share.other >= quietBelowCores) {
        progress.done(
          `${label}: other processes still use ${(share.other * 100).toFixed(0)}% of a core ` +
            `(busiest ${busiest}); measuring anyway`,
        );
      }
      return { waitedSeconds, otherCores: share.other, busiest };
    }
    progress.update(
      `${label}: waiting for the machine to be quiet (other processes ${(share.other * 100).toFixed(0)}%, ` +
        `busiest ${busiest}), ${waitedSeconds.toFixed(0)}/${maxSeconds} s`,
    );
  }
}

/** Other processes using more than this share of a core during a phase make it disturbed. */
export const disturbedAboveCores = 0.2;

/**
 * Runs a measured phase, and runs it again (at most `attempts` times in all) when other
 * processes used more than 0.2 of a core meanwhile; the last run is returned either way.
 */
export async function undisturbed<T extends { readonly cpu: CpuShare }>(
  label: string,
  attempts: number,
  progress: Progress,
  run: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await run();
    if (result.cpu.other <= disturbedAboveCores || attempt >= attempts) {
      return result;
    }
    const top = result.cpu.topOthers[0];
    progress.done(
      `${label}: other processes used ${(result.cpu.other * 100).toFixed(0)}% of a core meanwhile` +
        `${top ? ` (${top.comm} pid ${top.pid})` : ''}; repeating (${attempt + 1}/${attempts})`,
    );
  }
}
