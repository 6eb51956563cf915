import { balancedEntry, campaignOpen, InvariantError, newMyCardId } from '@jinliu/core';
import {
  campaignsOfProgram,
  ensureAccount,
  ensurePromotionAccount,
  insertCampaignGrant,
  insertCoupon,
  insertOutboxEvent,
  postEntry,
  type Sql,
} from '@jinliu/db';
import type { MyCardDeps } from './deps.ts';

const day = 86_400_000;

/**
 * Grants the rewards of every campaign that includes the program and runs at `now`, once per
 * shopper per campaign, inside the activation's transaction. POINTS is a balanced journal
 * entry from the platform's promotion account to the shopper's points; COUPON is a coupon in
 * the wallet. Returns the campaign ids granted.
 */
export async function grantCampaignRewards(
  tx: Sql,
  deps: Pick<MyCardDeps, 'random'>,
  b: { bindingId: string; userId: string; programId: string },
  now: Date,
): Promise<string[]> {
  const granted: string[] = [];
  for (const c of await campaignsOfProgram(tx, b.programId)) {
    if (!campaignOpen(c, now) || !(await insertCampaignGrant(tx, c.campaignId, b.userId, b.bindingId, now))) {
      continue;
    }
    const { reward } = c;
    if (reward.type === 'POINTS') {
      const points = await ensureAccount(tx, 'user_points', b.userId, reward.currency);
      const promotion = await ensurePromotionAccount(tx, reward.currency);
      const entry = balancedEntry('points', `mycard-campaign:${c.campaignId}:${b.userId}`, [
        { accountId: points, amount: reward.amount },
        { accountId: promotion, amount: -reward.amount },
      ]);
      const posted = await postEntry(tx, entry, reward.currency, null, now, new Set([points]));
      if (!posted.ok) {
        throw new InvariantError('a points credit was refused');
      }
    } else {
      await insertCoupon(tx, {
        couponId: newMyCardId(deps.random, 'coupon'),
        userId: b.userId,
        campaignId: c.campaignId,
        merchantId: c.merchantId,
        amount: reward.amount,
        currency: reward.currency,
        issuedAt: now,
        expiresAt: new Date(now.getTime() + (reward.validDays ?? 30) * day),
      });
    }
    await insertOutboxEvent(
      tx,
      c.merchantId,
      'mycard.campaign_granted',
      {
        campaignId: c.campaignId,
        bindingId: b.bindingId,
        programId: b.programId,
        rewardType: reward.type,
        amount: reward.amount.toString(),
        currency: reward.currency,
      },
      now,
    );
    granted.push(c.campaignId);
  }
  return granted;
}
