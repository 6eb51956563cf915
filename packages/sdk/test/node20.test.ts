// "Usable from Node 20+": the BUILT package, run by the system's Node 20, completes a payment
// against a running Jinliu.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { reserve, signedIn } from '../../server/test/helpers/mycard.ts';
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

// The merchant's side of a My Card binding on Node 20: WebCrypto verifies the platform's token
// with the program's JWK set, then Apply and the callback URL.
const myCardScript = `
import { bindingCallbackUrl, createClient, verifyBindingToken } from '@jinliu/sdk';
const { JINLIU_URL: baseUrl, CHANNEL_ID: channelId, CHANNEL_SECRET: channelSecret, PROGRAM_ID: programId, BINDING_URL: url } = process.env;
const pay = createClient({ channelId, channelSecret, baseUrl });
const request = await pay.mycard.verifyBindingRequest(programId, url);
const keys = await pay.mycard.keys(programId);
const tampered = await verifyBindingToken({ ...request, nonce: request.nonce + 'x', keys });
const applied = await pay.mycard.apply({ token: request.token, membershipCode: 'NODE20-1' });
const back = bindingCallbackUrl({ callback: applied.callback, token: request.token, channelId, status: 'SUCCESS' });
console.log(JSON.stringify({ node: process.version, status: applied.status, bindingId: applied.bindingId, tampered, back }));
`;

/** Runs `code` with the system Node in the SDK package directory; returns its parsed stdout. */
async function runOnNode20(code: string, env: Record<string, string>): Promise<Record<string, unknown>> {
  const child = spawn(systemNode, ['--input-type=module', '-e', code], {
    cwd: sdkDir,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(exit, 0, err);
  return JSON.parse(out);
}

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
  const result = await runOnNode20(script, { JINLIU_URL: j.baseUrl });
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

it('the built SDK verifies a My Card binding token and applies on the system Node 20', { skip }, async () => {
  const { client, channelId, channelSecret } = await j.newClient();
  const program = await client.mycard.createProgram({
    name: 'Node 20 Club',
    codeType: 'CODE128',
    bindingUrl: 'https://shop.test/mycard/bind',
  });
  const { userId } = await j.sandbox.createUser({ displayName: 'node20' });
  const wallet = await signedIn(j.platform, userId);
  const link = await reserve(wallet, program.programId);
  const result = await runOnNode20(myCardScript, {
    JINLIU_URL: j.baseUrl,
    CHANNEL_ID: channelId,
    CHANNEL_SECRET: channelSecret,
    PROGRAM_ID: program.programId,
    BINDING_URL: link.redirectUrl,
  });
  assert.deepEqual(result, {
    node: systemVersion,
    status: 'APPLIED',
    bindingId: link.bindingId,
    tampered: false,
    back: `${link.callback}?token=${link.token}&channelId=${channelId}&status=SUCCESS`,
  });
  // The browser follows the callback (the test platform's public URL is http://jinliu.test).
  const back = new URL(String(result.back));
  const res = await fetch(`${j.baseUrl}${back.pathname}${back.search}`, { redirect: 'manual' });
  assert.equal(res.headers.get('location'), `/wallet/mycard/cards/${link.bindingId}?result=ACTIVE`);
  const card = await wallet.call('GET', `/api/mycard/cards/${link.bindingId}`);
  assert.equal(card.body.status, 'ACTIVE');
  assert.equal(card.body.membershipCode, 'NODE20-1');
});
