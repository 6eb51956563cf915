import { type Clock, type Keyring, type Random, secureRandom, systemClock } from '@jinliu/core';
import { type Database, type MigrationProgress, migrate, openDatabase } from '@jinliu/db';
import type { Config } from '../config.ts';
import { loadKeyring } from '../security/keyring.ts';
import { memoryNonceStore, type NonceStore, redisNonceStore } from '../security/nonce-store.ts';
import { type ChannelService, createChannelService } from './channels.ts';
import type { MyCardDeps } from './mycard/index.ts';
import type { PaymentDeps } from './payments/index.ts';
import { createPlatformClock, type PlatformClock } from './platform-clock.ts';
import { createSystemAccountDirectory } from './system-accounts.ts';

/** Everything the HTTP faces and jobs use, built once per process. */
export interface Services {
  readonly config: Config;
  readonly db: Database;
  readonly clock: PlatformClock;
  readonly channels: ChannelService;
  readonly payments: PaymentDeps;
  readonly mycard: MyCardDeps;
  readonly nonces: NonceStore;
  close(): Promise<void>;
}

/** Replaceable parts (tests inject a database, a clock, randomness, keys). */
export interface ServiceOverrides {
  readonly db?: Database;
  readonly clock?: Clock;
  readonly random?: Random;
  readonly keyring?: Keyring;
  readonly nonces?: NonceStore;
  readonly onMigration?: MigrationProgress;
}

const day = 86_400_000;

/** Opens storage, applies migrations and wires the services. */
export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const db =
    overrides.db ??
    (await openDatabase({
      ...(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }),
      poolSize: config.dbPoolSize,
    }));
  await migrate(db, overrides.onMigration);
  const clock = await createPlatformClock(db, overrides.clock ?? systemClock);
  const random = overrides.random ?? secureRandom;
  const keyring = overrides.keyring ?? (await loadKeyring(config));
  const nonces =
    overrides.nonces ??
    (config.redisUrl
      ? redisNonceStore(config.redisUrl, config.nonceWindowSeconds)
      : memoryNonceStore(config.nonceWindowSeconds));
  const payments: PaymentDeps = {
    db,
    clock,
    random,
    keyring,
    accounts: createSystemAccountDirectory(db),
    timings: {
      requestExpiryMs: config.requestExpiryMinutes * 60_000,
      authorizationValidityMs: config.authorizationValidityDays * day,
      refundWindowMs: config.refundWindowDays * day,
    },
  };
  return {
    config,
    db,
    clock,
    channels: createChannelService({ db, clock, random, keyring }),
    payments,
    mycard: {
      db,
      clock,
      random,
      keyring,
      publicUrl: config.publicUrl,
      sandbox: config.mode === 'sandbox',
      bindingLifetimeMs: config.mycardBindingMinutes * 60_000,
    },
    nonces,
    async close() {
      await nonces.close();
      await db.close();
    },
  };
}
