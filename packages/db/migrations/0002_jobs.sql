-- Durable jobs: work that must happen after a transaction commits and survive restarts
-- (the SERVER-type confirmUrl call, later webhooks). A job is enqueued in the same
-- transaction as the state change that needs it; workers claim due jobs with SKIP LOCKED.
CREATE TABLE jobs (
  job_id        bigserial PRIMARY KEY,
  kind          text NOT NULL,
  dedupe_key    text NOT NULL,
  payload       jsonb NOT NULL,
  status        text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
  attempts      integer NOT NULL DEFAULT 0,
  max_attempts  integer NOT NULL,
  run_at        timestamptz NOT NULL,
  locked_until  timestamptz,
  last_error    text,
  created_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  CONSTRAINT jobs_once UNIQUE (kind, dedupe_key)
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'PENDING';
