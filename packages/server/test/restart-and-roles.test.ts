import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKeyring, manualClock } from '@jinliu/core';
import { dropPostgresSchema, findJob, findPaymentById, openDatabase } from '@jinliu/db';
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

  it('a pending confirmUrl call survives a restart and is delivered by the next process', async () => {
    let healthy = false;
    const calls: string[] = [];
    const merchant = createServer((req, res) => {
      calls.push(req.url ?? '');
      res.statusCode = healthy ? 200 : 503;
      res.end();
    });
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;
    const clock = manualClock(testEpoch);
    try {
      const first = await startServer(loadConfig(env), { keyring, clock });
      let id: bigint;
      try {
        const app = first.app;
        const channel = first.seed?.channel;
        assert.ok(app && channel);
        const creds = {
          channelId: channel.channelId.toString(),
          channelSecret: channel.channelSecret,
          merchantId: channel.merchantId,
        };
        const req = await v3({ app, channel: creds }, 'POST', '/v3/payments/request', {
          ...requestBody('restart-cb', 100),
          redirectUrls: {
            confirmUrl: `${base}/confirm`,
            confirmUrlType: 'SERVER',
            cancelUrl: `${base}/cancel`,
          },
        });
        id = req.body.info.transactionId as bigint;
        await app.inject({
          method: 'POST',
          url: `/sandbox/v1/payments/${id}/approve`,
          payload: '{}',
          headers: { 'content-type': 'application/json' },
        });
        for (let i = 0; i < 40 && calls.length === 0; i += 1) {
          await sleep(100);
        }
        assert.equal(calls.length, 1, 'the first process tried once and the merchant failed');
      } finally {
        await first.close();
      }
      healthy = true;
      clock.advance(11_000);
      const second = await startServer(loadConfig(env), { keyring, clock });
      try {
        let status = '';
        for (let i = 0; i < 40 && status !== 'DONE'; i += 1) {
          await sleep(100);
          status = (await findJob(second.services.db, 'confirm-callback', id.toString()))?.status ?? '';
        }
        assert.equal(status, 'DONE');
        assert.equal(calls.length, 2);
        assert.equal(calls[1], `/confirm?transactionId=${id}&orderId=restart-cb`);
      } finally {
        await second.close();
      }
    } finally {
      merchant.close();
    }
  });
});
