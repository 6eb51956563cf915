import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock, Keyring } from '@jinliu/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What a wallet session holds: the signed-in user (if any) and its CSRF token. */
export interface Session {
  readonly userId: string | null;
  readonly csrf: string;
  readonly expiresAt: number;
}

/** Name of the session cookie. */
export const sessionCookie = 'jinliu_session';

const lifetimeMs = 7 * 86_400_000;

function keyFor(keyring: Keyring, keyId: string): Buffer | undefined {
  const key = keyring.keyFor(keyId);
  // A dedicated MAC key derived from the data key, so cookies never use the encryption key directly.
  return key ? createHmac('sha256', key).update('jinliu-session-mac').digest() : undefined;
}

function mac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** Signed, stateless sessions: `keyId.payload.mac` in an HttpOnly, SameSite=Lax cookie. */
export interface SessionCodec {
  read(request: FastifyRequest): Session | undefined;
  /** Writes the session cookie (a new CSRF token when none is given). */
  write(reply: FastifyReply, userId: string | null, csrf?: string): Session;
  clear(reply: FastifyReply): void;
}

/** Creates the codec; `secure` sets the Secure flag (https public URL). */
export function createSessionCodec(keyring: Keyring, clock: Clock, secure: boolean): SessionCodec {
  return {
    read(request) {
      const raw = request.cookies?.[sessionCookie];
      if (!raw) {
        return undefined;
      }
      const [keyId = '', payload = '', given = ''] = raw.split('.');
      const key = keyFor(keyring, keyId);
      if (!key) {
        return undefined;
      }
      const expected = Buffer.from(mac(key, payload));
      const actual = Buffer.from(given);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
        return undefined;
      }
      try {
        const s = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
          u: string | null;
          c: string;
          e: number;
        };
        if (typeof s.c !== 'string' || typeof s.e !== 'number' || s.e <= clock.now().getTime()) {
          return undefined;
        }
        return { userId: typeof s.u === 'string' ? s.u : null, csrf: s.c, expiresAt: s.e };
      } catch {
        return undefined;
      }
    },
    write(reply, userId, csrf) {
      const session: Session = {
        userId,
        csrf: csrf ?? randomBytes(18).toString('base64url'),
        expiresAt: clock.now().getTime() + lifetimeMs,
      };
      const keyId = keyring.currentKeyId;
      const key = keyFor(keyring, keyId);
      if (!key) {
        throw new Error('session key missing');
      }
      const payload = Buffer.from(
        JSON.stringify({ u: session.userId, c: session.csrf, e: session.expiresAt }),
      ).toString('base64url');
      reply.setCookie(sessionCookie, `${keyId}.${payload}.${mac(key, payload)}`, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: lifetimeMs / 1000,
      });
      return session;
    },
    clear(reply) {
      reply.clearCookie(sessionCookie, { path: '/' });
    },
  };
}

/** Timing-safe check of the CSRF header against the session's token. */
export function csrfValid(session: Session | undefined, header: unknown): boolean {
  if (!session || typeof header !== 'string') {
    return false;
  }
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
