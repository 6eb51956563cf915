import type { FastifyRequest } from 'fastify';

/**
 * Query parameters that carry a capability (a binding token, an OpenID Connect authorization
 * code or state, a checkout reserve id): logging them would hand a reader of the logs a way in.
 */
const secretParams = new Set(['token', 'code', 'state', 'nonce', 'transactionreserveid']);

/** The URL with the values of capability-bearing query parameters replaced by `[redacted]`. */
export function redactQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) {
    return url;
  }
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName);
      } catch {
        // A malformed escape: match on the raw text.
      }
      return secretParams.has(name.toLowerCase()) && eq >= 0 ? `${rawName}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

/** Fastify's request log line without capability-bearing query values. */
export function requestSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactQuery(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
