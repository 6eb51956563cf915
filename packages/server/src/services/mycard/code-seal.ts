import { createHmac } from 'node:crypto';
import { type Keyring, open, seal } from '@jinliu/core';
import type { SealedCode } from '@jinliu/db';

/** The associated data a binding's code is sealed under: a code copied to another row does not open. */
function codeContext(bindingId: string): string {
  return `mycard-binding:${bindingId}`;
}

/**
 * The keyed lookup hash of a membership code within a program, keyed with the sealing key so
 * the hash reveals nothing without the key; the binding stores which key it used.
 */
export function membershipCodeHash(keyring: Keyring, keyId: string, programId: string, code: string): string {
  const key = keyring.keyFor(keyId);
  if (!key) {
    throw new Error(`encryption key ${keyId} is not configured`);
  }
  return createHmac('sha256', key).update(`mycard-code:${programId}:${code}`).digest('base64url');
}

/** Seals a membership code for one binding (AES-256-GCM under the current key) with its lookup hash. */
export function sealMembershipCode(
  keyring: Keyring,
  bindingId: string,
  programId: string,
  code: string,
): SealedCode {
  const sealed = seal(keyring, code, codeContext(bindingId));
  return { ...sealed, hash: membershipCodeHash(keyring, sealed.keyId, programId, code) };
}

/** Opens a binding's membership code. */
export function openMembershipCode(
  keyring: Keyring,
  bindingId: string,
  sealed: { keyId: string; data: Uint8Array },
): string {
  return open(keyring, sealed, codeContext(bindingId));
}

/** The context a program's private signing key is sealed under. */
export function signingKeyContext(kid: string): string {
  return `mycard-key:${kid}`;
}
