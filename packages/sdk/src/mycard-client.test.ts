import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, it } from 'node:test';
import { createClient } from './client.ts';
import type { JsonWebKey } from './mycard-types.ts';
import { verifySignature } from './signature.ts';

const secret = 'a917ab6a2367b536f8e5a6e2977e06f4';
const callback = 'https://pay.example/mycard/bindings/B7K2M/callback';
const nonce = 'q8Xc1f0aUu2W9sVbZk3hLg';

interface Seen {
  method: string;
  path: string;
  body: string;
  headers: Headers;
}

type Handler = (seen: Seen) => { status?: number; body: unknown } | 'hang';

/** A fetch that records each call and answers from `handler`. */
function server(handler: Handler) {
  const seen: Seen[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const s = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      body: typeof init?.body === 'string' ? init.body : '',
      headers: new Headers(init?.headers),
    };
    seen.push(s);
    const answer = handler(s);
    if (answer === 'hang') {
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    }
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status ?? 200 });
  };
  const client = createClient({
    channelId: '1234567890',
    channelSecret: secret,
    baseUrl: 'http://jinliu.test',
    fetch: fetchImpl,
    nonce: () => `n-${seen.length}`,
  });
  return { client, seen, count: (path: string) => seen.filter((s) => s.path === path).length };
}

const ok = (info?: unknown) => ({ body: { returnCode: '0000', returnMessage: 'Success.', info } });
const code = (returnCode: string) => ({ body: { returnCode, returnMessage: 'refused' } });

function keyPair(kid: string): { privateKey: KeyObject; jwk: JsonWebKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } };
}

function bindingUrl(privateKey: KeyObject, n = nonce): string {
  const token = sign('sha256', Buffer.from(callback + n), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  const q = new URLSearchParams({ nonce: n, callback, token: token.toString('base64url') });
  return `https://shop.test/mycard/bind?${q}`;
}

const jwksPath = '/v1/mycard/programs/CPTEST1/jwks.json';

describe('client.mycard.apply and unbind', () => {
  it('signs the Apply call like Online v3 and returns the binding and its callback', async () => {
    const info = { bindingId: 'B7K2M', status: 'APPLIED', callback };
    const s = server(() => ok(info));
    const r = await s.client.mycard.apply({
      token: 'tok',
      membershipCode: '5901234123457',
      displayName: 'Gold',
    });
    assert.deepEqual(r, info);
    const [sent] = s.seen;
    assert.ok(sent);
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, '/v1/mycard/apply');
    assert.equal(sent.body, '{"token":"tok","membershipCode":"5901234123457","displayName":"Gold"}');
    assert.equal(sent.headers.get('x-line-channelid'), '1234567890');
    const signature = sent.headers.get('x-line-authorization') ?? '';
    const n = sent.headers.get('x-line-authorization-nonce') ?? '';
    assert.ok(
      verifySignature({
        channelSecret: secret,
        path: '/v1/mycard/apply',
        bodyOrQuery: sent.body,
        nonce: n,
        signature,
      }),
    );
  });

  it('a refused Apply is a LinePayError with the platform code, not retryable', async () => {
    const s = server(() => code('3103'));
    await assert.rejects(s.client.mycard.apply({ token: 'tok', membershipCode: 'M1' }), {
      name: 'LinePayError',
      returnCode: '3103',
      endpoint: 'mycard.apply',
      retryable: false,
      httpStatus: 200,
    });
  });

  it('an Apply whose answer is lost is a TIMEOUT, sent once and never re-sent', async () => {
    const s = server(() => 'hang');
    await assert.rejects(s.client.mycard.apply({ token: 'tok', membershipCode: 'M1' }, { timeoutMs: 20 }), {
      returnCode: 'TIMEOUT',
      retryable: false,
    });
    assert.equal(s.seen.length, 1);
  });

  it('refuses a bad Apply or unbind body before sending anything', async () => {
    const s = server(() => ok({}));
    for (const body of [
      {},
      { token: '', membershipCode: 'M' },
      { token: 't' },
      { token: 't', membershipCode: 5 },
    ]) {
      await assert.rejects(s.client.mycard.apply(body as never), { returnCode: 'INVALID_ARGUMENT' });
    }
    await assert.rejects(
      s.client.mycard.apply({ token: 't', membershipCode: 'M', displayName: 3 as never }),
      {
        returnCode: 'INVALID_ARGUMENT',
      },
    );
    for (const body of [{}, { membershipCode: 'M', bindingId: 'B' }, { bindingId: '' }, null]) {
      await assert.rejects(s.client.mycard.unbind(body as never), { returnCode: 'INVALID_ARGUMENT' });
    }
    assert.equal(s.seen.length, 0);
  });

  it('unbinds by membership code or binding id and reports what ended', async () => {
    const unbound = [{ bindingId: 'B1', programId: 'CP1' }];
    const s = server(() => ok({ unbound }));
    assert.deepEqual(await s.client.mycard.unbind({ membershipCode: 'CODE-A' }), { unbound });
    assert.deepEqual(await s.client.mycard.unbind({ bindingId: 'B1' }), { unbound });
    assert.deepEqual(
      s.seen.map((x) => [x.path, x.body]),
      [
        ['/v1/mycard/bindings/unbind', '{"membershipCode":"CODE-A"}'],
        ['/v1/mycard/bindings/unbind', '{"bindingId":"B1"}'],
      ],
    );
    const none = server(() => code('3112'));
    await assert.rejects(none.client.mycard.unbind({ bindingId: 'B1' }), { returnCode: '3112' });
  });
});

describe('client.mycard.keys and verifyBindingRequest', () => {
  it('fetches the public JWK set without signature headers and caches it per program', async () => {
    const a = keyPair('a');
    const s = server(() => ({ body: { keys: [a.jwk] } }));
    assert.deepEqual(await s.client.mycard.keys('CPTEST1'), { keys: [a.jwk] });
    assert.deepEqual(await s.client.mycard.keys('CPTEST1'), { keys: [a.jwk] });
    assert.equal(s.count(jwksPath), 1);
    assert.equal(s.seen[0]?.method, 'GET');
    assert.equal(s.seen[0]?.headers.get('x-line-authorization'), null);
    await s.client.mycard.keys('CPOTHER');
    assert.equal(s.seen.length, 2);
  });

  it('maps an unknown program to its code and a non-set answer to BAD_RESPONSE', async () => {
    const missing = server(() => ({
      status: 404,
      body: { error: { code: '3111', message: 'Card program not found.' } },
    }));
    await assert.rejects(missing.client.mycard.keys('CPNONE1'), {
      returnCode: '3111',
      httpStatus: 404,
      endpoint: 'mycard.keys',
      retryable: false,
    });
    for (const body of [{ keys: [] }, { keys: [{ kty: 'RSA', n: 'x', e: 'AQAB' }] }, 'not json', [1]]) {
      const s = server(() => ({ body }));
      await assert.rejects(
        s.client.mycard.keys('CPTEST1'),
        { returnCode: 'BAD_RESPONSE' },
        JSON.stringify(body),
      );
    }
    await assert.rejects(server(() => ok()).client.mycard.keys('../x'), { returnCode: 'INVALID_ARGUMENT' });
  });

  it('verifies a binding request, and refetches once when the cached set predates a rotation', async () => {
    const a = keyPair('a');
    const b = keyPair('b');
    let published = [a.jwk];
    const s = server(() => ({ body: { keys: published } }));
    const first = await s.client.mycard.verifyBindingRequest('CPTEST1', bindingUrl(a.privateKey));
    assert.equal(first.callback, callback);
    assert.equal(first.nonce, nonce);
    assert.equal(s.count(jwksPath), 1);
    published = [b.jwk, a.jwk];
    const rotated = await s.client.mycard.verifyBindingRequest('CPTEST1', bindingUrl(b.privateKey, 'n2'));
    assert.equal(rotated.nonce, 'n2');
    assert.equal(s.count(jwksPath), 2, 'one refetch');
    await s.client.mycard.verifyBindingRequest('CPTEST1', new URL(bindingUrl(b.privateKey, 'n3')));
    assert.equal(s.count(jwksPath), 2, 'the refreshed set is cached');
  });

  it('throws INVALID_BINDING_TOKEN for a forged token; garbage costs no request', async () => {
    const a = keyPair('a');
    const forger = keyPair('forger');
    const s = server(() => ({ body: { keys: [a.jwk] } }));
    await s.client.mycard.keys('CPTEST1');
    const refused = {
      name: 'LinePayError',
      returnCode: 'INVALID_BINDING_TOKEN',
      endpoint: 'mycard.verifyBindingRequest',
      retryable: false,
    };
    await assert.rejects(
      s.client.mycard.verifyBindingRequest('CPTEST1', bindingUrl(forger.privateKey)),
      refused,
    );
    assert.equal(
      s.count(jwksPath),
      2,
      'a well-formed token that fails with the cached set is checked once more',
    );
    const garbage = `https://shop.test/bind?nonce=n&callback=${encodeURIComponent(callback)}&token=abc`;
    await assert.rejects(s.client.mycard.verifyBindingRequest('CPTEST1', garbage), refused);
    const tampered = new URL(bindingUrl(a.privateKey));
    tampered.searchParams.set('callback', 'https://evil.example/steal');
    await assert.rejects(s.client.mycard.verifyBindingRequest('CPTEST1', tampered), refused);
    assert.equal(s.count(jwksPath), 3);
    await assert.rejects(s.client.mycard.verifyBindingRequest('CPTEST1', 'https://shop.test/bind?nonce=n'), {
      returnCode: 'INVALID_ARGUMENT',
    });
    const fresh = server(() => ({ body: { keys: [a.jwk] } }));
    await assert.rejects(
      fresh.client.mycard.verifyBindingRequest('CPTEST1', bindingUrl(forger.privateKey)),
      refused,
    );
    assert.equal(fresh.count(jwksPath), 1, 'a set fetched for this call is not fetched again');
  });
});

describe('client.mycard card programs', () => {
  const program = {
    programId: 'CPTEST1',
    name: 'Tea Club',
    logoUrl: null,
    codeType: 'EAN13',
    bindingUrl: 'https://shop.test/bind',
    detail: { type: 'TEMPLATE', benefits: '', terms: '', contact: '' },
    channelId: 1234567890,
    groupId: null,
    status: 'ACTIVE',
    jwksUrl: `http://jinliu.test${jwksPath}`,
    createdAt: '2026-11-23T10:00:00+09:00',
    updatedAt: '2026-11-23T10:00:00+09:00',
  };

  it('creates, lists, reads and updates programs with signed calls; channelId comes back a string', async () => {
    const s = server((x) =>
      x.path === '/v1/mycard/programs' && x.method === 'GET' ? ok([program]) : ok(program),
    );
    const body = { name: 'Tea Club', codeType: 'EAN13', bindingUrl: 'https://shop.test/bind' } as const;
    const created = await s.client.mycard.createProgram(body);
    assert.equal(created.channelId, '1234567890');
    assert.equal(created.programId, 'CPTEST1');
    assert.deepEqual(
      (await s.client.mycard.programs()).map((p) => p.channelId),
      ['1234567890'],
    );
    assert.equal((await s.client.mycard.program('CPTEST1')).name, 'Tea Club');
    await s.client.mycard.updateProgram('CPTEST1', { name: 'Tea Club Gold' });
    assert.deepEqual(
      s.seen.map((x) => [x.method, x.path, x.body]),
      [
        ['POST', '/v1/mycard/programs', JSON.stringify(body)],
        ['GET', '/v1/mycard/programs', ''],
        ['GET', '/v1/mycard/programs/CPTEST1', ''],
        ['POST', '/v1/mycard/programs/CPTEST1', '{"name":"Tea Club Gold"}'],
      ],
    );
    for (const x of s.seen) {
      assert.ok(x.headers.get('x-line-authorization'), 'every program call is signed');
    }
    await assert.rejects(s.client.mycard.updateProgram('CPTEST1', {}), { returnCode: 'INVALID_ARGUMENT' });
    await assert.rejects(s.client.mycard.program('CP/../x'), { returnCode: 'INVALID_ARGUMENT' });
    await assert.rejects(s.client.mycard.createProgram({ name: 'x' } as never), {
      returnCode: 'INVALID_ARGUMENT',
    });
    const broken = server(() => ok({ ...program, channelId: 'x'.repeat(0), jwksUrl: undefined }));
    await assert.rejects(broken.client.mycard.program('CPTEST1'), { returnCode: 'BAD_RESPONSE' });
  });

  it('a key rotation replaces the cached keys with the answer', async () => {
    const a = keyPair('a');
    const b = keyPair('b');
    const s = server((x) =>
      x.path.endsWith('/rotate') ? ok({ kid: 'b', keys: [b.jwk, a.jwk] }) : { body: { keys: [a.jwk] } },
    );
    await s.client.mycard.keys('CPTEST1');
    assert.deepEqual(await s.client.mycard.rotateKey('CPTEST1'), { kid: 'b', keys: [b.jwk, a.jwk] });
    assert.deepEqual(await s.client.mycard.keys('CPTEST1'), { keys: [b.jwk, a.jwk] });
    assert.equal(s.count(jwksPath), 1);
  });
});

describe('memberships in payment answers', () => {
  const membership = {
    programId: 'CP1',
    programName: 'Tea Club',
    membershipCode: '5901234123457',
    codeType: 'EAN13',
  };

  it('confirm and check status carry them typed; an answer without them has no field', async () => {
    const s = server((x) =>
      x.path.endsWith('/check')
        ? { body: { returnCode: '0123', returnMessage: 'done', info: { memberships: [membership] } } }
        : ok({ orderId: 'o', transactionId: 1, payInfo: [], memberships: [membership] }),
    );
    assert.deepEqual((await s.client.confirm(1n, { amount: 1, currency: 'TWD' })).memberships, [membership]);
    const status = await s.client.checkPaymentStatus(1n);
    assert.equal(status.status, 'COMPLETED');
    assert.deepEqual(status.memberships, [membership]);
    const plain = server(() => code('0000'));
    assert.equal('memberships' in (await plain.client.checkPaymentStatus(1n)), false);
  });

  it('a malformed memberships field is BAD_RESPONSE', async () => {
    for (const memberships of [{}, [{ programId: 'CP1' }], ['x']]) {
      const s = server(() => ok({ orderId: 'o', transactionId: 1, payInfo: [], memberships }));
      await assert.rejects(s.client.confirm(1n, { amount: 1, currency: 'TWD' }, {}), {
        returnCode: 'BAD_RESPONSE',
      });
    }
  });

  it('My Card calls have their own configurable timeouts', async (t) => {
    const seen: number[] = [];
    const original = AbortSignal.timeout.bind(AbortSignal);
    t.mock.method(AbortSignal, 'timeout', (ms: number) => {
      seen.push(ms);
      return original(ms);
    });
    const base = { channelId: '1', channelSecret: 's', baseUrl: 'http://jinliu.test' };
    const c = createClient({
      ...base,
      fetch: async () => new Response('{}'),
      timeouts: { 'mycard.apply': 1234 },
    });
    await c.mycard.apply({ token: 't', membershipCode: 'm' }).catch(() => undefined);
    await c.mycard.unbind({ bindingId: 'B' }).catch(() => undefined);
    assert.deepEqual(seen, [1234, 20_000]);
    assert.throws(() => createClient({ ...base, timeouts: { 'mycard.nope': 1 } as never }), TypeError);
  });
});
