import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { parseIds, runCli, startTestPlatform, type TestPlatform } from './helpers/platform.ts';

// Its own platform: moving the clock would expire other files' waiting requests.
let p: TestPlatform;
before(async () => {
  p = await startTestPlatform();
});
after(async () => {
  await p.close();
});

it('clock advance 21m expires a waiting request', async () => {
  const created = await runCli(['channels', 'create', '--json', '--url', p.url]);
  assert.equal(created.code, 0, created.err);
  const channel = JSON.parse(created.out);
  const id = await p.request(channel, 'cli-clock-1', 100);
  assert.equal((await p.v3(channel, 'GET', `/v3/payments/requests/${id}/check`)).returnCode, '0000');

  const early = await runCli(['clock', 'advance', '19m', '--json', '--url', p.url]);
  assert.equal(early.code, 0, early.err);
  assert.equal(JSON.parse(early.out).expired, 0);
  assert.equal((await p.v3(channel, 'GET', `/v3/payments/requests/${id}/check`)).returnCode, '0000');

  const r = await runCli(['clock', 'advance', '2m', '--url', p.url]);
  assert.equal(r.code, 0, r.err);
  assert.match(
    r.out,
    /Clock advanced 2m: platform time \d{4}-\d\d-\d\dT[\d:.]+Z \(21m\d*s? ahead of real time\)\.\n\s+1 payment expired\./,
  );
  assert.equal((await p.v3(channel, 'GET', `/v3/payments/requests/${id}/check`)).returnCode, '0121');
  const shown = parseIds((await runCli(['payments', 'show', id, '--json', '--url', p.url])).out) as {
    payments: Array<{ state: string }>;
  };
  assert.equal(shown.payments[0]?.state, 'EXPIRED');

  const bad = await runCli(['clock', 'advance', '21 minutes', '--url', p.url]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /Bad duration "21 minutes".*e\.g\. 90s, 20m, 1h30m, 31d or 2w/);
});
