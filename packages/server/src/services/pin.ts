import { scryptSync, timingSafeEqual } from 'node:crypto';

/** Hashes a payment PIN with scrypt, salted per user. */
export function hashPin(pin: string, userId: string): string {
  return `scrypt:${scryptSync(pin, `jinliu-pin:${userId}`, 32).toString('base64')}`;
}

/** Timing-safe PIN check against a stored hash; false when the user has no PIN. */
export function pinMatches(pin: string, userId: string, stored: string | null): boolean {
  if (!stored || !/^\d{6}$/.test(pin)) {
    return false;
  }
  const a = Buffer.from(hashPin(pin, userId));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Wrong PINs allowed per payment before it is locked. */
export const maxPinFailures = 3;
