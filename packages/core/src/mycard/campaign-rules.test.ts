import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { campaignOpen, readCampaignCreate } from './campaign-rules.ts';

const window = { startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: new Date('2026-12-31T00:00:00Z') };

describe('campaign eligibility', () => {
  it('runs from startsAt inclusive to endsAt exclusive', () => {
    assert.equal(campaignOpen(window, new Date('2026-11-30T23:59:59.999Z')), false);
    assert.equal(campaignOpen(window, window.startsAt), true);
    assert.equal(campaignOpen(window, new Date('2026-12-15T12:00:00Z')), true);
    assert.equal(campaignOpen(window, new Date(window.endsAt.getTime() - 1)), true);
    assert.equal(campaignOpen(window, window.endsAt), false);
  });
});

describe('readCampaignCreate', () => {
  const good = {
    name: 'Winter welcome',
    programIds: ['CPAAAA1111', 'CPAAAA1111', 'CPBBBB2222'],
    startsAt: '2026-12-01T00:00:00+08:00',
    endsAt: '2026-12-31T00:00:00Z',
    reward: { type: 'POINTS', amount: 50, currency: 'TWD' },
  };

  it('reads a campaign, converting the reward to minor units and dropping repeated programs', () => {
    const r = readCampaignCreate(good);
    assert.ok(r.ok);
    assert.deepEqual(r.value.programIds, ['CPAAAA1111', 'CPBBBB2222']);
    assert.equal(r.value.startsAt.toISOString(), '2026-11-30T16:00:00.000Z');
    assert.deepEqual(r.value.reward, { type: 'POINTS', amount: 50n, currency: 'TWD', validDays: null });
    const coupon = readCampaignCreate({ ...good, reward: { type: 'COUPON', amount: 1.5, currency: 'USD' } });
    assert.ok(coupon.ok);
    assert.deepEqual(coupon.value.reward, { type: 'COUPON', amount: 150n, currency: 'USD', validDays: 30 });
  });

  it('refuses bad dates, an empty window, bad rewards and no programs', () => {
    const code = (body: unknown) => {
      const r = readCampaignCreate(body);
      return r.ok ? 'ok' : r.code;
    };
    assert.equal(code({ ...good, startsAt: '2026-12-01' }), '2101');
    assert.equal(code({ ...good, endsAt: good.startsAt }), '2101');
    assert.equal(code({ ...good, programIds: [] }), '2101');
    assert.equal(code({ ...good, reward: { type: 'CASH', amount: 1, currency: 'TWD' } }), '2101');
    assert.equal(code({ ...good, reward: { type: 'POINTS', amount: 0, currency: 'TWD' } }), '2101');
    assert.equal(code({ ...good, reward: { type: 'POINTS', amount: 1.5, currency: 'TWD' } }), '1124');
    assert.equal(
      code({ ...good, reward: { type: 'COUPON', amount: 5, currency: 'TWD', validDays: 0 } }),
      '2101',
    );
  });
});
