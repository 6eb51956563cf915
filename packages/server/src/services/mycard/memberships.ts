import type { CodeType, Keyring } from '@jinliu/core';
import {
  type AccumulatedPayment,
  accumulateMemberships,
  type MembershipRow,
  membershipsAt,
  type Sql,
} from '@jinliu/db';
import { openMembershipCode } from './code-seal.ts';

/** A membership the paying user holds at the paying merchant, as payment answers carry it. */
export interface Membership {
  readonly userId: string;
  readonly bindingId: string;
  readonly programId: string;
  readonly programName: string;
  readonly codeType: CodeType;
  readonly groupId: string | null;
  readonly membershipCode: string;
}

function opened(keyring: Keyring, rows: readonly MembershipRow[]): Membership[] {
  return rows.map((r) => ({
    userId: r.userId,
    bindingId: r.bindingId,
    programId: r.programId,
    programName: r.programName,
    codeType: r.codeType,
    groupId: r.groupId,
    membershipCode: openMembershipCode(keyring, r.bindingId, { keyId: r.codeKeyId, data: r.codeEnc }),
  }));
}

/** The memberships of each user that `merchantId` recognises (its own programs and its groups'), by user. */
export async function membershipsByUser(
  sql: Sql,
  keyring: Keyring,
  userIds: ReadonlyArray<string | null>,
  merchantId: string,
): Promise<Map<string, Membership[]>> {
  const ids = userIds.filter((u): u is string => u !== null);
  const byUser = new Map<string, Membership[]>();
  for (const m of opened(keyring, await membershipsAt(sql, ids, merchantId))) {
    byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  }
  return byUser;
}

/** The memberships one paying user holds at a merchant (none for an unknown user). */
export async function paymentMemberships(
  sql: Sql,
  keyring: Keyring,
  userId: string | null,
  merchantId: string,
): Promise<Membership[]> {
  return userId === null
    ? []
    : ((await membershipsByUser(sql, keyring, [userId], merchantId)).get(userId) ?? []);
}

/**
 * In a capturing payment's transaction: writes a `mycard.accumulate` outbox event per
 * membership of the paying user and returns those memberships for the answer.
 */
export async function accumulateAndList(
  tx: Sql,
  keyring: Keyring,
  payment: AccumulatedPayment,
  at: Date,
): Promise<Membership[]> {
  return opened(keyring, await accumulateMemberships(tx, payment, at));
}
