// Signed v3 attempts and the checks every security test applies to an answer.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { signV3 } from '@jinliu/core';
import {
  approvedPayment,
  parseLossless,
  sandbox,
  startPlatform,
  type TestPlatform,
  type V3Reply,
  v3,
} from './test-app.ts';

/** Channel credentials as a merchant holds them. */
export interface Credentials {
  readonly channelId: string;
  readonly channelSecret: string;
}

/** One hand-built v3 request: what is sent and, separately, what is signed. */
export interface Attempt {
  readonly method?: 'GET' | 'POST';
  /** Path and query exactly as sent. */
  readonly url: string;
  /** Body bytes sent; undefined sends no body at all. */
  readonly body?: string;
  /** Path the signature covers (default: the path sent). */
  readonly signedPath?: string;
  /** Query (GET) or body (POST) the signature covers (default: what is sent). */
  readonly signedPayload?: string;
  readonly nonce?: string;
  /** Secret used to sign (default: the channel's). */
  readonly secret?: string;
  /** X-LINE-ChannelId sent (default: the channel's). */
  readonly channelId?: string;
  readonly omit?: ReadonlyArray<'channelId' | 'nonce' | 'signature'>;
}

export interface Answer extends V3Reply {
  readonly headers: Record<string, string | string[] | number | undefined>;
}

/** Every channel secret handed out in this file; no v3 response may contain any of them. */
export const secrets: string[] = [];
export let nonceSeq = 0;

export function freshNonce(): string {
  nonceSeq += 1;
  return `sec-${process.pid}-${Date.now()}-${nonceSeq}`;
}

/** Asserts what holds for every response: an x-request-id, and no channel secret anywhere. */
export function assertHygiene(raw: string, headers: Answer['headers']): void {
  const requestId = headers['x-request-id'];
  assert.equal(typeof requestId, 'string', `x-request-id missing on ${raw.slice(0, 120)}`);
  assert.match(String(requestId), /^[0-9a-f-]{36}$/);
  const everything = `${raw}\n${JSON.stringify(headers)}`;
  for (const secret of secrets) {
    assert.ok(!everything.includes(secret), 'a response contains a channel secret');
  }
}

export async function send(p: TestPlatform, creds: Credentials, a: Attempt): Promise<Answer> {
  const method = a.method ?? 'POST';
  const [path = '', query = ''] = a.url.split('?');
  const nonce = a.nonce ?? freshNonce();
  const payload = a.signedPayload ?? (method === 'GET' ? query : (a.body ?? ''));
  const signature = signV3(a.secret ?? creds.channelSecret, a.signedPath ?? path, payload, nonce);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const omit = new Set(a.omit ?? []);
  if (!omit.has('channelId')) {
    headers['x-line-channelid'] = a.channelId ?? creds.channelId;
  }
  if (!omit.has('nonce')) {
    headers['x-line-authorization-nonce'] = nonce;
  }
  if (!omit.has('signature')) {
    headers['x-line-authorization'] = signature;
  }
  const res = await p.app.inject({
    method,
    url: a.url,
    headers,
    ...(a.body !== undefined ? { payload: a.body } : {}),
  });
  assertHygiene(res.body, res.headers);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  return {
    status: res.statusCode,
    raw: res.body,
    headers: res.headers,
    body: parseLossless(res.body) as V3Reply['body'],
  };
}

export function assert1106(answer: Answer, label: string): void {
  assert.equal(answer.body.returnCode, '1106', `${label}: ${answer.raw}`);
  assert.equal(answer.body.info, undefined, `${label}: no info on a refusal`);
}

/** Sends raw bytes to the listening server and reads the whole answer (Connection: close). */
export function rawHttp(
  port: number,
  request: string,
): Promise<{ status: number; headers: Map<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks);
      const split = text.indexOf('\r\n\r\n');
      if (split === -1) {
        reject(new Error(`no complete HTTP answer: ${text.toString('utf8')}`));
        return;
      }
      const [statusLine = '', ...lines] = text.subarray(0, split).toString('latin1').split('\r\n');
      const headers = new Map<string, string>();
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const length = Number(headers.get('content-length'));
      assert.ok(Number.isInteger(length), `content-length expected, got ${JSON.stringify([...headers])}`);
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: text.subarray(split + 4, split + 4 + length).toString('utf8'),
      });
    });
    socket.write(request);
  });
}

export function absoluteForm(
  creds: Credentials,
  method: 'GET' | 'POST',
  path: string,
  body: string,
  signedPath = path,
): string {
  const nonce = freshNonce();
  const signature = signV3(creds.channelSecret, signedPath, method === 'GET' ? '' : body, nonce);
  return [
    `${method} https://sandbox-api-pay.line.me${path} HTTP/1.1`,
    'Host: sandbox-api-pay.line.me',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-LINE-ChannelId: ${creds.channelId}`,
    `X-LINE-Authorization-Nonce: ${nonce}`,
    `X-LINE-Authorization: ${signature}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** The platform both security suites start from: two channels and a captured payment of the first. */
export async function startSecurityFixtures(): Promise<{
  p: TestPlatform;
  me: Credentials;
  other: Credentials;
  paid: bigint;
}> {
  const p = await startPlatform({ listen: true });
  const me: Credentials = p.channel;
  const created = await sandbox(p, 'POST', '/sandbox/v1/channels', { name: 'Other shop' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const other: Credentials = {
    channelId: String(created.body.channelId),
    channelSecret: String(created.body.channelSecret),
  };
  assert.notEqual(other.channelId, me.channelId);
  secrets.push(me.channelSecret, other.channelSecret);
  const paid = await approvedPayment(p, 'sec-paid', 1000);
  const confirm = await v3(p, 'POST', `/v3/payments/${paid}/confirm`, { amount: 1000, currency: 'TWD' });
  assert.equal(confirm.body.returnCode, '0000', confirm.raw);
  return { p, me, other, paid };
}
