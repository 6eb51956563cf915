import type { FastifyInstance } from 'fastify';

/**
 * Every body is kept as the exact bytes received: LINE Pay signatures cover the raw bytes,
 * and JSON is parsed only after the signature is checked (so a bad signature is 1106 even
 * when the body is also malformed). Empty bodies with Content-Type: application/json are
 * accepted, as several clients send them.
 */
export function keepRawBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => {
    done(null, body);
  });
}

/** The raw body of a request (empty when there was none). */
export function rawBodyOf(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
