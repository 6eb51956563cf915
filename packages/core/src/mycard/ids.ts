import type { Random } from '../runtime/index.ts';
import { randomFromAlphabet } from '../runtime/index.ts';

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** What a My Card id names; the first letters say which (CP, GR, CA, CO, B). */
export type MyCardIdKind = 'program' | 'group' | 'campaign' | 'coupon' | 'binding';

const shapes: Record<MyCardIdKind, { prefix: string; length: number }> = {
  program: { prefix: 'CP', length: 14 },
  group: { prefix: 'GR', length: 14 },
  campaign: { prefix: 'CA', length: 14 },
  coupon: { prefix: 'CO', length: 18 },
  // Binding ids appear in browser URLs: 22 symbols of 32 (110 bits) are not guessable.
  binding: { prefix: 'B', length: 22 },
};

/** A new id of `kind`: its prefix and upper-case letters and digits (no 0/O, 1/I). */
export function newMyCardId(random: Random, kind: MyCardIdKind): string {
  const { prefix, length } = shapes[kind];
  return prefix + randomFromAlphabet(random, alphabet, length);
}

/** A binding nonce: 128 random bits, base64url. */
export function newBindingNonce(random: Random): string {
  return Buffer.from(random.bytes(16)).toString('base64url');
}

/** A key id for a program's signing key (`kid` in the JWK set). */
export function newKeyId(random: Random, at: Date): string {
  return `mc-${at.toISOString().slice(0, 10).replaceAll('-', '')}-${randomFromAlphabet(random, alphabet, 10).toLowerCase()}`;
}
