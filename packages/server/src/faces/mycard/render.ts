import { type Currency, formatWireAmount, rawNumber } from '@jinliu/core';
import type { GroupMemberRow, GroupRow, ProgramRow } from '@jinliu/db';
import { wireDate } from '../../plugins/line-pay-envelope.ts';
import type { CampaignView } from '../../services/mycard/index.ts';

/** The URL of a program's JWK set. */
export function jwksUrl(publicUrl: string, programId: string): string {
  return `${publicUrl}/v1/mycard/programs/${programId}/jwks.json`;
}

/** A program as the merchant API shows it (the Apply channel id as a bare integer). */
export function programInfo(p: ProgramRow, publicUrl: string) {
  return {
    programId: p.programId,
    name: p.name,
    logoUrl: p.logoUrl,
    codeType: p.codeType,
    bindingUrl: p.bindingUrl,
    detail: p.detail,
    channelId: p.channelId,
    groupId: p.groupId,
    status: p.status,
    jwksUrl: jwksUrl(publicUrl, p.programId),
    createdAt: wireDate(p.createdAt),
    updatedAt: wireDate(p.updatedAt),
  };
}

/** A group with its members. */
export function groupInfo(g: { group: GroupRow; members: readonly GroupMemberRow[] }) {
  return {
    groupId: g.group.groupId,
    name: g.group.name,
    ownerMerchantId: g.group.ownerMerchantId,
    members: g.members.map((m) => ({
      merchantId: m.merchantId,
      merchantName: m.merchantName,
      status: m.status,
      ...(m.joinedAt ? { joinedAt: wireDate(m.joinedAt) } : {}),
    })),
  };
}

function major(minor: bigint, currency: Currency) {
  return rawNumber(formatWireAmount(minor, currency));
}

/** A campaign, the reward in major units. */
export function campaignInfo(c: CampaignView) {
  return {
    campaignId: c.campaignId,
    name: c.name,
    programIds: c.programIds,
    startsAt: wireDate(c.startsAt),
    endsAt: wireDate(c.endsAt),
    reward: {
      type: c.reward.type,
      amount: major(c.reward.amount, c.reward.currency),
      currency: c.reward.currency,
      ...(c.reward.validDays !== null ? { validDays: c.reward.validDays } : {}),
    },
    createdAt: wireDate(c.createdAt),
  };
}
