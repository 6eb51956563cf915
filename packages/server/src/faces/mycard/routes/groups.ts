import { fail, isMyCardId, type Result } from '@jinliu/core';
import { Type } from '@sinclair/typebox';
import { failureAnswer } from '../../../plugins/line-pay-envelope.ts';
import { acceptInvite, addMember, createGroup, getGroup } from '../../../services/mycard/index.ts';
import { groupInfo } from '../render.ts';
import type { MyCardRoute } from '../route.ts';
import { Group, GroupBody, GroupParams, MemberBody, myCardSchema } from '../schemas.ts';

function pathGroupId(params: Record<string, string>): Result<string> {
  const id = params.groupId ?? '';
  return isMyCardId(id) ? { ok: true, value: id } : fail('3113');
}

/** POST /v1/mycard/groups — an enterprise group owned by the caller's merchant. */
export const createGroupRoute: MyCardRoute = {
  method: 'POST',
  url: '/v1/mycard/groups',
  endpoint: 'mycard.createGroup',
  schema: myCardSchema('Create an enterprise group', { body: GroupBody, info: Group }),
  async handle({ channel, body, services }) {
    const r = await createGroup(services.mycard, channel, body);
    return r.ok ? { code: '0000', info: groupInfo(r.value) } : failureAnswer(r);
  },
};

/** GET /v1/mycard/groups/{groupId} — the group and its members (for members). */
export const getGroupRoute: MyCardRoute = {
  method: 'GET',
  url: '/v1/mycard/groups/:groupId',
  endpoint: 'mycard.getGroup',
  schema: myCardSchema('Get an enterprise group', { params: GroupParams, info: Group }),
  async handle({ channel, params, services }) {
    const id = pathGroupId(params);
    const r = id.ok ? await getGroup(services.mycard, channel, id.value) : id;
    return r.ok ? { code: '0000', info: groupInfo(r.value) } : failureAnswer(r);
  },
};

/** POST /v1/mycard/groups/{groupId}/members — the owner adds a merchant (invites it in live mode). */
export const addMemberRoute: MyCardRoute = {
  method: 'POST',
  url: '/v1/mycard/groups/:groupId/members',
  endpoint: 'mycard.addMember',
  schema: myCardSchema('Add a merchant to a group', {
    params: GroupParams,
    body: MemberBody,
    info: Type.Object({ groupId: Type.String(), merchantId: Type.String(), status: Type.String() }),
    description: 'Sandbox mode: the merchant joins at once. Live mode: it is INVITED until it calls accept.',
  }),
  async handle({ channel, params, body, services }) {
    const id = pathGroupId(params);
    const r = id.ok ? await addMember(services.mycard, channel, id.value, body) : id;
    return r.ok ? { code: '0000', info: r.value } : failureAnswer(r);
  },
};

/** POST /v1/mycard/groups/{groupId}/accept — an invited merchant joins. */
export const acceptInviteRoute: MyCardRoute = {
  method: 'POST',
  url: '/v1/mycard/groups/:groupId/accept',
  endpoint: 'mycard.acceptInvite',
  schema: myCardSchema('Accept a group invitation', { params: GroupParams, info: Group }),
  async handle({ channel, params, services }) {
    const id = pathGroupId(params);
    const r = id.ok ? await acceptInvite(services.mycard, channel, id.value) : id;
    return r.ok ? { code: '0000', info: groupInfo(r.value) } : failureAnswer(r);
  },
};
