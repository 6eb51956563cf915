// My Card test helpers: a wallet browser, a merchant that verifies tokens the way the docs tell
// merchants to (the JWK set through WebCrypto), and the whole binding flow in one call.
import assert from 'node:assert/strict';
import { parseLossless, requestBody, sandbox, type TestPlatform, type V3Reply, v3 } from './test-app.ts';

/** A merchant channel: what `v3()` signs with. */
export interface Merchant {
  readonly app: TestPlatform['app'];
  readonly channel: { channelId: string; channelSecret: string; merchantId: string };
}

/** The platform's own channel as a merchant. */
export function merchantOf(p: TestPlatform): Merchant {
  return { app: p.app, channel: p.channel };
}

/** A new sandbox merchant (its own merchant id) with one channel. */
export async function newMerchant(p: TestPlatform, name = 'Other shop'): Promise<Merchant> {
  const created = await sandbox(p, 'POST', '/sandbox/v1/channels', { name });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return {
    app: p.app,
    channel: {
      channelId: String(created.body.channelId),
      channelSecret: created.body.channelSecret,
      merchantId: created.body.merchantId,
    },
  };
}

/** A second channel of an existing merchant. */
export async function secondChannel(p: TestPlatform, of: Merchant): Promise<Merchant> {
  const c = await p.services.channels.create({ name: 'Second channel', merchantId: of.channel.merchantId });
  return {
    app: p.app,
    channel: { channelId: c.channelId.toString(), channelSecret: c.channelSecret, merchantId: c.merchantId },
  };
}

/** A fresh sandbox test user (so tests do not share cards). */
export async function newUser(p: TestPlatform, displayName = 'shopper'): Promise<string> {
  const created = await sandbox(p, 'POST', '/sandbox/v1/users', { displayName, balance: 10_000, points: 0 });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.userId;
}

/** A wallet browser: keeps the session cookie and sends the CSRF token on state changes. */
export function walletBrowser(p: TestPlatform) {
  const jar = new Map<string, string>();
  let csrf = '';
  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) => {
    const res = await p.app.inject({
      method,
      url,
      headers: {
        ...(jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method !== 'GET' ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const [pair = ''] = c.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const isJson = res.body && res.headers['content-type']?.includes('json');
    // biome-ignore lint/suspicious/noExplicitAny: tests read replies by their documented shape
    const json = isJson ? (parseLossless(res.body) as any) : undefined;
    if (json?.csrfToken) {
      csrf = json.csrfToken;
    }
    return { status: res.statusCode, body: json, headers: res.headers };
  };
  return {
    call,
    async signIn(userId: string) {
      await call('GET', '/api/session');
      const r = await call('POST', '/api/session/sandbox', { userId });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    },
  };
}

/** A wallet browser already signed in as `userId`. */
export async function signedIn(p: TestPlatform, userId: string) {
  const b = walletBrowser(p);
  await b.signIn(userId);
  return b;
}

/** Creates a program through the merchant API; returns its `info`. */
export async function createProgram(
  m: Merchant,
  fields: Record<string, unknown> = {},
): Promise<V3Reply['body']['info']> {
  const r = await v3(m, 'POST', '/v1/mycard/programs', {
    name: 'Tea Club',
    codeType: 'CODE128',
    bindingUrl: 'https://shop.example/mycard/bind?src=linepay',
    logoUrl: 'https://shop.example/logo.png',
    detail: {
      type: 'TEMPLATE',
      benefits: '10% off',
      terms: 'One card per person',
      contact: 'tea@shop.example',
    },
    ...fields,
  });
  assert.equal(r.body.returnCode, '0000', r.raw);
  return r.body.info;
}

/** What the merchant's binding page receives. */
export interface BindingLink {
  readonly bindingId: string;
  readonly redirectUrl: string;
  readonly nonce: string;
  readonly callback: string;
  readonly token: string;
}

/** The wallet reserves a binding; the redirect URL is parsed as the merchant's page would. */
export async function reserve(b: ReturnType<typeof walletBrowser>, programId: string): Promise<BindingLink> {
  const r = await b.call('POST', `/api/mycard/programs/${programId}/bindings`);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const url = new URL(r.body.redirectUrl);
  return {
    bindingId: r.body.bindingId,
    redirectUrl: r.body.redirectUrl,
    nonce: url.searchParams.get('nonce') ?? '',
    callback: url.searchParams.get('callback') ?? '',
    token: url.searchParams.get('token') ?? '',
  };
}

/**
 * What a merchant does with the parameters: fetch the program's JWK set (public, no auth) and
 * verify token = Base64Url(ECDSA-SHA256(callback + nonce)) with WebCrypto against its keys.
 */
export async function merchantVerifies(
  p: TestPlatform,
  programId: string,
  link: BindingLink,
): Promise<boolean> {
  const res = await p.app.inject({ method: 'GET', url: `/v1/mycard/programs/${programId}/jwks.json` });
  assert.equal(res.statusCode, 200, res.body);
  const { keys } = JSON.parse(res.body) as { keys: JsonWebKey[] };
  const signature = Buffer.from(link.token, 'base64url');
  const message = new TextEncoder().encode(link.callback + link.nonce);
  for (const jwk of keys) {
    const key = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'verify',
    ]);
    if (await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, message)) {
      return true;
    }
  }
  return false;
}

/** The merchant's Apply API call. */
export function apply(
  m: Merchant,
  token: string,
  membershipCode: unknown,
  extra: Record<string, unknown> = {},
) {
  return v3(m, 'POST', '/v1/mycard/apply', { token, membershipCode, ...extra });
}

/** The merchant redirects the browser to the callback; returns where the platform sends it next. */
export async function followCallback(
  p: TestPlatform,
  link: Pick<BindingLink, 'callback' | 'token'>,
  channelId: string,
  status = 'SUCCESS',
): Promise<{ status: number; location: string; result: string | null; code: string | null }> {
  const url = new URL(link.callback);
  url.search = new URLSearchParams({ token: link.token, channelId, status }).toString();
  const res = await p.app.inject({ method: 'GET', url: url.pathname + url.search });
  const location = String(res.headers.location ?? '');
  const target = new URL(location, 'http://jinliu.test');
  return {
    status: res.statusCode,
    location,
    result: target.searchParams.get('result'),
    code: target.searchParams.get('code'),
  };
}

/** The whole binding flow for one user; returns the binding id of the ACTIVE card. */
export async function bindCard(
  p: TestPlatform,
  m: Merchant,
  programId: string,
  userId: string,
  membershipCode: string,
): Promise<string> {
  const b = await signedIn(p, userId);
  const link = await reserve(b, programId);
  assert.ok(await merchantVerifies(p, programId, link), 'the token verifies with the JWK set');
  const applied = await apply(m, link.token, membershipCode);
  assert.equal(applied.body.returnCode, '0000', applied.raw);
  const done = await followCallback(p, link, m.channel.channelId);
  assert.equal(done.result, 'ACTIVE', done.location);
  return link.bindingId;
}

/** A binding's row as stored (status, and whether a code is kept). */
export async function bindingRow(
  p: TestPlatform,
  bindingId: string,
): Promise<{ status: string; hasCode: boolean; codeEnc: Buffer | null }> {
  const [row] = await p.services.db.query(
    'SELECT status, code_enc FROM mycard_bindings WHERE binding_id = $1',
    [bindingId],
  );
  assert.ok(row, `binding ${bindingId} exists`);
  const enc = row.code_enc === null ? null : Buffer.from(row.code_enc as Uint8Array);
  return { status: String(row.status), hasCode: enc !== null, codeEnc: enc };
}

/** Requests a payment at `m` and approves it as `userId` (balance); returns the transaction id. */
export async function approvedAt(
  m: Merchant,
  p: TestPlatform,
  userId: string,
  orderId: string,
  amount = 100,
  extra: Parameters<typeof requestBody>[2] = {},
): Promise<bigint> {
  const req = await v3(m, 'POST', '/v3/payments/request', requestBody(orderId, amount, extra));
  assert.equal(req.body.returnCode, '0000', req.raw);
  const id = req.body.info.transactionId as bigint;
  const approved = await sandbox(p, 'POST', `/sandbox/v1/payments/${id}/approve`, { userId });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  return id;
}

/** Pays `amount` at `m` as `userId` (request, approve, confirm); returns the confirm answer. */
export async function payAt(m: Merchant, p: TestPlatform, userId: string, orderId: string, amount = 100) {
  const id = await approvedAt(m, p, userId, orderId, amount);
  const confirm = await v3(m, 'POST', `/v3/payments/${id}/confirm`, { amount, currency: 'TWD' });
  assert.equal(confirm.body.returnCode, '0000', confirm.raw);
  return { id, confirm };
}
