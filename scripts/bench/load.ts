import { progressLine } from '@jinliu/cli';
import type { Progress } from './progress.ts';

/** What one unit of work ended with; `exhausted` stops the client (a pre-built pool ran out). */
export type StepOutcome = 'ok' | 'error' | 'exhausted';

/** Counts of a load phase. */
export interface LoadResult {
  readonly elapsedMs: number;
  readonly ok: number;
  readonly errors: number;
  /** Open loop only: arrivals not started because too many were still in flight. */
  readonly dropped: number;
  /** True when a pool ran out before the time was up. */
  readonly exhausted: boolean;
}

/** Settings of a closed-loop phase: `clients` workers, each starting its next step when the last ends. */
export interface ClosedLoopOptions {
  readonly label: string;
  readonly clients: number;
  readonly seconds: number;
  /** Stop after this many successful steps (pool building); unlimited when absent. */
  readonly limit?: number;
  readonly step: () => Promise<StepOutcome>;
  readonly progress: Progress;
}

function ticker(
  label: string,
  progress: Progress,
  started: number,
  seconds: number,
  count: () => number,
  limit = Number.POSITIVE_INFINITY,
) {
  let lastCount = 0;
  let lastAt = started;
  return setInterval(() => {
    const now = performance.now();
    const done = count();
    const rate = ((done - lastCount) * 1000) / Math.max(now - lastAt, 1);
    lastCount = done;
    lastAt = now;
    const elapsed = Math.min((now - started) / 1000, seconds);
    // The same bar as the CLI's: by count when building a pool of known size, else by time.
    const bar = Number.isFinite(limit)
      ? progressLine(label, done, limit)
      : `${progressLine(label, Math.round(elapsed), seconds)} s`;
    progress.update(`${bar}, ${done} done, ${rate.toFixed(0)}/s now`);
  }, 1000);
}

/** Runs `clients` concurrent workers for `seconds` (or until the limit or the pool is reached). */
export async function closedLoop(options: ClosedLoopOptions): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let ok = 0;
  let errors = 0;
  let exhausted = false;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const timer = ticker(options.label, options.progress, started, options.seconds, () => ok, limit);
  const worker = async () => {
    while (!exhausted && ok < limit && performance.now() < deadline) {
      const outcome = await options.step();
      if (outcome === 'ok') {
        ok += 1;
      } else if (outcome === 'error') {
        errors += 1;
      } else {
        exhausted = true;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, worker));
  } finally {
    clearInterval(timer);
  }
  return { elapsedMs: performance.now() - started, ok, errors, dropped: 0, exhausted };
}

/** Settings of an open-loop phase: arrivals at a fixed rate, whether or not earlier ones finished. */
export interface OpenLoopOptions {
  readonly label: string;
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly maxInFlight: number;
  readonly step: () => Promise<StepOutcome>;
  readonly progress: Progress;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts steps at `ratePerSecond` (evenly spaced, catching up after timer jitter) for `seconds`,
 * then waits for the ones in flight. Arrivals beyond `maxInFlight` are dropped and counted.
 */
export async function openLoop(options: OpenLoopOptions): Promise<LoadResult> {
  const started = performance.now();
  const durationMs = options.seconds * 1000;
  let launched = 0;
  let inFlight = 0;
  let ok = 0;
  let errors = 0;
  let dropped = 0;
  const running = new Set<Promise<void>>();
  const timer = ticker(options.label, options.progress, started, options.seconds, () => ok);
  try {
    for (;;) {
      const elapsed = performance.now() - started;
      if (elapsed >= durationMs) {
        break;
      }
      const due = Math.floor((elapsed * options.ratePerSecond) / 1000);
      while (launched < due) {
        launched += 1;
        if (inFlight >= options.maxInFlight) {
          dropped += 1;
          continue;
        }
        inFlight += 1;
        const task: Promise<void> = options
          .step()
          .then((outcome) => {
            if (outcome === 'ok') {
              ok += 1;
            } else {
              errors += 1;
            }
          })
          .finally(() => {
            inFlight -= 1;
            running.delete(task);
          });
        running.add(task);
      }
      await sleep(1);
    }
    await Promise.all(running);
  } finally {
    clearInterval(timer);
  }
  return { elapsedMs: performance.now() - started, ok, errors, dropped, exhausted: false };
}
