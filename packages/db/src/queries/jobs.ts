import type { Sql } from '../driver/sql.ts';
import { big, json } from './rows.ts';

/** A job as claimed by a worker. */
export interface JobRow {
  readonly jobId: bigint;
  readonly kind: string;
  readonly dedupeKey: string;
  readonly payload: unknown;
  readonly attempts: number;
  readonly maxAttempts: number;
}

/** Enqueues a job once per (kind, dedupeKey); a second enqueue of the same key is a no-op. */
export async function enqueueJob(
  tx: Sql,
  job: { kind: string; dedupeKey: string; payload: unknown; maxAttempts: number; runAt: Date },
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO jobs (kind, dedupe_key, payload, max_attempts, run_at, created_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6) ON CONFLICT (kind, dedupe_key) DO NOTHING`,
    [job.kind, job.dedupeKey, JSON.stringify(job.payload), job.maxAttempts, job.runAt, at],
  );
}

/**
 * Claims up to `limit` due jobs for `leaseMs`: each attempt is counted when claimed, so a
 * worker that dies mid-job leaves it to be retried after the lease, never lost.
 */
export async function claimDueJobs(sql: Sql, now: Date, limit: number, leaseMs: number): Promise<JobRow[]> {
  const rows = await sql.query(
    `UPDATE jobs SET attempts = attempts + 1, locked_until = $3
     WHERE job_id IN (
       SELECT job_id FROM jobs
       WHERE status = 'PENDING' AND run_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
       ORDER BY run_at, job_id LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING job_id, kind, dedupe_key, payload, attempts, max_attempts`,
    [now, limit, new Date(now.getTime() + leaseMs)],
  );
  return rows.map((r) => ({
    jobId: big(r.job_id),
    kind: String(r.kind),
    dedupeKey: String(r.dedupe_key),
    payload: json(r.payload),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
  }));
}

/** Marks a job done. */
export async function completeJob(sql: Sql, jobId: bigint, at: Date): Promise<void> {
  await sql.query(
    "UPDATE jobs SET status = 'DONE', finished_at = $2, locked_until = NULL WHERE job_id = $1",
    [jobId, at],
  );
}

/** Records a failed attempt: retried at `retryAt`, or FAILED for good when `retryAt` is null. */
export async function failJob(
  sql: Sql,
  jobId: bigint,
  error: string,
  retryAt: Date | null,
  at: Date,
): Promise<void> {
  await sql.query(
    `UPDATE jobs SET last_error = $2, locked_until = NULL,
       status = CASE WHEN $3::timestamptz IS NULL THEN 'FAILED' ELSE 'PENDING' END,
       run_at = COALESCE($3::timestamptz, run_at), finished_at = CASE WHEN $3::timestamptz IS NULL THEN $4::timestamptz ELSE NULL END
     WHERE job_id = $1`,
    [jobId, error.slice(0, 1000), retryAt, at],
  );
}

/** A job's state, for tests and operators. */
export async function findJob(
  sql: Sql,
  kind: string,
  dedupeKey: string,
): Promise<{ status: string; attempts: number; lastError: string | null; runAt: Date } | undefined> {
  const [r] = await sql.query(
    'SELECT status, attempts, last_error, run_at FROM jobs WHERE kind = $1 AND dedupe_key = $2',
    [kind, dedupeKey],
  );
  return r
    ? {
        status: String(r.status),
        attempts: Number(r.attempts),
        lastError: (r.last_error as string | null) ?? null,
        runAt: r.run_at instanceof Date ? r.run_at : new Date(String(r.run_at)),
      }
    : undefined;
}
