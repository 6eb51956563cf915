import type { Keyring, Random } from '@jinliu/core';
import type { Database } from '@jinliu/db';
import type { PlatformClock } from '../platform-clock.ts';

/** What the My Card use cases are built from. */
export interface MyCardDeps {
  readonly db: Database;
  readonly clock: PlatformClock;
  readonly random: Random;
  readonly keyring: Keyring;
  /** Where shoppers reach the platform (the binding callback is built on it). */
  readonly publicUrl: string;
  /** Sandbox mode: plain-http merchant URLs and direct group membership are allowed. */
  readonly sandbox: boolean;
  /** How long a reservation has to be applied and completed (JINLIU_MYCARD_BINDING_MINUTES). */
  readonly bindingLifetimeMs: number;
}
