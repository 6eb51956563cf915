import { createHash, randomBytes } from 'node:crypto';
import { isObject, parseJson } from '@jinliu/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { rawBodyOf } from '../../plugins/raw-body.ts';
import { csrfValid, type Session, type SessionCodec } from './session.ts';

/** The JSON object body of a request; undefined when it is not one. */
export function jsonBody(request: FastifyRequest): Record<string, unknown> | undefined {
  const raw = rawBodyOf(request.body);
  if (raw.length === 0) {
    return {};
  }
  const parsed = parseJson(raw.toString('utf8'));
  return parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
}

/** A typed error answer of the consumer face. */
export function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
) {
  return reply.code(status).send({ error: { code, message, requestId: request.id } });
}

/** A handler that runs with the shopper's session. */
export type SessionHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  session: Session,
) => Promise<unknown>;

/** Builds `guarded`: state-changing calls need the session's CSRF token; some need a signed-in user. */
export function createGuard(sessions: SessionCodec) {
  const guarded =
    (needsUser: boolean, handler: SessionHandler) => async (request: FastifyRequest, reply: FastifyReply) => {
      const session = sessions.read(request);
      if (request.method !== 'GET' && !csrfValid(session, request.headers['x-csrf-token'])) {
        return refuse(request, reply, 403, 'csrf', 'Missing or wrong x-csrf-token header; reload the page.');
      }
      if (needsUser && !session?.userId) {
        return refuse(request, reply, 401, 'sign_in_required', 'Sign in to the wallet first.');
      }
      return handler(request, reply, session ?? sessions.write(reply, null));
    };
  return { refuse, guarded };
}

const browserCookie = 'jinliu_browser';

/** The hashed id of this browser, if it already has one (for streams, which cannot set cookies). */
export function existingBrowser(request: FastifyRequest): string | undefined {
  const id = request.cookies?.[browserCookie];
  return id && /^[A-Za-z0-9_-]{22,64}$/.test(id)
    ? createHash('sha256').update(id).digest('base64url')
    : undefined;
}

/** A stable, anonymous id of this browser (random, HttpOnly cookie), hashed before it is stored. */
export function browserOf(request: FastifyRequest, reply: FastifyReply): string {
  let id = request.cookies?.[browserCookie];
  if (!id || !/^[A-Za-z0-9_-]{22,64}$/.test(id)) {
    id = randomBytes(16).toString('base64url');
    reply.setCookie(browserCookie, id, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 400 * 86_400 });
  }
  return createHash('sha256').update(id).digest('base64url');
}
