import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freePort, runCli } from './helpers/platform.ts';

const commands = [
  ['start'],
  ['migrate'],
  ['ledger', 'verify'],
  ['channels', 'create'],
  ['pay', 'approve'],
  ['pay', 'cancel'],
  ['clock', 'advance'],
  ['payments', 'show'],
  ['events', 'tail'],
];
const groups = ['ledger', 'channels', 'pay', 'clock', 'payments', 'events'];

describe('jinliu usage and errors', () => {
  it('prints the top usage with every command and the exit codes', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    for (const words of commands) {
      assert.match(r.out, new RegExp(`^  jinliu ${words.join(' ')}\\b`, 'm'), words.join(' '));
    }
    assert.match(r.out, /Exit codes: 0 ok, 1 verification failed \/ not found/);
    assert.match(r.out, /JINLIU_OPS_TOKEN/);
    assert.equal((await runCli(['help'])).code, 0);
    const bare = await runCli([]);
    assert.equal(bare.code, 2);
    assert.match(bare.out, /Usage: jinliu <command>/);
  });

  it('--help on every command and group prints its usage and exits 0', async () => {
    const runs = await Promise.all([
      ...commands.map(async (words) => ({ words, r: await runCli([...words, '--help']) })),
      ...groups.map(async (group) => ({ words: [group], r: await runCli([group, '-h']) })),
      (async () => ({ words: ['pay', 'approve'], r: await runCli(['help', 'pay', 'approve']) }))(),
    ]);
    for (const { words, r } of runs) {
      assert.equal(r.code, 0, `${words.join(' ')}: ${r.err}`);
      assert.match(r.out, new RegExp(`Usage: jinliu ${words.join(' ')}\\b`), words.join(' '));
    }
    const approve = runs.find((x) => x.words.join(' ') === 'pay approve')?.r.out ?? '';
    assert.match(approve, /--user alice\|bob\|carol\|<userId>/);
    assert.match(approve, /--url <base>/);
    const start = runs.find((x) => x.words[0] === 'start')?.r.out ?? '';
    assert.doesNotMatch(start, /--url/, 'local commands take no --url');
  });

  it('exits 2 with a hint on unknown commands, subcommands and flags', async () => {
    const unknown = await runCli(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown command "frobnicate"\. Run "jinliu --help"/);
    const sub = await runCli(['pay', 'aprove', '1']);
    assert.equal(sub.code, 2);
    assert.match(sub.err, /Did you mean "pay approve"\?/);
    const flag = await runCli(['events', 'tail', '--folow']);
    assert.equal(flag.code, 2);
    assert.match(
      flag.err,
      /unknown option --folow\. Did you mean --follow\?\nRun "jinliu events tail --help"/,
    );
    const group = await runCli(['pay']);
    assert.equal(group.code, 2);
    assert.match(group.err, /Usage: jinliu pay <approve\|cancel>/);
    const missing = await runCli(['pay', 'approve']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /jinliu pay approve needs <transactionId>/);
    const extra = await runCli(['payments', 'show', 'a', 'b']);
    assert.equal(extra.code, 2);
    assert.match(extra.err, /unexpected argument "b"/);
    assert.equal((await runCli(['start', '--url', 'http://x'])).code, 2);
  });

  it('exits 2 on a bad duration, with an example', async () => {
    for (const bad of ['90', '1.5h', '20 m', '0s', '1h1h', '5y']) {
      const r = await runCli(['clock', 'advance', bad, '--url', 'http://127.0.0.1:9']);
      assert.equal(r.code, 2, bad);
      assert.match(r.err, /e\.g\. 90s, 20m, 1h30m, 31d or 2w/);
    }
  });

  it('exits 3 with one helpful line when no platform answers', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    for (const args of [
      ['channels', 'create'],
      ['pay', 'approve', '2026112300000000010'],
      ['clock', 'advance', '1m'],
      ['payments', 'show', 'x'],
      ['events', 'tail', '--no-follow'],
    ]) {
      const r = await runCli([...args, '--url', url]);
      assert.equal(r.code, 3, args.join(' '));
      assert.equal(r.err, `No Jinliu at ${url} — start it with \`npm start\`, or pass --url\n`);
    }
    const port = await freePort();
    const byEnv = await runCli(['payments', 'show', 'x'], {
      JINLIU_URL: undefined,
      JINLIU_PUBLIC_URL: undefined,
      PORT: String(port),
    });
    assert.equal(byEnv.code, 3);
    assert.match(byEnv.err, new RegExp(`^No Jinliu at http://127\\.0\\.0\\.1:${port} `));
    const bad = await runCli(['payments', 'show', 'x', '--url', 'ftp://example']);
    assert.equal(bad.code, 2);
  });
});
