// Member passwords: scrypt with a random salt per password, compared in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const keyLength = 32;
// Node's default cost (N = 16384, r = 8, p = 1): about 50 ms a check on a small machine.
const cost = { N: 16_384, r: 8, p: 1 } as const;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, cost, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

/** A storable hash of `password`: `scrypt$<salt>$<key>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${(await derive(password, salt)).toString('base64url')}`;
}

/** True when `password` matches `stored`; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) {
    return false;
  }
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const unknownHash = hashPassword('no member has this password');

/** Spends the same time as a real check, so a wrong e-mail and a wrong password look alike. */
export async function verifyNobody(password: string): Promise<false> {
  await verifyPassword(password, await unknownHash);
  return false;
}
