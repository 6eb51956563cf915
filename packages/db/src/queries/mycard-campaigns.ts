import type { CampaignReward, Currency } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';
import { big, date } from './rows.ts';

/** A campaign as stored (reward amount in minor units). */
export interface CampaignRow {
  readonly campaignId: string;
  readonly merchantId: string;
  readonly name: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly reward: CampaignReward;
  readonly createdAt: Date;
}

function toCampaign(r: Record<string, unknown>): CampaignRow {
  return {
    campaignId: String(r.campaign_id),
    merchantId: String(r.merchant_id),
    name: String(r.name),
    startsAt: date(r.starts_at),
    endsAt: date(r.ends_at),
    reward: {
      type: r.reward_type as CampaignReward['type'],
      amount: big(r.reward_amount),
      currency: r.reward_currency as Currency,
      validDays: r.coupon_days === null || r.coupon_days === undefined ? null : Number(r.coupon_days),
    },
    createdAt: date(r.created_at),
  };
}

/** Creates a campaign with its programs. */
export async function insertCampaign(tx: Sql, c: CampaignRow, programIds: readonly string[]): Promise<void> {
  await tx.query(
    `INSERT INTO mycard_campaigns (campaign_id, merchant_id, name, starts_at, ends_at, reward_type, reward_amount,
       reward_currency, coupon_days, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      c.campaignId,
      c.merchantId,
      c.name,
      c.startsAt,
      c.endsAt,
      c.reward.type,
      c.reward.amount,
      c.reward.currency,
      c.reward.validDays,
      c.createdAt,
    ],
  );
  await tx.query(
    `INSERT INTO mycard_campaign_programs (campaign_id, program_id)
     SELECT $1, unnest($2::text[])`,
    [c.campaignId, programIds],
  );
}

/** The campaigns a program belongs to (open or not: the caller applies the date rule). */
export async function campaignsOfProgram(sql: Sql, programId: string): Promise<CampaignRow[]> {
  const rows = await sql.query(
    `SELECT c.* FROM mycard_campaigns c JOIN mycard_campaign_programs cp USING (campaign_id)
     WHERE cp.program_id = $1 ORDER BY c.created_at, c.campaign_id`,
    [programId],
  );
  return rows.map(toCampaign);
}

/** A merchant's campaigns with their program ids, newest first. */
export async function campaignsOfMerchant(
  sql: Sql,
  merchantId: string,
): Promise<Array<CampaignRow & { programIds: string[] }>> {
  const rows = await sql.query(
    `SELECT c.*, ARRAY(SELECT program_id FROM mycard_campaign_programs cp WHERE cp.campaign_id = c.campaign_id
       ORDER BY program_id) AS program_ids
     FROM mycard_campaigns c WHERE c.merchant_id = $1 ORDER BY c.created_at DESC, c.campaign_id`,
    [merchantId],
  );
  return rows.map((r) => ({ ...toCampaign(r), programIds: (r.program_ids as string[]) ?? [] }));
}

/**
 * Records that a shopper earned a campaign's reward; false when they already had (the primary
 * key makes a concurrent second activation wait for the first and then do nothing).
 */
export async function insertCampaignGrant(
  tx: Sql,
  campaignId: string,
  userId: string,
  bindingId: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO mycard_campaign_grants (campaign_id, user_id, binding_id, granted_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (campaign_id, user_id) DO NOTHING RETURNING campaign_id`,
    [campaignId, userId, bindingId, at],
  );
  return rows.length > 0;
}

/** A coupon in a shopper's wallet, with its campaign and merchant names. */
export interface CouponRow {
  readonly couponId: string;
  readonly userId: string;
  readonly campaignId: string;
  readonly campaignName: string;
  readonly merchantId: string;
  readonly merchantName: string;
  readonly amount: bigint;
  readonly currency: Currency;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/** Issues a coupon. */
export async function insertCoupon(
  tx: Sql,
  c: Omit<CouponRow, 'campaignName' | 'merchantName'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO mycard_coupons (coupon_id, user_id, campaign_id, merchant_id, amount, currency, issued_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.couponId, c.userId, c.campaignId, c.merchantId, c.amount, c.currency, c.issuedAt, c.expiresAt],
  );
}

/** A user's coupons, newest first. */
export async function couponsOf(sql: Sql, userId: string): Promise<CouponRow[]> {
  const rows = await sql.query(
    `SELECT k.*, c.name AS campaign_name, m.name AS merchant_name
     FROM mycard_coupons k JOIN mycard_campaigns c USING (campaign_id) JOIN merchants m ON m.merchant_id = k.merchant_id
     WHERE k.user_id = $1 ORDER BY k.issued_at DESC, k.coupon_id`,
    [userId],
  );
  return rows.map((r) => ({
    couponId: String(r.coupon_id),
    userId: String(r.user_id),
    campaignId: String(r.campaign_id),
    campaignName: String(r.campaign_name),
    merchantId: String(r.merchant_id),
    merchantName: String(r.merchant_name),
    amount: big(r.amount),
    currency: r.currency as Currency,
    issuedAt: date(r.issued_at),
    expiresAt: date(r.expires_at),
  }));
}

/**
 * The platform's promotion account of a currency: the hot (untracked) account campaign points
 * are paid from. It may go negative: that is what the promotions have cost.
 */
export async function ensurePromotionAccount(sql: Sql, currency: Currency): Promise<bigint> {
  await sql.query(
    `INSERT INTO accounts (kind, owner, currency, tracked) VALUES ('mycard_promotion', 'platform', $1, false)
     ON CONFLICT (kind, owner, currency) DO NOTHING`,
    [currency],
  );
  const [r] = await sql.query(
    "SELECT account_id FROM accounts WHERE kind = 'mycard_promotion' AND owner = 'platform' AND currency = $1",
    [currency],
  );
  if (!r) {
    throw new Error(`promotion account ${currency} vanished`);
  }
  return big(r.account_id);
}
