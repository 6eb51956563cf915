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
  /** Writes any JSON value into a signed, short-lived cookie (sign-in flow state). */
  writeSigned(reply: FastifyReply, name: string, value: unknown, maxAgeSeconds: number): void;
  /** Reads a signed cookie written by writeSigned; undefined when missing, forged or expired. */
  readSigned(request: FastifyRequest, name: string): unknown;
}

/** Creates the codec; `secure` sets the Secure flag (https public URL). */
export function createSessionCodec(keyring: Keyring, clock: Clock, secure: boolean): SessionCodec {
  const sign = (value: unknown): string => {
    const keyId = keyring.currentKeyId;
    const key = keyFor(keyring, keyId);
    if (!key) {
      throw new Error('session key missing');
    }
    const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${keyId}.${payload}.${mac(key, payload)}`;
  };
  const verify = (raw: string | undefined): unknown => {
    if (!raw) {
      return undefined;
    }
    const [keyId = '', payload = '', given = ''] = raw.split('.');
    const key = keyFor(keyring, keyId);
    const expected = key ? Buffer.from(mac(key, payload)) : Buffer.alloc(0);
    const actual = Buffer.from(given);
    if (!key || expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      return undefined;
    }
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
  };
  return {
    writeSigned(reply, name, value, maxAgeSeconds) {
      reply.setCookie(name, sign({ v: value, e: clock.now().getTime() + maxAgeSeconds * 1000 }), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: maxAgeSeconds,
      });
    },
    readSigned(request, name) {
      const wrapped = verify(request.cookies?.[name]) as { v?: unknown; e?: number } | undefined;
      return wrapped && typeof wrapped.e === 'number' && wrapped.e > clock.now().getTime()
        ? wrapped.v
        : undefined;
    },
    read(request) {
      const s = verify(request.cookies?.[sessionCookie]) as
        | { u?: unknown; c?: unknown; e?: unknown }
        | undefined;
      if (!s || typeof s.c !== 'string' || typeof s.e !== 'number' || s.e <= clock.now().getTime()) {
        return undefined;
      }
      return { userId: typeof s.u === 'string' ? s.u : null, csrf: s.c, expiresAt: s.e };
    },
    write(reply, userId, csrf) {
      const session: Session = {
        userId,
        csrf: csrf ?? randomBytes(18).toString('base64url'),
        expiresAt: clock.now().getTime() + lifetimeMs,
      };
      reply.setCookie(sessionCookie, sign({ u: session.userId, c: session.csrf, e: session.expiresAt }), {
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
