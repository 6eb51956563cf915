import { type Failure, returnMessage, stringifyJson } from '@jinliu/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** HTTP status for a failure on the plain-JSON faces (sandbox, console). */
function statusOf(code: string): number {
  switch (code) {
    case '1150':
    case '1101':
    case '1104':
      return 404;
    case '1179':
    case '1180':
    case '1172':
      return 409;
    case '9000':
      return 500;
    default:
      return code.startsWith('2') ? 400 : 422;
  }
}

/** The typed error body of the JSON faces: `{ error: { code, message, requestId } }`. */
export function sendJsonFailure(
  request: FastifyRequest,
  reply: FastifyReply,
  failure: Failure,
): FastifyReply {
  return reply
    .code(statusOf(failure.code))
    .type('application/json; charset=utf-8')
    .send(
      stringifyJson({
        error: {
          code: failure.code,
          message: failure.message ?? returnMessage(failure.code),
          requestId: request.id,
        },
      }),
    );
}

/** A JSON success body (bigints written as bare integers). */
export function sendJson(reply: FastifyReply, value: unknown, status = 200): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(stringifyJson(value));
}
