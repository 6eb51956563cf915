import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services/container.ts';
import { sweepExpired } from '../services/payments/index.ts';

/** A periodic job handle. */
export interface Job {
  stop(): Promise<void>;
}

/**
 * The batch role's expiry job: every interval it re-reads the shared sandbox clock and
 * expires requests and authorizations that are due (releasing holds). Runs never overlap.
 */
export function startExpiryWorker(services: Services, log: FastifyBaseLogger): Job {
  let running: Promise<void> | undefined;
  const tick = async () => {
    try {
      await services.clock.refresh();
      const expired = await sweepExpired(services.payments);
      if (expired > 0) {
        log.info({ expired }, 'expired due payments');
      }
    } catch (error) {
      log.error({ err: error }, 'expiry sweep failed; will retry');
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = undefined;
    });
  }, services.config.sweepIntervalSeconds * 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
