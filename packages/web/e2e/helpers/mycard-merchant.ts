// A tiny merchant site for the My Card browser tests, doing what the integration guide asks
// of a merchant: its binding page verifies the token against the program's JWK set with
// WebCrypto, signs the member in with a login form, calls the Apply API signed with its
// channel secret (as in Online v3), and sends the browser back to the callback.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A merchant channel, as the sandbox creates it. */
export interface MerchantChannel {
  readonly channelId: string;
  readonly channelSecret: string;
  readonly merchantId: string;
}

/** A LINE Pay-shaped answer of the merchant API. */
export interface MerchantReply {
  readonly returnCode: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the documented info shape
  readonly info: any;
}

/** The merchant site and its channel on the platform. */
export interface MyCardMerchant {
  readonly name: string;
  readonly url: string;
  readonly channel: MerchantChannel;
  /** Every token verification the binding page made, in order. */
  readonly verifications: boolean[];
  /** Calls the platform's merchant API, signed with the channel secret. */
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<MerchantReply>;
  /** Registers a card program whose binding URL is this site's `/link/{slug}`; returns its info. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read the documented info shape
  createProgram(slug: string, fields: Record<string, unknown>): Promise<any>;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><html lang="en"><meta name="viewport" content="width=device-width">` +
      `<title>${escapeHtml(title)}</title><body style="font-family:sans-serif;margin:24px">` +
      `<h1>${escapeHtml(title)}</h1>${body}</body></html>`,
  );
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** token = Base64Url(ECDSA-P256-SHA256(callback + nonce)), checked against every key of the JWK set. */
async function verifyToken(
  jwksUrl: string,
  callback: string,
  nonce: string,
  token: string,
): Promise<boolean> {
  const res = await fetch(jwksUrl);
  if (!res.ok) {
    return false;
  }
  const { keys } = (await res.json()) as { keys: JsonWebKey[] };
  const signature = Buffer.from(token, 'base64url');
  const message = new TextEncoder().encode(callback + nonce);
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

function callbackUrl(callback: string, token: string, channelId: string, status: string): string {
  const url = new URL(callback);
  url.searchParams.set('token', token);
  url.searchParams.set('channelId', channelId);
  url.searchParams.set('status', status);
  return url.toString();
}

/** Creates a sandbox merchant named `name` on the platform and starts its site on a free port. */
export async function startMyCardMerchant(platformUrl: string, name: string): Promise<MyCardMerchant> {
  const created = await fetch(`${platformUrl}/sandbox/v1/channels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (created.status !== 201) {
    throw new Error(`creating the merchant channel failed: ${created.status} ${await created.text()}`);
  }
  const c = (await created.json()) as {
    channelId: string | number;
    channelSecret: string;
    merchantId: string;
  };
  const channel: MerchantChannel = {
    channelId: String(c.channelId),
    channelSecret: c.channelSecret,
    merchantId: c.merchantId,
  };
  const jwks = new Map<string, string>();
  const verifications: boolean[] = [];

  const call = async (
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body?: unknown,
  ): Promise<MerchantReply> => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const [path = '', query = ''] = pathAndQuery.split('?');
    const nonce = randomUUID();
    const signed = channel.channelSecret + path + (method === 'GET' ? query : payload) + nonce;
    const res = await fetch(`${platformUrl}${pathAndQuery}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-line-channelid': channel.channelId,
        'x-line-authorization-nonce': nonce,
        'x-line-authorization': createHmac('sha256', channel.channelSecret).update(signed).digest('base64'),
      },
      ...(method === 'POST' ? { body: payload } : {}),
    });
    const reply = (await res.json()) as MerchantReply;
    return { returnCode: String(reply.returnCode), info: reply.info };
  };

  const bindingPage = async (req: IncomingMessage, res: ServerResponse, slug: string) => {
    const jwksUrl = jwks.get(slug);
    const form = req.method === 'POST' ? await formOf(req) : new URL(req.url ?? '/', 'http://m').searchParams;
    const token = form.get('token') ?? '';
    const nonce = form.get('nonce') ?? '';
    const callback = form.get('callback') ?? '';
    const verified =
      jwksUrl && token && nonce && URL.canParse(callback)
        ? await verifyToken(jwksUrl ?? '', callback, nonce, token)
        : false;
    verifications.push(verified);
    if (!verified) {
      page(res, 403, 'This link could not be verified', '<p data-verified="false">No card was linked.</p>');
      return;
    }
    if (req.method === 'GET') {
      const hidden = (['token', 'nonce', 'callback'] as const)
        .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(form.get(k) ?? '')}">`)
        .join('');
      page(
        res,
        200,
        `Sign in to ${name}`,
        `<p data-verified="true">Link your ${escapeHtml(name)} membership to your wallet.</p>` +
          `<form method="post">${hidden}` +
          '<p><label>Membership number <input name="member" autocomplete="off" required></label></p>' +
          '<p><label>Password <input name="password" type="password" required></label></p>' +
          '<p><button name="action" value="link">Sign in and link card</button> ' +
          '<button name="action" value="cancel" formnovalidate>Cancel</button></p></form>',
      );
      return;
    }
    if (form.get('action') === 'cancel') {
      res.writeHead(303, { location: callbackUrl(callback, token, channel.channelId, 'CANCEL') }).end();
      return;
    }
    const applied = await call('POST', '/v1/mycard/apply', {
      token,
      membershipCode: form.get('member') ?? '',
      displayName: 'Gold member',
    });
    if (applied.returnCode !== '0000') {
      page(
        res,
        502,
        'Linking failed',
        `<p data-return-code="${escapeHtml(applied.returnCode)}">Try again.</p>`,
      );
      return;
    }
    res
      .writeHead(303, { location: callbackUrl(applied.info.callback, token, channel.channelId, 'SUCCESS') })
      .end();
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://m').pathname;
    const slug = /^\/link\/([a-z0-9-]+)$/.exec(path)?.[1];
    if (!slug || (req.method !== 'GET' && req.method !== 'POST')) {
      page(res, 404, 'Not found', '');
      return;
    }
    bindingPage(req, res, slug).catch((e: unknown) => {
      page(res, 500, 'Merchant error', `<pre>${escapeHtml(String(e))}</pre>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') {
    throw new Error('no merchant port');
  }
  const url = `http://127.0.0.1:${address.port}`;
  return {
    name,
    url,
    channel,
    verifications,
    call,
    async createProgram(slug, fields) {
      const r = await call('POST', '/v1/mycard/programs', { bindingUrl: `${url}/link/${slug}`, ...fields });
      if (r.returnCode !== '0000') {
        throw new Error(`creating program ${slug} failed: ${r.returnCode}`);
      }
      jwks.set(slug, r.info.jwksUrl);
      return r.info;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
