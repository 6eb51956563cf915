import { fail, newMyCardId, ok, type Result, readGroupCreate, readGroupMember } from '@jinliu/core';
import {
  acceptGroupInvite,
  addGroupMember,
  findGroup,
  type GroupMemberRow,
  type GroupRow,
  groupMembers,
  insertGroup,
  isActiveGroupMember,
  merchantExists,
} from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import type { MyCardDeps } from './deps.ts';

/** A group with its members. */
export interface GroupView {
  readonly group: GroupRow;
  readonly members: readonly GroupMemberRow[];
}

async function view(deps: MyCardDeps, groupId: string): Promise<Result<GroupView>> {
  const group = await findGroup(deps.db, groupId);
  return group ? ok({ group, members: await groupMembers(deps.db, groupId) }) : fail('3113');
}

/** `POST /v1/mycard/groups`: a group owned by the caller's merchant (its first member). */
export async function createGroup(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  body: unknown,
): Promise<Result<GroupView>> {
  const input = readGroupCreate(body);
  if (!input.ok) {
    return input;
  }
  const groupId = newMyCardId(deps.random, 'group');
  await deps.db.transaction((tx) =>
    insertGroup(tx, {
      groupId,
      ownerMerchantId: channel.merchantId,
      name: input.value.name,
      createdAt: deps.clock.now(),
    }),
  );
  return view(deps, groupId);
}

/**
 * `POST /v1/mycard/groups/{groupId}/members`: the owner adds a merchant. In sandbox mode the
 * merchant joins at once; in live mode it is invited and joins when one of its own channels
 * accepts, so no merchant is put into a group (and shown other merchants' members' codes)
 * without consent.
 */
export async function addMember(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  groupId: string,
  body: unknown,
): Promise<Result<{ groupId: string; merchantId: string; status: 'INVITED' | 'ACTIVE' }>> {
  const input = readGroupMember(body);
  if (!input.ok) {
    return input;
  }
  const group = await findGroup(deps.db, groupId);
  if (!group) {
    return fail('3113');
  }
  if (group.ownerMerchantId !== channel.merchantId) {
    return fail('3114');
  }
  const { merchantId } = input.value;
  if (!(await merchantExists(deps.db, merchantId))) {
    return fail('1104', `no merchant ${merchantId}`);
  }
  const status = await deps.db.transaction((tx) =>
    addGroupMember(tx, groupId, merchantId, deps.sandbox ? 'ACTIVE' : 'INVITED', deps.clock.now()),
  );
  return ok({ groupId, merchantId, status });
}

/** `POST /v1/mycard/groups/{groupId}/accept`: an invited merchant joins (signed by one of its channels). */
export async function acceptInvite(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  groupId: string,
): Promise<Result<GroupView>> {
  if (!(await findGroup(deps.db, groupId))) {
    return fail('3113');
  }
  const accepted = await deps.db.transaction((tx) =>
    acceptGroupInvite(tx, groupId, channel.merchantId, deps.clock.now()),
  );
  if (!accepted) {
    return fail('3115', 'this merchant has no invitation to the group');
  }
  return view(deps, groupId);
}

/** `GET /v1/mycard/groups/{groupId}`: visible to its active members. */
export async function getGroup(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  groupId: string,
): Promise<Result<GroupView>> {
  if (!(await isActiveGroupMember(deps.db, groupId, channel.merchantId))) {
    return fail('3113');
  }
  return view(deps, groupId);
}
