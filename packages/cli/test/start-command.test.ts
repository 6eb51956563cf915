import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { childEnv, privateStorage } from './helpers/platform.ts';

const cli = fileURLToPath(new URL('../src/main.ts', import.meta.url));

it('start seeds the sandbox with a progress bar, serves, and stops with exit 0 on SIGTERM', async () => {
  const storage = await privateStorage();
  try {
    const child = spawn(process.execPath, [cli, 'start', '--json'], {
      env: childEnv({
        ...storage.env,
        JINLIU_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 4).toString('base64')}`,
      }),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!out.includes('\n')) {
      assert.ok(Date.now() < deadline, `not ready in 60 s: ${err}`);
      assert.equal(child.exitCode, null, `exited early: ${err}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ready = JSON.parse(out);
    assert.equal(ready.url, storage.env.JINLIU_PUBLIC_URL);
    assert.match(ready.demoChannel.channelId, /^\d{10}$/);
    // Off a terminal the bar is printed once, complete: 3 test users + the demo channel.
    assert.match(err, /^Seeding demo channel █{24} 4\/4$/m);
    const health = await fetch(`${ready.url}/healthz`);
    assert.equal(health.status, 200);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    await storage.dispose();
  }
});
