import { randomBytes } from 'node:crypto';

/** A source of randomness; injected so ids are deterministic in tests. */
export interface Random {
  bytes(length: number): Uint8Array;
}

/** Cryptographically secure randomness. */
export const secureRandom: Random = { bytes: (length) => randomBytes(length) };

/** A deterministic generator (xorshift128+) for tests; never for production secrets. */
export function seededRandom(seed: number): Random {
  let s0 = BigInt(seed >>> 0) | 1n;
  let s1 = BigInt(Math.imul(seed, 2654435761) >>> 0) | 2n;
  const mask = (1n << 64n) - 1n;
  const next = (): bigint => {
    let x = s0;
    const y = s1;
    s0 = y;
    x ^= (x << 23n) & mask;
    s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return (s1 + y) & mask;
  };
  return {
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i += 1) {
        out[i] = Number(next() & 0xffn);
      }
      return out;
    },
  };
}

/** A uniformly distributed decimal string of `length` digits (rejection sampling, no modulo bias). */
export function randomDigits(random: Random, length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of random.bytes(length)) {
      if (byte < 250 && out.length < length) {
        out += String(byte % 10);
      }
    }
  }
  return out;
}

/** A uniformly distributed string over `alphabet` (alphabet length ≤ 256). */
export function randomFromAlphabet(random: Random, alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random.bytes(length)) {
      if (byte < limit && out.length < length) {
        out += alphabet[byte % alphabet.length];
      }
    }
  }
  return out;
}
