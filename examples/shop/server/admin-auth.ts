// The shop-admin sign-in: one password, a random session id in an HttpOnly, SameSite=Strict
// cookie, sessions held in memory (a restart signs the admin out, which is fine for one shop).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie's name. */
export const sessionCookie = 'jc_admin';
const sessionMs = 8 * 60 * 60_000;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Admin sessions: create on a right password, check on every admin call, end on sign-out. */
export interface AdminSessions {
  /** A new session id when `password` is right (compared timing-safely), else undefined. */
  signIn(password: unknown): string | undefined;
  isValid(sessionId: string | undefined): boolean;
  signOut(sessionId: string | undefined): void;
}

/** Sessions for one password. */
export function adminSessions(password: string, now: () => number = Date.now): AdminSessions {
  const expected = digest(password);
  // Only hashes are kept, so a memory dump does not hand out live sessions.
  const live = new Map<string, number>();
  const key = (id: string) => digest(id).toString('hex');
  return {
    signIn(given) {
      // Hashing both sides gives equal lengths, so the comparison leaks nothing about the password.
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        return undefined;
      }
      const id = randomBytes(32).toString('base64url');
      live.set(key(id), now() + sessionMs);
      for (const [k, until] of live) {
        if (until < now()) {
          live.delete(k);
        }
      }
      return id;
    },
    isValid(id) {
      if (!id) {
        return false;
      }
      const until = live.get(key(id));
      if (until === undefined || until < now()) {
        live.delete(key(id));
        return false;
      }
      return true;
    },
    signOut(id) {
      if (id) {
        live.delete(key(id));
      }
    },
  };
}

/** The value of one cookie from the Cookie header. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      return v.join('=');
    }
  }
  return undefined;
}

/** Sets (or, with undefined, clears) the session cookie. */
export function setSessionCookie(reply: FastifyReply, id: string | undefined, secure: boolean): void {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
  reply.header(
    'set-cookie',
    id
      ? `${sessionCookie}=${id}; Max-Age=${sessionMs / 1000}; ${attributes.join('; ')}`
      : `${sessionCookie}=; Max-Age=0; ${attributes.join('; ')}`,
  );
}
