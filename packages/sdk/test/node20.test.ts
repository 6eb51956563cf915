// "Usable from Node 20+": the BUILT package, run by the system's Node 20, completes a payment
// against a running Jinliu.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ensureSdkBuilt } from './helpers/built-sdk.ts';
import { type Jinliu, startJinliu } from './helpers/jinliu.ts';

const systemNode = '/usr/bin/node';
const sdkDir = fileURLToPath(new URL('..', import.meta.url));

const systemVersion = existsSync(systemNode)
  ? spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim()
  : '';

function node20Skip(): string | undefined {
  if (!existsSync(systemNode)) {
    return `${systemNode} does not exist`;
  }
  const major = Number(/^v(\d+)\./.exec(systemVersion)?.[1]);
  return major >= 20 ? undefined : `${systemNode} is ${systemVersion || 'unreadable'}, not Node 20+`;
}

const skip = node20Skip();

// The script Node 20 runs: only the public entry, imported by its package name.
const script = `
import { buildPaymentRequest, createClient, createSandbox, isLinePayError } from '@jinliu/sdk';
const baseUrl = process.env.JINLIU_URL;
const sandbox = createSandbox({ baseUrl });
const channel = await sandbox.createChannel();
const pay = createClient({ ...channel, baseUrl });
const orderId = 'node20-' + Date.now();
const req = await pay.request(buildPaymentRequest({
  orderId, currency: 'TWD',
  packages: [{ id: 'p', products: [{ name: 'Mug', quantity: 3, price: 120 }] }],
  redirectUrls: { confirmUrl: 'https://shop.test/ok', cancelUrl: 'https://shop.test/no' },
}));
await sandbox.approve(req.transactionId);
const paid = await pay.confirm(req.transactionId, { amount: 360, currency: 'TWD' });
const refund = await pay.refund(req.transactionId, { refundAmount: 60 });
const [detail] = await pay.paymentDetails({ transactionId: [req.transactionId] });
let reuse = 'none';
try { await pay.request(buildPaymentRequest({ orderId, currency: 'TWD', packages: [{ id: 'p', products: [{ name: 'Mug', quantity: 1, price: 1 }] }], redirectUrls: { confirmUrl: 'https://shop.test/ok', cancelUrl: 'https://shop.test/no' } })); }
catch (e) { reuse = isLinePayError(e) ? e.returnCode : String(e); }
console.log(JSON.stringify({
  node: process.version,
  idType: typeof req.transactionId,
  sameId: paid.transactionId === req.transactionId && detail.transactionId === req.transactionId,
  payInfo: paid.payInfo,
  payStatus: detail.payStatus,
  refunds: detail.refundList.map((r) => [r.refundTransactionId === refund.refundTransactionId, r.refundAmount]),
  reuse,
}));
`;

let j: Jinliu;
before(async () => {
  if (!skip) {
    ensureSdkBuilt();
    j = await startJinliu();
  }
});
after(async () => {
  await j?.close();
});

it('the built SDK runs on the system Node 20: request → approve → confirm → details → refund', {
  skip,
}, async () => {
  const child = spawn(systemNode, ['--input-type=module', '-e', script], {
    cwd: sdkDir,
    env: { PATH: process.env.PATH ?? '', JINLIU_URL: j.baseUrl },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, err);
  const result = JSON.parse(out);
  assert.deepEqual(result, {
    node: systemVersion,
    idType: 'bigint',
    sameId: true,
    payInfo: [{ method: 'BALANCE', amount: 360 }],
    payStatus: 'CAPTURE',
    refunds: [[true, -60]],
    reuse: '1172',
  });
});
