// Enterprise groups (a binding at one member is recognised at all) and campaigns (a reward
// once per shopper, inside the dates, as a balanced ledger entry or a wallet coupon).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  apply,
  bindCard,
  createProgram,
  followCallback,
  type Merchant,
  merchantOf,
  newMerchant,
  newUser,
  payAt,
  reserve,
  signedIn,
} from './helpers/mycard.ts';
import { assertLedgerBalanced, balanceOf, startPlatform, type TestPlatform, v3 } from './helpers/test-app.ts';

async function createGroup(owner: Merchant, name = 'Tea Alliance'): Promise<string> {
  const r = await v3(owner, 'POST', '/v1/mycard/groups', { name });
  assert.equal(r.body.returnCode, '0000', r.raw);
  return r.body.info.groupId;
}

describe('My Card enterprise groups', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform();
  });
  after(async () => {
    await p.close();
  });

  it("a binding made at merchant A's group program shows up in a payment at member merchant B", async () => {
    const a = merchantOf(p);
    const b = await newMerchant(p, 'Tea branch B');
    const outsider = await newMerchant(p, 'Not in the group');
    const groupId = await createGroup(a);
    const added = await v3(a, 'POST', `/v1/mycard/groups/${groupId}/members`, {
      merchantId: b.channel.merchantId,
    });
    assert.equal(added.body.returnCode, '0000', added.raw);
    assert.equal(added.body.info.status, 'ACTIVE', 'sandbox mode: the merchant joins at once');
    const program = await createProgram(a, { name: 'Alliance Card', groupId });
    assert.equal(program.groupId, groupId);
    const user = await newUser(p);
    await bindCard(p, a, program.programId, user, 'ALLY-7');

    const atB = await payAt(b, p, user, `grp-b-${randomBytes(3).toString('hex')}`);
    assert.deepEqual(atB.confirm.body.info.memberships, [
      {
        programId: program.programId,
        programName: 'Alliance Card',
        membershipCode: 'ALLY-7',
        codeType: 'CODE128',
        groupId,
      },
    ]);
    const atOutsider = await payAt(outsider, p, user, `grp-o-${randomBytes(3).toString('hex')}`);
    assert.equal(atOutsider.confirm.body.info.memberships, undefined, 'not recognised outside the group');
    assert.doesNotMatch(atOutsider.confirm.raw, /ALLY-7/);
    const group = await v3(b, 'GET', `/v1/mycard/groups/${groupId}`);
    assert.deepEqual(
      group.body.info.members.map((x: { merchantId: string; status: string }) => [x.merchantId, x.status]),
      [
        [a.channel.merchantId, 'ACTIVE'],
        [b.channel.merchantId, 'ACTIVE'],
      ],
    );
    assert.equal((await v3(outsider, 'GET', `/v1/mycard/groups/${groupId}`)).body.returnCode, '3113');
  });

  it('only the owner adds members; unknown merchants, groups and non-members are refused', async () => {
    const a = merchantOf(p);
    const b = await newMerchant(p, 'Member');
    const c = await newMerchant(p, 'Stranger');
    const groupId = await createGroup(a);
    assert.equal(
      (await v3(b, 'POST', `/v1/mycard/groups/${groupId}/members`, { merchantId: c.channel.merchantId })).body
        .returnCode,
      '3114',
    );
    assert.equal(
      (await v3(a, 'POST', `/v1/mycard/groups/${groupId}/members`, { merchantId: 'MNOSUCHMERCH' })).body
        .returnCode,
      '1104',
    );
    assert.equal(
      (
        await v3(a, 'POST', '/v1/mycard/groups/GRNOSUCHGROUP123/members', {
          merchantId: b.channel.merchantId,
        })
      ).body.returnCode,
      '3113',
    );
    const r = await v3(c, 'POST', '/v1/mycard/programs', {
      name: 'Sneaky',
      codeType: 'QR',
      bindingUrl: 'https://c.example/bind',
      groupId,
    });
    assert.equal(r.body.returnCode, '3115', 'a merchant attaches programs only to groups it belongs to');
  });
});

describe('My Card enterprise groups in live mode', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform({
      env: { JINLIU_MODE: 'live', JINLIU_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` },
    });
  });
  after(async () => {
    await p.close();
  });

  it('a member is invited and joins only when one of its own channels accepts', async () => {
    const a = merchantOf(p);
    const created = await p.services.channels.create({ name: 'Live branch' });
    const b: Merchant = {
      app: p.app,
      channel: {
        channelId: created.channelId.toString(),
        channelSecret: created.channelSecret,
        merchantId: created.merchantId,
      },
    };
    const groupId = await createGroup(a);
    const invited = await v3(a, 'POST', `/v1/mycard/groups/${groupId}/members`, {
      merchantId: b.channel.merchantId,
    });
    assert.equal(invited.body.info.status, 'INVITED');
    const early = await v3(b, 'POST', '/v1/mycard/programs', {
      name: 'Early',
      codeType: 'QR',
      bindingUrl: 'https://b.example/bind',
      groupId,
    });
    assert.equal(early.body.returnCode, '3115', 'an invitation is not membership');
    assert.equal((await v3(a, 'POST', `/v1/mycard/groups/${groupId}/accept`)).body.returnCode, '3115');
    const accepted = await v3(b, 'POST', `/v1/mycard/groups/${groupId}/accept`);
    assert.equal(accepted.body.returnCode, '0000', accepted.raw);
    assert.equal(
      accepted.body.info.members.find((x: { merchantId: string }) => x.merchantId === b.channel.merchantId)
        ?.status,
      'ACTIVE',
    );
    const http = await v3(b, 'POST', '/v1/mycard/programs', {
      name: 'Plain http',
      codeType: 'QR',
      bindingUrl: 'http://b.example/bind',
    });
    assert.equal(http.body.returnCode, '2101', 'live mode wants https binding URLs');
  });
});

describe('My Card campaigns', () => {
  let p: TestPlatform;
  let m: Merchant;
  before(async () => {
    p = await startPlatform();
    m = merchantOf(p);
  });
  after(async () => {
    await p.close();
  });

  async function campaign(
    programIds: string[],
    reward: Record<string, unknown>,
    fromHours = -1,
    toHours = 24,
  ) {
    const now = p.services.clock.now().getTime();
    const r = await v3(m, 'POST', '/v1/mycard/campaigns', {
      name: 'Welcome',
      programIds,
      startsAt: new Date(now + fromHours * 3_600_000).toISOString(),
      endsAt: new Date(now + toHours * 3_600_000).toISOString(),
      reward,
    });
    assert.equal(r.body.returnCode, '0000', r.raw);
    return r.body.info;
  }

  async function grants(campaignId: string, userId: string): Promise<number> {
    const [row] = await p.services.db.query(
      'SELECT count(*) AS n FROM mycard_campaign_grants WHERE campaign_id = $1 AND user_id = $2',
      [campaignId, userId],
    );
    return Number(row?.n);
  }

  it('POINTS: a balanced ledger entry from the promotion account, granted once even after re-binding', async () => {
    const program = await createProgram(m);
    const c = await campaign([program.programId], { type: 'POINTS', amount: 50, currency: 'TWD' });
    assert.deepEqual(c.reward, { type: 'POINTS', amount: 50, currency: 'TWD' });
    const user = await newUser(p);
    const before = await balanceOf(p, user, 'user_points');
    const bindingId = await bindCard(p, m, program.programId, user, 'PTS-1');
    assert.equal(await balanceOf(p, user, 'user_points'), before + 50n);
    const postings = await p.services.db.query(
      `SELECT a.kind, po.amount FROM journal_entries e JOIN postings po USING (entry_id) JOIN accounts a USING (account_id)
       WHERE e.kind = 'points' AND e.ref = $1 ORDER BY po.amount`,
      [`mycard-campaign:${c.campaignId}:${user}`],
    );
    assert.deepEqual(
      postings.map((x) => [x.kind, BigInt(String(x.amount))]),
      [
        ['mycard_promotion', -50n],
        ['user_points', 50n],
      ],
    );
    await assertLedgerBalanced(p);
    // Unbind and bind again: the campaign has already rewarded this shopper.
    const b = await signedIn(p, user);
    assert.equal((await b.call('DELETE', `/api/mycard/cards/${bindingId}`)).status, 200);
    await bindCard(p, m, program.programId, user, 'PTS-1');
    assert.equal(await balanceOf(p, user, 'user_points'), before + 50n);
    assert.equal(await grants(c.campaignId, user), 1);
  });

  it('concurrent activations of two programs of one campaign grant once', async () => {
    const one = await createProgram(m, { name: 'One' });
    const two = await createProgram(m, { name: 'Two' });
    const c = await campaign([one.programId, two.programId], { type: 'POINTS', amount: 30, currency: 'TWD' });
    const user = await newUser(p);
    const b = await signedIn(p, user);
    const links = [await reserve(b, one.programId), await reserve(b, two.programId)];
    for (const [i, link] of links.entries()) {
      assert.equal((await apply(m, link.token, `CC-${i}`)).body.returnCode, '0000');
    }
    const before = await balanceOf(p, user, 'user_points');
    const done = await Promise.all(links.map((link) => followCallback(p, link, m.channel.channelId)));
    assert.deepEqual(
      done.map((d) => d.result),
      ['ACTIVE', 'ACTIVE'],
    );
    assert.equal(await balanceOf(p, user, 'user_points'), before + 30n);
    assert.equal(await grants(c.campaignId, user), 1);
    await assertLedgerBalanced(p);
  });

  it('nothing is granted before the campaign starts or after it ends', async () => {
    const program = await createProgram(m);
    const future = await campaign(
      [program.programId],
      { type: 'POINTS', amount: 10, currency: 'TWD' },
      2,
      48,
    );
    const past = await campaign(
      [program.programId],
      { type: 'POINTS', amount: 10, currency: 'TWD' },
      -48,
      -1,
    );
    const user = await newUser(p);
    const before = await balanceOf(p, user, 'user_points');
    await bindCard(p, m, program.programId, user, 'EARLY-1');
    assert.equal(await balanceOf(p, user, 'user_points'), before);
    assert.equal(await grants(future.campaignId, user), 0);
    assert.equal(await grants(past.campaignId, user), 0);
  });

  it('COUPON: a coupon in the wallet with its expiry, listed by the wallet API', async () => {
    const program = await createProgram(m);
    const c = await campaign([program.programId], {
      type: 'COUPON',
      amount: 100,
      currency: 'TWD',
      validDays: 7,
    });
    const user = await newUser(p);
    await bindCard(p, m, program.programId, user, 'CPN-1');
    const b = await signedIn(p, user);
    const list = await b.call('GET', '/api/mycard/coupons');
    assert.equal(list.status, 200);
    assert.equal(list.body.coupons.length, 1);
    const [coupon] = list.body.coupons;
    assert.equal(coupon.campaignId, c.campaignId);
    assert.equal(coupon.amount, 100);
    assert.equal(coupon.currency, 'TWD');
    assert.equal(coupon.status, 'AVAILABLE');
    assert.equal(new Date(coupon.expiresAt).getTime() - new Date(coupon.issuedAt).getTime(), 7 * 86_400_000);
    p.clock.advance(8 * 86_400_000);
    // Sessions last 7 days on the platform clock too: sign in again.
    const later = await signedIn(p, user);
    assert.equal((await later.call('GET', '/api/mycard/coupons')).body.coupons[0].status, 'EXPIRED');
  });

  it("refuses programs of other merchants and bad campaign bodies; lists the merchant's campaigns", async () => {
    const other = await newMerchant(p, 'Rival');
    const theirs = await createProgram(other);
    const now = p.services.clock.now().getTime();
    const body = {
      name: 'Steal',
      programIds: [theirs.programId],
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      reward: { type: 'POINTS', amount: 1, currency: 'TWD' },
    };
    assert.equal((await v3(m, 'POST', '/v1/mycard/campaigns', body)).body.returnCode, '3111');
    const mine = await createProgram(m);
    const inverted = { ...body, programIds: [mine.programId], endsAt: body.startsAt };
    assert.equal((await v3(m, 'POST', '/v1/mycard/campaigns', inverted)).body.returnCode, '2101');
    const created = await campaign([mine.programId], { type: 'POINTS', amount: 5, currency: 'TWD' });
    const list = await v3(m, 'GET', '/v1/mycard/campaigns');
    assert.equal(list.body.info[0].campaignId, created.campaignId);
    assert.deepEqual(list.body.info[0].programIds, [mine.programId]);
  });
});
