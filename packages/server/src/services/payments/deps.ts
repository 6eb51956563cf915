import type { Keyring, Random } from '@jinliu/core';
import type { Database } from '@jinliu/db';
import type { PlatformClock } from '../platform-clock.ts';
import type { SystemAccountDirectory } from '../system-accounts.ts';

/** Timing rules of payments, in milliseconds. */
export interface PaymentTimings {
  readonly requestExpiryMs: number;
  readonly authorizationValidityMs: number;
  readonly refundWindowMs: number;
}

/** What every payment use case is built from (no singletons, no globals). */
export interface PaymentDeps {
  readonly db: Database;
  readonly clock: PlatformClock;
  readonly random: Random;
  readonly keyring: Keyring;
  readonly accounts: SystemAccountDirectory;
  readonly timings: PaymentTimings;
}
