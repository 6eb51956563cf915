import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * LINE Pay v3 request signature: Base64(HMAC-SHA256(key = secret,
 * msg = secret + apiPath + (rawQuery | rawBody) + nonce)). Bytes are hashed as they were
 * sent, never re-serialised, because every client formats JSON differently.
 */
export function signV3(secret: string, apiPath: string, payload: string | Uint8Array, nonce: string): string {
  const mac = createHmac('sha256', secret);
  mac.update(secret, 'utf8');
  mac.update(apiPath, 'utf8');
  if (typeof payload === 'string') {
    mac.update(payload, 'utf8');
  } else {
    mac.update(payload);
  }
  mac.update(nonce, 'utf8');
  return mac.digest('base64');
}

/** Timing-safe comparison of two Base64 signatures (compares the decoded MACs, length first). */
export function signaturesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'base64');
  const b = Buffer.from(given, 'base64');
  // A length mismatch reveals only the length of a public-format value (32 bytes).
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/**
 * Verifies a v3 signature. A bodiless POST is accepted when signed over "" or over "null"
 * (the official sample signs JSON.stringify(null) but sends nothing).
 */
export function verifyV3(
  secret: string,
  apiPath: string,
  payload: Uint8Array,
  nonce: string,
  signature: string,
  options: { bodiless?: boolean } = {},
): boolean {
  if (signaturesEqual(signV3(secret, apiPath, payload, nonce), signature)) {
    return true;
  }
  return options.bodiless === true && signaturesEqual(signV3(secret, apiPath, 'null', nonce), signature);
}
