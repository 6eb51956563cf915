import {
  type EcPublicJwk,
  fail,
  generateP256KeyPair,
  newKeyId,
  newMyCardId,
  ok,
  type Result,
  readProgramCreate,
  readProgramUpdate,
  seal,
} from '@jinliu/core';
import {
  countActiveBindings,
  findGroup,
  findProgram,
  insertProgram,
  insertProgramKey,
  isActiveGroupMember,
  type ProgramRow,
  programsOfMerchant,
  publishedKeys,
  retireCurrentKey,
  type Sql,
  updateProgram,
} from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import { signingKeyContext } from './code-seal.ts';
import type { MyCardDeps } from './deps.ts';

/** Generates a key pair for a program and stores it as its current key (private half sealed). */
async function addSigningKey(tx: Sql, deps: MyCardDeps, programId: string, at: Date): Promise<string> {
  const kid = newKeyId(deps.random, at);
  const pair = generateP256KeyPair(kid);
  const sealed = seal(deps.keyring, pair.privatePem, signingKeyContext(kid));
  await insertProgramKey(
    tx,
    { kid, programId, publicJwk: pair.publicJwk, privateKeyId: sealed.keyId, privateEnc: sealed.data },
    at,
  );
  return kid;
}

/** A group a merchant may attach its program to: one it is an active member (or the owner) of. */
async function checkGroup(sql: Sql, groupId: string, merchantId: string): Promise<Result<null>> {
  if (!(await findGroup(sql, groupId))) {
    return fail('3113', `no enterprise group ${groupId}`);
  }
  return (await isActiveGroupMember(sql, groupId, merchantId))
    ? ok(null)
    : fail('3115', `merchant ${merchantId} is not an active member of group ${groupId}`);
}

/** `POST /v1/mycard/programs`: the calling channel becomes the program's Apply channel. */
export async function createProgram(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  body: unknown,
): Promise<Result<ProgramRow>> {
  const input = readProgramCreate(body, deps.sandbox);
  if (!input.ok) {
    return input;
  }
  const f = input.value;
  if (f.groupId !== null) {
    const group = await checkGroup(deps.db, f.groupId, channel.merchantId);
    if (!group.ok) {
      return group;
    }
  }
  const programId = newMyCardId(deps.random, 'program');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await insertProgram(tx, {
      ...f,
      programId,
      merchantId: channel.merchantId,
      channelId: channel.channelId,
      createdAt: now,
    });
    await addSigningKey(tx, deps, programId, now);
  });
  const created = await findProgram(deps.db, programId);
  return created ? ok(created) : fail('9000');
}

/** A program of the caller's merchant; another merchant's program is reported as not found. */
export async function ownProgram(
  sql: Sql,
  channel: AuthenticatedChannel,
  programId: string,
  lock = false,
): Promise<Result<ProgramRow>> {
  const p = await findProgram(sql, programId, lock);
  return p && p.merchantId === channel.merchantId ? ok(p) : fail('3111', `no card program ${programId}`);
}

/** `POST /v1/mycard/programs/{programId}`: PATCH semantics. */
export async function changeProgram(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  programId: string,
  body: unknown,
): Promise<Result<ProgramRow>> {
  const input = readProgramUpdate(body, deps.sandbox);
  if (!input.ok) {
    return input;
  }
  const change = input.value;
  if (change.groupId !== undefined && change.groupId !== null) {
    const group = await checkGroup(deps.db, change.groupId, channel.merchantId);
    if (!group.ok) {
      return group;
    }
  }
  const updated = await deps.db.transaction(async (tx): Promise<Result<null>> => {
    const current = await ownProgram(tx, channel, programId, true);
    if (!current.ok) {
      return current;
    }
    if (
      change.codeType !== undefined &&
      change.codeType !== current.value.codeType &&
      (await countActiveBindings(tx, programId)) > 0
    ) {
      return fail('2101', 'codeType cannot change while shoppers hold cards of this program');
    }
    await updateProgram(tx, programId, change, deps.clock.now());
    return ok(null);
  });
  if (!updated.ok) {
    return updated;
  }
  return ownProgram(deps.db, channel, programId);
}

/** `GET /v1/mycard/programs`: the caller merchant's programs. */
export async function listPrograms(deps: MyCardDeps, channel: AuthenticatedChannel): Promise<ProgramRow[]> {
  return programsOfMerchant(deps.db, channel.merchantId);
}

/** The program's JWK set: its current public key and retired ones still needed to verify live bindings. */
export async function programJwks(
  deps: MyCardDeps,
  programId: string,
): Promise<Result<{ keys: EcPublicJwk[] }>> {
  const program = await findProgram(deps.db, programId);
  if (!program) {
    return fail('3111', `no card program ${programId}`);
  }
  const keys = await publishedKeys(deps.db, programId, deps.clock.now());
  return ok({ keys: keys.map((k) => k.publicJwk) });
}

/**
 * `POST /v1/mycard/programs/{programId}/keys/rotate`: new bindings are signed with a new key;
 * the old public key stays in the JWK set for one binding lifetime, long enough for every
 * binding signed with it to be completed or expire. Its private half is wiped at once.
 */
export async function rotateProgramKey(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  programId: string,
): Promise<Result<{ kid: string; keys: EcPublicJwk[] }>> {
  const rotated = await deps.db.transaction(async (tx): Promise<Result<string>> => {
    const program = await ownProgram(tx, channel, programId, true);
    if (!program.ok) {
      return program;
    }
    const now = deps.clock.now();
    await retireCurrentKey(tx, programId, new Date(now.getTime() + deps.bindingLifetimeMs));
    return ok(await addSigningKey(tx, deps, programId, now));
  });
  if (!rotated.ok) {
    return rotated;
  }
  const keys = await publishedKeys(deps.db, programId, deps.clock.now());
  return ok({ kid: rotated.value, keys: keys.map((k) => k.publicJwk) });
}
