import { type Failure, type ReturnCode, returnMessage, stringifyJson } from '@jinliu/core';
import type { FastifyReply } from 'fastify';

/** What a LINE Pay-shaped endpoint answers: a return code, an optional message, and `info` on success. */
export interface V3Answer {
  readonly code: ReturnCode;
  readonly message?: string;
  readonly info?: unknown;
}

/** An answer from an expected failure. */
export function failureAnswer(f: Failure): V3Answer {
  return f.message === undefined ? { code: f.code } : { code: f.code, message: f.message };
}

/** Writes the LINE Pay envelope: always HTTP 200, a 4-character string returnCode, ids as bare integers. */
export function sendEnvelope(reply: FastifyReply, answer: V3Answer): FastifyReply {
  const base = returnMessage(answer.code);
  const envelope: Record<string, unknown> = {
    returnCode: answer.code,
    returnMessage: answer.message ? `${base.replace(/\.$/, '')}: ${answer.message}` : base,
  };
  if (answer.info !== undefined) {
    envelope.info = answer.info;
  }
  return reply.code(200).type('application/json; charset=utf-8').send(stringifyJson(envelope));
}

/** ISO-8601 UTC with second precision, as LINE Pay writes dates ("2021-12-16T00:27:40Z"). */
export function wireDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
