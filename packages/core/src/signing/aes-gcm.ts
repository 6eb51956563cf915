import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope for secrets at rest (channel secrets, card numbers, membership codes):
 * AES-256-GCM with a random 12-byte IV; the key id is stored beside each row so keys rotate.
 * Layout: iv (12) | tag (16) | ciphertext.
 */
export interface Keyring {
  /** The key id new values are encrypted under. */
  readonly currentKeyId: string;
  keyFor(keyId: string): Uint8Array | undefined;
}

/** A value encrypted under one key of the keyring. */
export interface Sealed {
  readonly keyId: string;
  readonly data: Uint8Array;
}

/** Builds a keyring from id → 32-byte key; the first entry of `order` is current. */
export function createKeyring(keys: ReadonlyMap<string, Uint8Array>, currentKeyId: string): Keyring {
  for (const [id, key] of keys) {
    if (key.length !== 32) {
      throw new Error(`encryption key ${id} must be 32 bytes, got ${key.length}`);
    }
  }
  if (!keys.has(currentKeyId)) {
    throw new Error(`current encryption key ${currentKeyId} is not in the keyring`);
  }
  return { currentKeyId, keyFor: (id) => keys.get(id) };
}

/** Encrypts UTF-8 text under the current key; `context` is bound as associated data. */
export function seal(keyring: Keyring, plaintext: string, context: string): Sealed {
  const key = keyring.keyFor(keyring.currentKeyId);
  if (!key) {
    throw new Error('current encryption key missing');
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: keyring.currentKeyId, data: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

/** Decrypts a sealed value; throws when the key is unknown or the data or context was tampered with. */
export function open(keyring: Keyring, sealed: Sealed, context: string): string {
  const key = keyring.keyFor(sealed.keyId);
  if (!key) {
    throw new Error(`encryption key ${sealed.keyId} is not configured`);
  }
  const data = Buffer.from(sealed.data);
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(data.subarray(12, 28));
  return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
}
