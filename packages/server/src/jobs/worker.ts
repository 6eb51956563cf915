import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services/container.ts';
import { sweepExpiredBindings } from '../services/mycard/index.ts';
import { confirmCallbackKind, sweepExpired } from '../services/payments/index.ts';
import { confirmCallbackHandler } from './confirm-callback.ts';
import { runDueJobs } from './job-runner.ts';
import { createMerchantHttp } from './safe-http.ts';

/** A running periodic job. */
export interface Job {
  stop(): Promise<void>;
}

const jobPollMs = 1000;

/**
 * The batch role: expires due requests, authorizations and My Card binding reservations (every
 * sweep interval, after re-reading the shared sandbox clock) and delivers durable jobs (every
 * second). Runs of each loop never overlap; failures are logged and retried on the next tick.
 */
export function startWorker(services: Services, log: FastifyBaseLogger): Job {
  const http = createMerchantHttp({ allowPrivate: services.config.mode === 'sandbox' });
  const handlers = { [confirmCallbackKind]: confirmCallbackHandler(http) };
  const loop = (everyMs: number, name: string, work: () => Promise<void>) => {
    let running: Promise<void> | undefined;
    const timer = setInterval(() => {
      running ??= work()
        .catch((error: unknown) => log.error({ err: error }, `${name} failed; will retry`))
        .finally(() => {
          running = undefined;
        });
    }, everyMs);
    return async () => {
      clearInterval(timer);
      await running;
    };
  };
  const stopSweep = loop(services.config.sweepIntervalSeconds * 1000, 'expiry sweep', async () => {
    await services.clock.refresh();
    const expired = await sweepExpired(services.payments);
    if (expired > 0) {
      log.info({ expired }, 'expired due payments');
    }
    const bindings = await sweepExpiredBindings(services.mycard);
    if (bindings > 0) {
      log.info({ expired: bindings }, 'expired My Card binding reservations');
    }
  });
  const stopJobs = loop(jobPollMs, 'job delivery', async () => {
    await runDueJobs(services.db, services.clock, handlers, (job, error) =>
      log.warn(
        { jobId: String(job.jobId), kind: job.kind, attempt: job.attempts, err: error },
        'job attempt failed',
      ),
    );
  });
  return {
    async stop() {
      await Promise.all([stopSweep(), stopJobs()]);
      await http.close();
    },
  };
}
