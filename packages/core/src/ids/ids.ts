import type { Clock, Random } from '../runtime/index.ts';
import { randomDigits, randomFromAlphabet } from '../runtime/index.ts';

/**
 * LINE Pay-shaped 19-digit transaction ids: YYYYMMDD + 9 random digits + a 2-digit kind
 * suffix (payments end in 10, refunds in 11), so the kind is visible in the id and
 * payment and refund ids can never collide.
 */
export type TransactionKind = 'payment' | 'refund';

const suffix: Record<TransactionKind, string> = { payment: '10', refund: '11' };

/** Generates a new transaction id as a bigint (never a Number: it exceeds 2^53). */
export function newTransactionId(clock: Clock, random: Random, kind: TransactionKind): bigint {
  const day = clock.now().toISOString().slice(0, 10).replaceAll('-', '');
  return BigInt(day + randomDigits(random, 9) + suffix[kind]);
}

/** The kind encoded in a transaction id's suffix, or undefined for ids this platform did not make. */
export function transactionKindOf(id: bigint): TransactionKind | undefined {
  const tail = id % 100n;
  return tail === 10n ? 'payment' : tail === 11n ? 'refund' : undefined;
}

const transactionIdPattern = /^\d{1,19}$/;

/** Parses a transaction id from path or query text; undefined when it is not 1–19 digits. */
export function parseTransactionId(text: string): bigint | undefined {
  if (!transactionIdPattern.test(text)) {
    return undefined;
  }
  const value = BigInt(text);
  return value > 0n && value <= 9_223_372_036_854_775_807n ? value : undefined;
}

/** The 12-digit code a user can type in the wallet instead of scanning the QR code. */
export function newPaymentAccessToken(random: Random): string {
  return randomDigits(random, 12);
}

const upperAlnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A preapproved-payment key: "RK" + 13 uppercase alphanumerics (15 chars). */
export function newRegKey(random: Random): string {
  return `RK${randomFromAlphabet(random, upperAlnum, 13)}`;
}

/** True when `text` has the shape of a regKey. */
export function isRegKey(text: string): boolean {
  return /^RK[A-Z0-9]{13}$/.test(text);
}

/** The unguessable id in paymentUrl (base64url of 18 random bytes, no padding). */
export function newReserveId(random: Random): string {
  return Buffer.from(random.bytes(18)).toString('base64url');
}

/** A merchant id for a new sandbox merchant. */
export function newMerchantId(random: Random): string {
  return `M${randomFromAlphabet(random, upperAlnum, 11)}`;
}

/** A 10-digit channel id (first digit non-zero). */
export function newChannelId(random: Random): bigint {
  return BigInt(`1${randomDigits(random, 9)}`);
}

/** A 32-character hex channel secret, like LINE Pay's. */
export function newChannelSecret(random: Random): string {
  return Buffer.from(random.bytes(16)).toString('hex');
}

/** A LINE-style user id: "U" + 32 hex characters. */
export function newUserId(random: Random): string {
  return `U${Buffer.from(random.bytes(16)).toString('hex')}`;
}
