import { fail, newMyCardId, ok, type Result, readCampaignCreate } from '@jinliu/core';
import { type CampaignRow, campaignsOfMerchant, findGroup, findProgram, insertCampaign } from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import type { MyCardDeps } from './deps.ts';

/** A campaign with its program ids. */
export type CampaignView = CampaignRow & { readonly programIds: readonly string[] };

/**
 * `POST /v1/mycard/campaigns`: bundles programs the caller's merchant may promote — its own
 * and those of groups it owns — with a reward granted once per shopper on binding.
 */
export async function createCampaign(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  body: unknown,
): Promise<Result<CampaignView>> {
  const input = readCampaignCreate(body);
  if (!input.ok) {
    return input;
  }
  const c = input.value;
  for (const programId of c.programIds) {
    const program = await findProgram(deps.db, programId);
    const group = program?.groupId ? await findGroup(deps.db, program.groupId) : undefined;
    const allowed =
      program !== undefined &&
      (program.merchantId === channel.merchantId || group?.ownerMerchantId === channel.merchantId);
    if (!allowed) {
      return fail('3111', `no card program ${programId} of this merchant or of a group it owns`);
    }
  }
  const row: CampaignRow = {
    campaignId: newMyCardId(deps.random, 'campaign'),
    merchantId: channel.merchantId,
    name: c.name,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    reward: c.reward,
    createdAt: deps.clock.now(),
  };
  await deps.db.transaction((tx) => insertCampaign(tx, row, c.programIds));
  return ok({ ...row, programIds: c.programIds });
}

/** `GET /v1/mycard/campaigns`: the caller merchant's campaigns, newest first. */
export async function listCampaigns(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
): Promise<CampaignView[]> {
  return campaignsOfMerchant(deps.db, channel.merchantId);
}
