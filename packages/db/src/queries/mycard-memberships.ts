import type { CodeType } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';

/** An active binding recognised at a merchant, with its code still sealed. */
export interface MembershipRow {
  readonly userId: string;
  readonly bindingId: string;
  readonly programId: string;
  readonly programName: string;
  readonly codeType: CodeType;
  readonly groupId: string | null;
  readonly codeKeyId: string;
  readonly codeEnc: Uint8Array;
}

// A binding counts at the program's own merchant and at every active member of the program's group.
const recognised = `
  SELECT b.user_id, b.binding_id, p.program_id, p.name AS program_name, p.code_type, p.group_id,
         b.code_key_id, b.code_enc
  FROM mycard_bindings b JOIN mycard_programs p ON p.program_id = b.program_id
  WHERE b.user_id = ANY($1::text[]) AND b.status = 'ACTIVE' AND p.status = 'ACTIVE'
    AND (p.merchant_id = $2 OR EXISTS (
      SELECT 1 FROM mycard_group_members gm
      WHERE gm.group_id = p.group_id AND gm.merchant_id = $2 AND gm.status = 'ACTIVE'))`;

function toMembership(r: Record<string, unknown>): MembershipRow {
  return {
    userId: String(r.user_id),
    bindingId: String(r.binding_id),
    programId: String(r.program_id),
    programName: String(r.program_name),
    codeType: r.code_type as CodeType,
    groupId: (r.group_id as string | null) ?? null,
    codeKeyId: String(r.code_key_id),
    codeEnc: r.code_enc as Uint8Array,
  };
}

/** The active bindings of these users that the merchant recognises, by user then program name. */
export async function membershipsAt(
  sql: Sql,
  userIds: readonly string[],
  merchantId: string,
): Promise<MembershipRow[]> {
  if (userIds.length === 0) {
    return [];
  }
  const rows = await sql.query(
    `${recognised} ORDER BY b.user_id, p.name, p.program_id`,
    [[...new Set(userIds)], merchantId],
    'mycard_memberships_at',
  );
  return rows.map(toMembership);
}

/** The payment an accumulate event reports (amount in minor units). */
export interface AccumulatedPayment {
  readonly userId: string;
  readonly merchantId: string;
  readonly transactionId: bigint;
  readonly orderId: string;
  readonly amount: bigint;
  readonly currency: string;
}

/**
 * In the payment's transaction, writes one `mycard.accumulate` outbox event per recognised
 * binding of the paying user and returns those bindings — one round trip. The event names the
 * binding, never the membership code: the deliverer resolves it.
 */
export async function accumulateMemberships(
  tx: Sql,
  p: AccumulatedPayment,
  at: Date,
): Promise<MembershipRow[]> {
  const rows = await tx.query(
    `WITH m AS (${recognised}),
     o AS (
       INSERT INTO outbox_events (merchant_id, event_type, payload, created_at)
       SELECT $2, 'mycard.accumulate', jsonb_build_object(
         'transactionId', $3::text, 'orderId', $4::text, 'merchantId', $2::text, 'programId', m.program_id,
         'bindingId', m.binding_id, 'amount', $5::text, 'currency', $6::text), $7
       FROM m)
     SELECT * FROM m ORDER BY program_name, program_id`,
    [[p.userId], p.merchantId, p.transactionId.toString(), p.orderId, p.amount.toString(), p.currency, at],
    'mycard_accumulate',
  );
  return rows.map(toMembership);
}
