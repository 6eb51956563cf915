// Verifying a My Card binding token: token = Base64Url(ECDSA-SHA256(callback + nonce)) with
// the program's P-256 key, the signature in IEEE P1363 form (r‖s, 64 bytes). WebCrypto only
// (globalThis.crypto.subtle, present on Node 20), so no node: import is needed.
import { invalidArgument } from './errors.ts';
import type { JsonWebKeySet, JsonWebKey as Jwk } from './mycard-types.ts';

/** A P-256 r‖s signature is 64 bytes: 86 base64url characters without padding. */
const tokenShape = /^[A-Za-z0-9_-]{86}$/;

/** Decodes base64url without padding; undefined unless `text` is the canonical encoding of its bytes. */
function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    // A last character with stray low bits decodes to the same bytes; such a token is not the one issued.
    return encodeBase64Url(bytes) === text ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The 64 signature bytes of a well-formed token, or undefined (DER, padded, wrong length, not base64url). */
function tokenSignature(token: unknown): Uint8Array<ArrayBuffer> | undefined {
  return typeof token === 'string' && tokenShape.test(token) ? decodeBase64Url(token) : undefined;
}

/** True when `token` could be a P-256 r‖s signature: the canonical base64url of 64 bytes. */
export function isWellFormedToken(token: unknown): boolean {
  return tokenSignature(token) !== undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An EC P-256 key meant for ES256 signatures (other keys in a set are skipped). */
function isP256SigningKey(k: unknown): k is Jwk & { x: string; y: string } {
  return (
    isObject(k) &&
    k.kty === 'EC' &&
    k.crv === 'P-256' &&
    typeof k.x === 'string' &&
    typeof k.y === 'string' &&
    (k.alg === undefined || k.alg === 'ES256') &&
    (k.use === undefined || k.use === 'sig') &&
    (k.key_ops === undefined || (Array.isArray(k.key_ops) && k.key_ops.includes('verify')))
  );
}

/** True when a set holds at least one key `verifyBindingToken` can use. */
export function hasUsableKey(set: JsonWebKeySet): boolean {
  return set.keys.some(isP256SigningKey);
}

/** The usable keys of a JWK, a JWK array or a JWK set; throws INVALID_ARGUMENT when there are none. */
function usableKeys(keys: JsonWebKeySet | Jwk | Jwk[]): Array<Jwk & { x: string; y: string }> {
  const list: unknown[] = Array.isArray(keys)
    ? keys
    : isObject(keys) && Array.isArray(keys.keys)
      ? keys.keys
      : isObject(keys)
        ? [keys]
        : [];
  const usable = list.filter(isP256SigningKey);
  if (usable.length === 0) {
    throw invalidArgument(
      'mycard.verifyBindingToken',
      'keys must be a JWK set, a JWK or a JWK array holding at least one EC P-256 (ES256) public key',
    );
  }
  return usable;
}

async function verifiesWith(
  key: Jwk & { x: string; y: string },
  signature: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  try {
    // Only the public coordinates: a set holding a private `d` must not make this a signing key.
    const imported = await globalThis.crypto.subtle.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x: key.x, y: key.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    return await globalThis.crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      imported,
      signature,
      message,
    );
  } catch {
    // A key whose coordinates are not a point on the curve verifies nothing.
    return false;
  }
}

/**
 * True when `token` is the program's ECDSA P-256 signature over `callback + nonce` (UTF-8),
 * checked with each usable key in `keys` (after a rotation a set holds two). Any mismatch or
 * malformed token, nonce or callback gives `false`, never an exception. Throws
 * `INVALID_ARGUMENT` only when `keys` holds no EC P-256 public key at all (a setup mistake).
 */
export async function verifyBindingToken(input: {
  token: string;
  nonce: string;
  callback: string;
  keys: JsonWebKeySet | Jwk | Jwk[];
}): Promise<boolean> {
  const keys = usableKeys(input?.keys);
  const { token, nonce, callback } = input;
  const signature = tokenSignature(token);
  if (signature === undefined || typeof nonce !== 'string' || typeof callback !== 'string') {
    return false;
  }
  const message = new TextEncoder().encode(callback + nonce);
  for (const key of keys) {
    if (await verifiesWith(key, signature, message)) {
      return true;
    }
  }
  return false;
}
