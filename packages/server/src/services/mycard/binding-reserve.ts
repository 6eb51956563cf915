import {
  bindingCallbackUrl,
  bindingRedirectUrl,
  bindingTokenHash,
  bindingTokenMessage,
  fail,
  newBindingNonce,
  newMyCardId,
  ok,
  open,
  type Result,
  signP256,
} from '@jinliu/core';
import { activeBindingOf, currentProgramKey, findProgram, findUser, insertBinding } from '@jinliu/db';
import { signingKeyContext } from './code-seal.ts';
import type { MyCardDeps } from './deps.ts';

/** A reserved binding: where to send the browser, and until when the merchant has to finish. */
export interface Reservation {
  readonly bindingId: string;
  readonly redirectUrl: string;
  readonly expiresAt: Date;
}

/**
 * The wallet reserves a binding: a nonce, the platform callback for this binding, and
 * token = Base64Url(ECDSA-SHA256(callback + nonce)) with the program's current key. Only the
 * token's hash is stored. The shopper's browser then goes to the merchant's binding URL.
 */
export async function reserveBinding(
  deps: MyCardDeps,
  userId: string,
  programId: string,
): Promise<Result<Reservation>> {
  const [program, user] = await Promise.all([findProgram(deps.db, programId), findUser(deps.db, userId)]);
  if (program?.status !== 'ACTIVE') {
    return fail('3111', `no card program ${programId}`);
  }
  if (!user) {
    return fail('1101', 'sign in again');
  }
  if (await activeBindingOf(deps.db, programId, userId)) {
    return fail('3109', `you already hold a ${program.name} card`);
  }
  const key = await currentProgramKey(deps.db, programId);
  if (!key?.privateEnc || !key.privateKeyId) {
    return fail('9000');
  }
  const privatePem = open(
    deps.keyring,
    { keyId: key.privateKeyId, data: key.privateEnc },
    signingKeyContext(key.kid),
  );
  const bindingId = newMyCardId(deps.random, 'binding');
  const nonce = newBindingNonce(deps.random);
  const callback = bindingCallbackUrl(deps.publicUrl, bindingId);
  const token = Buffer.from(signP256(privatePem, bindingTokenMessage(callback, nonce))).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.bindingLifetimeMs);
  await insertBinding(deps.db, {
    bindingId,
    programId,
    userId,
    kid: key.kid,
    tokenHash: bindingTokenHash(token),
    nonce,
    reservedAt: now,
    expiresAt,
  });
  return ok({
    bindingId,
    redirectUrl: bindingRedirectUrl(program.bindingUrl, { nonce, callback, token }),
    expiresAt,
  });
}
