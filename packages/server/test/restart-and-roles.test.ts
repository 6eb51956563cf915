import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKeyring, manualClock } from '@jinliu/core';
import { dropPostgresSchema, findPaymentById, openDatabase } from '@jinliu/db';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/start-server.ts';
import { requestBody, testEpoch, v3 } from './helpers/test-app.ts';

const keyring = createKeyring(new Map([['test', new Uint8Array(32).fill(4)]]), 'test');

describe('a restart loses nothing; the worker role expires what is due', () => {
  let dir: string;
  let env: Record<string, string>;
  let schema: string | undefined;
  const url = process.env.DATABASE_URL;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jinliu-restart-'));
    env = {
      PORT: '0',
      LOG_LEVEL: 'silent',
      JINLIU_DATA_DIR: join(dir, 'data'),
      JINLIU_SWEEP_INTERVAL_SECONDS: '1',
    };
    if (url) {
      schema = `t_restart_${randomBytes(5).toString('hex')}`;
      await (await openDatabase({ url, schema, poolSize: 1 })).close();
      env.DATABASE_URL = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    if (url && schema) {
      await dropPostgresSchema(url, schema);
    }
  });

  it('keeps channels, payments and balances across a restart', async () => {
    const first = await startServer(loadConfig(env), { keyring });
    const channel = first.seed?.channel;
    assert.ok(channel, 'first start seeds a demo channel');
    const creds = {
      channelId: channel.channelId.toString(),
      channelSecret: channel.channelSecret,
      merchantId: channel.merchantId,
    };
    const app1 = first.app;
    assert.ok(app1);
    const req = await v3(
      { app: app1, channel: creds },
      'POST',
      '/v3/payments/request',
      requestBody('restart-1', 700),
    );
    const id = req.body.info.transactionId as bigint;
    const approved = await app1.inject({
      method: 'POST',
      url: `/sandbox/v1/payments/${id}/approve`,
      payload: '{}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(approved.statusCode, 200);
    await first.close();

    const second = await startServer(loadConfig(env), { keyring });
    try {
      assert.equal(second.seed?.created, false, 'no second seeding');
      assert.equal(
        second.seed?.channel?.channelSecret,
        creds.channelSecret,
        'the demo channel is shown again',
      );
      const app2 = second.app;
      assert.ok(app2);
      const confirm = await v3({ app: app2, channel: creds }, 'POST', `/v3/payments/${id}/confirm`, {
        amount: 700,
        currency: 'TWD',
      });
      assert.equal(confirm.body.returnCode, '0000', confirm.raw);
    } finally {
      await second.close();
    }
  });

  it('the worker sweep expires an authorization when the clock passes its expiry', async () => {
    const clock = manualClock(testEpoch);
    const server = await startServer(loadConfig(env), { keyring, clock });
    try {
      const app = server.app;
      const channel = server.seed?.channel;
      assert.ok(app && channel);
      const creds = {
        channelId: channel.channelId.toString(),
        channelSecret: channel.channelSecret,
        merchantId: channel.merchantId,
      };
      const req = await v3(
        { app, channel: creds },
        'POST',
        '/v3/payments/request',
        requestBody('worker-1', 300, { capture: false }),
      );
      const id = req.body.info.transactionId as bigint;
      await app.inject({
        method: 'POST',
        url: `/sandbox/v1/payments/${id}/approve`,
        payload: '{}',
        headers: { 'content-type': 'application/json' },
      });
      const confirm = await v3({ app, channel: creds }, 'POST', `/v3/payments/${id}/confirm`, {
        amount: 300,
        currency: 'TWD',
      });
      assert.equal(confirm.body.returnCode, '0000');
      clock.advance(6 * 86_400_000);
      let status = '';
      for (let i = 0; i < 40 && status !== 'EXPIRED_AUTHORIZATION'; i += 1) {
        await sleep(100);
        status = (await findPaymentById(server.services.db, id))?.status ?? '';
      }
      assert.equal(status, 'EXPIRED_AUTHORIZATION', 'the periodic sweep (not a reader) expired it');
    } finally {
      await server.close();
    }
  });
});
