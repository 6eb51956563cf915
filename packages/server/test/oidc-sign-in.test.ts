import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Provider from 'oidc-provider';
import { startPlatform, type TestPlatform } from './helpers/test-app.ts';

/** Follows a browser through the provider: a tiny cookie jar and manual redirects. */
class Jar {
  cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
}

describe('wallet sign-in through an OpenID Connect provider', () => {
  let provider: Server;
  let issuer = '';
  let p: TestPlatform;

  before(async () => {
    // The issuer identifier must match the URL it is served at, so pick the port first.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    issuer = `http://127.0.0.1:${port}`;
    const oidc = new Provider(issuer, {
      clients: [
        {
          client_id: 'jinliu-wallet',
          client_secret: 'a-secret-of-at-least-32-characters!!',
          redirect_uris: ['http://jinliu.test/api/session/oidc/callback'],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], profile: ['name'] },
      findAccount: async (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: async () => ({ sub: id, name: 'Olivia OIDC' }),
      }),
      features: { devInteractions: { enabled: true } },
    });
    provider = oidc.listen(port);
    await new Promise((resolve) => provider.once('listening', resolve));
    p = await startPlatform({
      env: {
        JINLIU_OIDC_ISSUER: issuer,
        JINLIU_OIDC_CLIENT_ID: 'jinliu-wallet',
        JINLIU_OIDC_CLIENT_SECRET: 'a-secret-of-at-least-32-characters!!',
      },
    });
  });
  after(async () => {
    await p.close();
    provider.close();
  });

  it('signs a shopper in, creates the wallet user, and asks for a PIN before paying', async () => {
    let platformCookie = '';
    const start = await p.app.inject({
      method: 'GET',
      url: '/api/session/oidc/start?returnTo=/wallet/pay/abc',
    });
    assert.equal(start.statusCode, 302);
    platformCookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
    let location = String(start.headers.location);
    assert.ok(location.startsWith(`${issuer}/auth?`), location);
    assert.match(location, /code_challenge_method=S256/);

    // The shopper signs in at the provider (its development login form) and consents.
    const jar = new Jar();
    for (let step = 0; step < 10 && location.startsWith(issuer); step += 1) {
      const res = await fetch(location, { headers: { cookie: jar.header() }, redirect: 'manual' });
      jar.take(res);
      if (res.status >= 300 && res.status < 400) {
        location = new URL(res.headers.get('location') ?? '', location).href;
        continue;
      }
      const html = await res.text();
      const action = new URL(/action="([^"]+)"/.exec(html)?.[1] ?? '', location).href;
      const form = html.includes('name="login"')
        ? new URLSearchParams({ prompt: 'login', login: 'olivia', password: 'any' })
        : new URLSearchParams({ prompt: 'consent' });
      const posted = await fetch(action, {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        redirect: 'manual',
      });
      jar.take(posted);
      location = new URL(posted.headers.get('location') ?? '', action).href;
    }
    assert.ok(location.startsWith('http://jinliu.test/api/session/oidc/callback?'), location);

    const callback = await p.app.inject({
      method: 'GET',
      url: location.replace('http://jinliu.test', ''),
      headers: { cookie: platformCookie },
    });
    assert.equal(callback.statusCode, 302, callback.body);
    assert.equal(callback.headers.location, '/wallet/pay/abc');
    const cookies = ([] as string[]).concat(callback.headers['set-cookie'] ?? []);
    const session =
      cookies.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('jinliu_session=')) ?? '';
    const me = await p.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session } });
    const body = me.json() as {
      user: { displayName: string; userId: string };
      pinSet: boolean;
      signIn: { oidc: boolean };
      csrfToken: string;
    };
    assert.equal(body.user.displayName, 'Olivia OIDC');
    assert.match(body.user.userId, /^U[0-9a-f]{32}$/);
    assert.equal(body.signIn.oidc, true);
    assert.equal(body.pinSet, false);
    const pin = await p.app.inject({
      method: 'POST',
      url: '/api/wallet/pin',
      headers: { cookie: session, 'content-type': 'application/json', 'x-csrf-token': body.csrfToken },
      payload: JSON.stringify({ pin: '246810' }),
    });
    assert.equal(pin.statusCode, 200);
  });

  it('sends a callback without the flow cookie, or with a forged state, back to the sign-in page', async () => {
    const noCookie = await p.app.inject({ method: 'GET', url: '/api/session/oidc/callback?code=x&state=y' });
    assert.equal(noCookie.statusCode, 302);
    assert.equal(noCookie.headers.location, '/wallet/signin?returnTo=%2Fwallet&error=sign_in_expired');
    const start = await p.app.inject({
      method: 'GET',
      url: '/api/session/oidc/start?returnTo=//evil.example',
    });
    const cookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
    const forged = await p.app.inject({
      method: 'GET',
      url: '/api/session/oidc/callback?code=x&state=forged',
      headers: { cookie },
    });
    assert.equal(forged.statusCode, 302);
    assert.equal(
      forged.headers.location,
      '/wallet/signin?returnTo=%2Fwallet&error=sign_in_failed',
      'no open redirect',
    );
    assert.doesNotMatch(String(forged.headers['set-cookie'] ?? ''), /jinliu_session=/);
  });
});
