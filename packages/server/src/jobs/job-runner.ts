import type { Clock } from '@jinliu/core';
import { claimDueJobs, completeJob, type Database, failJob, type JobRow } from '@jinliu/db';

/** Handles one job; throwing means "try again later". */
export type JobHandler = (job: JobRow) => Promise<void>;

/** Delay before attempt n+1 after n failures: 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h, 24 h. */
export function retryDelayMs(failedAttempts: number): number {
  const schedule = [10, 30, 120, 600, 1800, 3600, 10_800, 21_600, 43_200, 86_400];
  return (schedule[Math.min(failedAttempts, schedule.length) - 1] ?? 10) * 1000;
}

/** Claims due jobs, runs their handlers, and records success or the next attempt. */
export async function runDueJobs(
  db: Database,
  clock: Clock,
  handlers: Readonly<Record<string, JobHandler>>,
  onError: (job: JobRow, error: unknown) => void,
  batch = 20,
): Promise<number> {
  const jobs = await claimDueJobs(db, clock.now(), batch, 60_000);
  await Promise.all(
    jobs.map(async (job) => {
      const handler = handlers[job.kind];
      try {
        if (!handler) {
          throw new Error(`no handler for job kind ${job.kind}`);
        }
        await handler(job);
        await completeJob(db, job.jobId, clock.now());
      } catch (error) {
        onError(job, error);
        const now = clock.now();
        const retryAt =
          job.attempts < job.maxAttempts ? new Date(now.getTime() + retryDelayMs(job.attempts)) : null;
        await failJob(db, job.jobId, error instanceof Error ? error.message : String(error), retryAt, now);
      }
    }),
  );
  return jobs.length;
}
