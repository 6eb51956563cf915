import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { it } from 'node:test';
import { createMerchantHttp, isPrivateAddress } from './safe-http.ts';

it('recognises private, loopback and link-local addresses', () => {
  for (const a of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
  ]) {
    assert.equal(isPrivateAddress(a), true, a);
  }
  for (const a of ['8.8.8.8', '172.32.0.1', '100.63.255.255', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
    assert.equal(isPrivateAddress(a), false, a);
  }
});

it('refuses private targets in live mode and reaches them in the sandbox', async () => {
  const server = createServer((_req, res) => {
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const live = createMerchantHttp({ allowPrivate: false });
  const sandbox = createMerchantHttp({ allowPrivate: true });
  try {
    await assert.rejects(live.get(`http://127.0.0.1:${port}/confirm`), /private address/);
    await assert.rejects(live.get(`http://localhost:${port}/confirm`), /private address/);
    assert.deepEqual(await sandbox.get(`http://127.0.0.1:${port}/confirm`), { status: 200 });
  } finally {
    await live.close();
    await sandbox.close();
    server.close();
  }
});
