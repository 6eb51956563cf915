// The README's quick start, pasted into a new file as a newcomer would, runs against the real
// server (started the way `npm start` starts it, on a free port given through JINLIU_URL).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Platform, startPlatform } from '../../web/e2e/helpers/platform.ts';
import { ensureSdkBuilt } from './helpers/built-sdk.ts';

const sdkDir = fileURLToPath(new URL('..', import.meta.url));

/** The first ```js or ```ts block of the SDK README. */
function quickStart(): string {
  const readme = readFileSync(join(sdkDir, 'README.md'), 'utf8');
  const block = /```(?:js|ts)\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'the README has no js/ts code block');
  return block;
}

let platform: Platform;
const file = join(sdkDir, `quickstart-${randomBytes(4).toString('hex')}.mjs`);

before(async () => {
  ensureSdkBuilt();
  platform = await startPlatform();
});
after(async () => {
  rmSync(file, { force: true });
  await platform?.close();
});

it("the README's quick start targets 127.0.0.1:8080, needs no credentials and completes a payment", async () => {
  const code = quickStart();
  assert.match(code, /'http:\/\/127\.0\.0\.1:8080'/);
  assert.doesNotMatch(code, /channelSecret:|CHANNEL_SECRET/);
  const lines = code.split('\n').filter((l) => l.trim() && !l.trim().startsWith('//'));
  assert.ok(lines.length <= 20, `the quick start has ${lines.length} lines`);
  writeFileSync(file, code);
  const child = spawn(process.execPath, [file], {
    cwd: sdkDir,
    env: { PATH: process.env.PATH ?? '', JINLIU_URL: platform.url },
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(exit, 0, out);
  assert.match(out, /^Paid order-\d+: transaction \d{19} \[ \{ method: 'BALANCE', amount: 120 \} \]\n$/);
});
