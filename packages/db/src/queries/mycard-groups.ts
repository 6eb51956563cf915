import type { Sql } from '../driver/sql.ts';
import { date, dateOrNull } from './rows.ts';

/** An enterprise group. */
export interface GroupRow {
  readonly groupId: string;
  readonly ownerMerchantId: string;
  readonly name: string;
  readonly createdAt: Date;
}

/** A merchant's place in a group: invited (live mode, until it accepts) or active. */
export interface GroupMemberRow {
  readonly groupId: string;
  readonly merchantId: string;
  readonly merchantName: string;
  readonly status: 'INVITED' | 'ACTIVE';
  readonly invitedAt: Date;
  readonly joinedAt: Date | null;
}

/** Creates a group with its owner as its first active member. */
export async function insertGroup(tx: Sql, g: GroupRow): Promise<void> {
  await tx.query(
    'INSERT INTO mycard_groups (group_id, owner_merchant_id, name, created_at) VALUES ($1, $2, $3, $4)',
    [g.groupId, g.ownerMerchantId, g.name, g.createdAt],
  );
  await tx.query(
    `INSERT INTO mycard_group_members (group_id, merchant_id, status, invited_at, joined_at)
     VALUES ($1, $2, 'ACTIVE', $3, $3)`,
    [g.groupId, g.ownerMerchantId, g.createdAt],
  );
}

/** Finds a group. */
export async function findGroup(sql: Sql, groupId: string): Promise<GroupRow | undefined> {
  const [r] = await sql.query('SELECT * FROM mycard_groups WHERE group_id = $1', [groupId]);
  return r
    ? {
        groupId: String(r.group_id),
        ownerMerchantId: String(r.owner_merchant_id),
        name: String(r.name),
        createdAt: date(r.created_at),
      }
    : undefined;
}

/** A group's members, owner first. */
export async function groupMembers(sql: Sql, groupId: string): Promise<GroupMemberRow[]> {
  const rows = await sql.query(
    `SELECT gm.*, m.name AS merchant_name
     FROM mycard_group_members gm JOIN merchants m USING (merchant_id) JOIN mycard_groups g USING (group_id)
     WHERE gm.group_id = $1 ORDER BY (gm.merchant_id = g.owner_merchant_id) DESC, gm.invited_at, gm.merchant_id`,
    [groupId],
  );
  return rows.map((r) => ({
    groupId: String(r.group_id),
    merchantId: String(r.merchant_id),
    merchantName: String(r.merchant_name),
    status: r.status as GroupMemberRow['status'],
    invitedAt: date(r.invited_at),
    joinedAt: dateOrNull(r.joined_at),
  }));
}

/**
 * Adds a merchant to a group as `status` (ACTIVE joins at once, INVITED waits for acceptance);
 * an existing membership is left as it is. Returns the membership's status afterwards.
 */
export async function addGroupMember(
  tx: Sql,
  groupId: string,
  merchantId: string,
  status: 'INVITED' | 'ACTIVE',
  at: Date,
): Promise<'INVITED' | 'ACTIVE'> {
  await tx.query(
    `INSERT INTO mycard_group_members (group_id, merchant_id, status, invited_at, joined_at)
     VALUES ($1, $2, $3, $4, CASE WHEN $3 = 'ACTIVE' THEN $4::timestamptz END)
     ON CONFLICT (group_id, merchant_id) DO NOTHING`,
    [groupId, merchantId, status, at],
  );
  const [r] = await tx.query(
    'SELECT status FROM mycard_group_members WHERE group_id = $1 AND merchant_id = $2',
    [groupId, merchantId],
  );
  return r?.status as 'INVITED' | 'ACTIVE';
}

/** Turns an invitation into an active membership; false when there was no invitation. */
export async function acceptGroupInvite(
  tx: Sql,
  groupId: string,
  merchantId: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE mycard_group_members SET status = 'ACTIVE', joined_at = $3
     WHERE group_id = $1 AND merchant_id = $2 AND status = 'INVITED' RETURNING merchant_id`,
    [groupId, merchantId, at],
  );
  return rows.length > 0;
}

/** True when the merchant is an active member (or the owner) of the group. */
export async function isActiveGroupMember(sql: Sql, groupId: string, merchantId: string): Promise<boolean> {
  const rows = await sql.query(
    "SELECT 1 FROM mycard_group_members WHERE group_id = $1 AND merchant_id = $2 AND status = 'ACTIVE'",
    [groupId, merchantId],
  );
  return rows.length > 0;
}

/** True when the merchant exists. */
export async function merchantExists(sql: Sql, merchantId: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM merchants WHERE merchant_id = $1', [merchantId])).length > 0;
}
