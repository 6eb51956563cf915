// Runs a background job every so often, never two runs of it at once, and stops cleanly.
import type { ShopLog } from './context.ts';

/** A running background job. */
export interface Ticker {
  /** Runs the job now (or joins the run in progress) and returns its result. */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Calls `job` every `intervalMs` (0 = only when asked with runNow). */
export function every(name: string, intervalMs: number, job: () => Promise<unknown>, log: ShopLog): Ticker {
  let running: Promise<void> | undefined;
  let stopped = false;
  const runNow = () => {
    running ??= (async () => {
      try {
        await job();
      } catch (e) {
        log.error({ job: name, err: e instanceof Error ? e.message : String(e) }, 'background job failed');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          if (!stopped) {
            void runNow();
          }
        }, intervalMs)
      : undefined;
  timer?.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) {
        clearInterval(timer);
      }
      await running;
    },
  };
}
