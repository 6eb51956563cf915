// What the shop's use cases are built from: one object, passed in, never a module singleton.
import { randomBytes } from 'node:crypto';
import type { LinePayClient } from '@jinliu/sdk';
import type { ShopClock } from './clock.ts';
import type { ShopDb } from './db.ts';

/** The small logging surface the use cases need (Fastify's pino logger fits it). */
export interface ShopLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** The shop's My Card program (registered on a Jinliu sandbox); absent elsewhere. */
export interface MembershipSetup {
  readonly programId: string;
  /** The shop's channel: the program's Apply channel, named in the binding callback. */
  readonly channelId: string;
  /** Where the wallet lives (binding links come from it and go back to it). */
  readonly walletOrigin: string;
  /** True on a sandbox: the binding page lists the demo members and their passwords. */
  readonly demo: boolean;
}

/** Dependencies of every use case. */
export interface ShopContext {
  readonly db: ShopDb;
  readonly linePay: LinePayClient;
  readonly clock: ShopClock;
  /** Where shoppers reach the shop: LINE Pay sends them back to it. */
  readonly publicUrl: string;
  readonly log: ShopLog;
  /** Random ids (injectable so tests can make them predictable). */
  readonly newId: (prefix: string) => string;
  /** How long a confirmer may hold an order before another may take over. */
  readonly confirmLeaseMs: number;
  /** The card program, when the shop has one: payments then carry members' codes. */
  readonly membership: MembershipSetup | undefined;
}

// Crockford's base 32 without I, L, O, U: easy to read aloud to support.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random id like "JC-7F3K9Q2M8D4W" (60 bits): unguessable, so it can sit in a shopper's link. */
export function randomId(prefix: string): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) {
    out += alphabet[b & 31];
  }
  return `${prefix}-${out}`;
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLog: ShopLog = { info() {}, warn() {}, error() {} };
