import { createHash } from 'node:crypto';

/**
 * The binding token is Base64Url(ECDSA-SHA256(callback + nonce)): the exact bytes signed are
 * the UTF-8 of the callback URL immediately followed by the nonce, with no separator.
 */
export function bindingTokenMessage(callback: string, nonce: string): Uint8Array {
  return Buffer.from(callback + nonce, 'utf8');
}

/** The platform callback a merchant sends the browser back to for one binding. */
export function bindingCallbackUrl(publicUrl: string, bindingId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/mycard/bindings/${encodeURIComponent(bindingId)}/callback`;
}

/**
 * The merchant's binding URL with `nonce`, `callback` and `token` appended. The existing query
 * is kept byte for byte (re-serialising it could change what the merchant's page reads) and
 * the parameters go before any fragment.
 */
export function bindingRedirectUrl(
  bindingUrl: string,
  params: { nonce: string; callback: string; token: string },
): string {
  const hashAt = bindingUrl.indexOf('#');
  const base = hashAt === -1 ? bindingUrl : bindingUrl.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : bindingUrl.slice(hashAt);
  const added = (['nonce', 'callback', 'token'] as const)
    .map((key) => `${key}=${encodeURIComponent(params[key])}`)
    .join('&');
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${added}${fragment}`;
}

/** The lookup key stored for a token: SHA-256, base64url (the token itself is never stored). */
export function bindingTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
