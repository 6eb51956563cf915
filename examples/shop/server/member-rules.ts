// The membership rules, pure: member numbers, which membership of a payment is ours, and how many
// points a payment earns.
import type { Membership } from '@jinliu/sdk';

/** Points per NT$10 spent (whole dollars; TWD has no minor unit). */
export const pointsPerTenDollars = 1n;

/** A member number (the membership code): "JC-" and six digits, e.g. JC-000123. */
export function memberNumber(sequence: bigint | number): string {
  const n = BigInt(sequence);
  if (n < 1n || n > 999_999n) {
    throw new RangeError(`member sequence ${n} is outside 1…999999`);
  }
  return `JC-${n.toString().padStart(6, '0')}`;
}

/** True for text shaped like a member number. */
export function isMemberNumber(text: string): boolean {
  return /^JC-\d{6}$/.test(text);
}

/** The points a captured payment of `amount` (minor units) earns: 1 per NT$10, rounded down. */
export function pointsFor(amount: bigint, currency: string): bigint {
  if (currency !== 'TWD' || amount <= 0n) {
    return 0n;
  }
  return (amount / 10n) * pointsPerTenDollars;
}

/**
 * The membership code of the shop's own card program among a payment's memberships (LINE Pay
 * may also name cards of enterprise groups the shop belongs to); undefined when there is none.
 */
export function ownMembershipCode(
  memberships: readonly Membership[] | undefined,
  programId: string | undefined,
): string | undefined {
  if (!programId || !memberships) {
    return undefined;
  }
  return memberships.find((m) => m.programId === programId && typeof m.membershipCode === 'string')
    ?.membershipCode;
}
