import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

/** A P-256 public key as a JWK (RFC 7517/7518), as published in a JWK set. */
export interface EcPublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  readonly kid: string;
  readonly alg: 'ES256';
  readonly use: 'sig';
}

/** A new key pair: the private key as PKCS#8 PEM (to be sealed at rest) and the public JWK. */
export interface EcKeyPair {
  readonly privatePem: string;
  readonly publicJwk: EcPublicJwk;
}

function jwkOf(key: KeyObject, kid: string): EcPublicJwk {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw new TypeError('not a P-256 key');
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid, alg: 'ES256', use: 'sig' };
}

/** Generates an ECDSA P-256 key pair with the given key id. */
export function generateP256KeyPair(kid: string): EcKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicJwk: jwkOf(publicKey, kid),
  };
}

/** The public JWK of a private key (PKCS#8 PEM). */
export function publicJwkOf(privatePem: string, kid: string): EcPublicJwk {
  return jwkOf(createPublicKey(createPrivateKey(privatePem)), kid);
}

/**
 * ECDSA-SHA256 over `message` with a P-256 private key, in IEEE P1363 form (r‖s, 64 bytes):
 * the form WebCrypto's `verify({ name: 'ECDSA', hash: 'SHA-256' })` expects.
 */
export function signP256(privatePem: string, message: Uint8Array): Uint8Array {
  return sign('sha256', message, { key: createPrivateKey(privatePem), dsaEncoding: 'ieee-p1363' });
}

/** Verifies a P1363 ECDSA-SHA256 signature with a public JWK; false for any malformed input. */
export function verifyP256(publicJwk: EcPublicJwk, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) {
    return false;
  }
  try {
    const key = createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y },
      format: 'jwk',
    });
    return verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}
