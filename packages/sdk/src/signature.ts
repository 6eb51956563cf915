// The Online v3 request signature (reference §2.1): Base64(HMAC-SHA256(key = channelSecret,
// msg = channelSecret + apiPath + (query without '?' | raw JSON body) + nonce)).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signature is computed over. */
export interface SignatureInput {
  channelSecret: string;
  /** The path only, e.g. '/v3/payments/request' (no host, no query). */
  path: string;
  /** The exact JSON text sent (POST) or the query string without '?' (GET); '' when none. */
  bodyOrQuery: string;
  nonce: string;
}

/** The X-LINE-Authorization value for one request: Base64 HMAC-SHA256 over secret+path+bodyOrQuery+nonce. */
export function signRequest(input: SignatureInput): string {
  return createHmac('sha256', input.channelSecret)
    .update(input.channelSecret + input.path + input.bodyOrQuery + input.nonce, 'utf8')
    .digest('base64');
}

/** True when `signature` is the one `signRequest` gives for the same input; compared in constant time. */
export function verifySignature(input: SignatureInput & { signature: string }): boolean {
  const expected = Buffer.from(signRequest(input), 'utf8');
  const given = Buffer.from(input.signature, 'utf8');
  // Lengths differ only for malformed input; comparing against itself keeps the time flat.
  const same = timingSafeEqual(expected, given.length === expected.length ? given : expected);
  return same && given.length === expected.length;
}
