import { Type } from '@sinclair/typebox';
import { failureAnswer } from '../../../plugins/line-pay-envelope.ts';
import { createCampaign, listCampaigns } from '../../../services/mycard/index.ts';
import { campaignInfo } from '../render.ts';
import type { MyCardRoute } from '../route.ts';
import { Campaign, CampaignBody, myCardSchema } from '../schemas.ts';

/** POST /v1/mycard/campaigns — a reward granted once per shopper who binds one of the programs in time. */
export const createCampaignRoute: MyCardRoute = {
  method: 'POST',
  url: '/v1/mycard/campaigns',
  endpoint: 'mycard.createCampaign',
  schema: myCardSchema('Create a campaign', {
    body: CampaignBody,
    info: Campaign,
    description:
      'Programs: your own and those of groups you own. POINTS credit the shopper points account; ' +
      'COUPON puts a coupon in the wallet (redeeming coupons at checkout is not supported yet).',
  }),
  async handle({ channel, body, services }) {
    const r = await createCampaign(services.mycard, channel, body);
    return r.ok ? { code: '0000', info: campaignInfo(r.value) } : failureAnswer(r);
  },
};

/** GET /v1/mycard/campaigns — the merchant's campaigns. */
export const listCampaignsRoute: MyCardRoute = {
  method: 'GET',
  url: '/v1/mycard/campaigns',
  endpoint: 'mycard.listCampaigns',
  schema: myCardSchema('List campaigns', { info: Type.Array(Campaign) }),
  async handle({ channel, services }) {
    return { code: '0000', info: (await listCampaigns(services.mycard, channel)).map(campaignInfo) };
  },
};
