import { createHash } from 'node:crypto';
import type { Clock } from '@jinliu/core';
import { type Database, findUser, insertUser } from '@jinliu/db';
import * as oidc from 'openid-client';
import type { Config } from '../config.ts';

/** The state kept in a signed cookie between the redirect to the provider and its callback. */
export interface OidcFlowState {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly returnTo: string;
}

/** Wallet sign-in through an OpenID Connect provider (authorization code flow with PKCE). */
export interface OidcSignIn {
  /** Where to send the browser, and the state to keep until the callback. */
  start(returnTo: string): Promise<{ url: URL; flow: OidcFlowState }>;
  /** Completes the flow from the callback URL; returns the wallet user id (created on first sign-in). */
  finish(callbackUrl: URL, flow: OidcFlowState): Promise<string>;
}

/** Only same-site paths are allowed as a destination after sign-in (no open redirects). */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/wallet';
}

/** Creates the sign-in for the configured provider; discovery happens on first use. */
export function createOidcSignIn(
  settings: NonNullable<Config['oidc']>,
  redirectUri: string,
  db: Database,
  clock: Clock,
): OidcSignIn {
  const issuer = new URL(settings.issuer);
  // Plain-HTTP providers are accepted only on this machine (development and tests).
  const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    discovered ??= oidc.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      undefined,
      local ? { execute: [oidc.allowInsecureRequests] } : {},
    );
    discovered.catch(() => {
      discovered = undefined;
    });
    return discovered;
  };
  return {
    async start(returnTo) {
      const config = await configuration();
      const verifier = oidc.randomPKCECodeVerifier();
      const flow: OidcFlowState = {
        verifier,
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        returnTo: safeReturnTo(returnTo),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      return { url, flow };
    },
    async finish(callbackUrl, flow) {
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims?.sub) {
        throw new Error('the provider returned no subject');
      }
      const userId = `U${createHash('sha256').update(`${settings.issuer}|${claims.sub}`).digest('hex').slice(0, 32)}`;
      if (!(await findUser(db, userId))) {
        // Many providers put profile claims only in userinfo, not in the ID token.
        const profile = claims.name
          ? claims
          : await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => claims);
        const name = [profile.name, profile.preferred_username, profile.email].find(
          (v) => typeof v === 'string' && v.length > 0,
        );
        await insertUser(db, {
          userId,
          displayName: String(name ?? 'Wallet user').slice(0, 60),
          pinHash: null,
          createdAt: clock.now(),
        });
      }
      return userId;
    },
  };
}
