import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertLedgerBalanced, startPlatform, type TestPlatform } from './helpers/test-app.ts';

const script = fileURLToPath(new URL('../../../examples/quickstart.mjs', import.meta.url));
let p: TestPlatform;

before(async () => {
  p = await startPlatform({ listen: true });
});
after(async () => {
  await p.close();
});

it("the README's quick-start script completes a payment with line-pay-merchant", async () => {
  const address = p.app.server.address();
  assert.ok(address && typeof address === 'object');
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      JINLIU_URL: `http://127.0.0.1:${address.port}`,
      CHANNEL_ID: p.channel.channelId,
      CHANNEL_SECRET: p.channel.channelSecret,
    },
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, out);
  assert.match(out, /3\. Confirmed: returnCode 0000, paid with \[\{"method":"BALANCE","amount":250\}\]/);
  assert.match(out, /4\. Details: payStatus CAPTURE/);
  assert.match(out, /5\. Refunded 50: refundTransactionId \d{19}/);
  await assertLedgerBalanced(p);
});
