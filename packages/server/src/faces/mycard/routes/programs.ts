import { fail, isMyCardId, type Result } from '@jinliu/core';
import { Type } from '@sinclair/typebox';
import { failureAnswer } from '../../../plugins/line-pay-envelope.ts';
import {
  changeProgram,
  createProgram,
  listPrograms,
  ownProgram,
  rotateProgramKey,
} from '../../../services/mycard/index.ts';
import { programInfo } from '../render.ts';
import type { MyCardRoute } from '../route.ts';
import { Jwks, myCardSchema, Program, ProgramBody, ProgramParams, ProgramPatch } from '../schemas.ts';

/** The programId path parameter; an id of the wrong shape cannot name a program (3111). */
export function pathProgramId(params: Record<string, string>): Result<string> {
  const id = params.programId ?? '';
  return isMyCardId(id) ? { ok: true, value: id } : fail('3111', 'no such card program');
}

/** POST /v1/mycard/programs — registers a card program; the calling channel is its Apply channel. */
export const createProgramRoute: MyCardRoute = {
  method: 'POST',
  url: '/v1/mycard/programs',
  endpoint: 'mycard.createProgram',
  schema: myCardSchema('Create a card program', {
    body: ProgramBody,
    info: Program,
    description: 'Generates the program ECDSA P-256 key pair; fetch its public key from jwksUrl.',
  }),
  async handle({ channel, body, services }) {
    const r = await createProgram(services.mycard, channel, body);
    return r.ok ? { code: '0000', info: programInfo(r.value, services.config.publicUrl) } : failureAnswer(r);
  },
};

/** GET /v1/mycard/programs — the merchant's programs. */
export const listProgramsRoute: MyCardRoute = {
  method: 'GET',
  url: '/v1/mycard/programs',
  endpoint: 'mycard.listPrograms',
  schema: myCardSchema('List card programs', { info: Type.Array(Program) }),
  async handle({ channel, services }) {
    const programs = await listPrograms(services.mycard, channel);
    return { code: '0000', info: programs.map((p) => programInfo(p, services.config.publicUrl)) };
  },
};

/** GET /v1/mycard/programs/{programId} — one of the merchant's programs. */
export const getProgramRoute: MyCardRoute = {
  method: 'GET',
  url: '/v1/mycard/programs/:programId',
  endpoint: 'mycard.getProgram',
  schema: myCardSchema('Get a card program', { params: ProgramParams, info: Program }),
  async handle({ channel, params, services }) {
    const id = pathProgramId(params);
    const r = id.ok ? await ownProgram(services.db, channel, id.value) : id;
    return r.ok ? { code: '0000', info: programInfo(r.value, services.config.publicUrl) } : failureAnswer(r);
  },
};

/** POST /v1/mycard/programs/{programId} — changes the fields sent (PATCH semantics). */
export const updateProgramRoute: MyCardRoute = {
  method: 'POST',
  url: '/v1/mycard/programs/:programId',
  endpoint: 'mycard.updateProgram',
  schema: myCardSchema('Update a card program', { params: ProgramParams, body: ProgramPatch, info: Program }),
  async handle({ channel, params, body, services }) {
    const id = pathProgramId(params);
    const r = id.ok ? await changeProgram(services.mycard, channel, id.value, body) : id;
    return r.ok ? { code: '0000', info: programInfo(r.value, services.config.publicUrl) } : failureAnswer(r);
  },
};

/** POST /v1/mycard/programs/{programId}/keys/rotate — signs new bindings with a new key. */
export const rotateKeyRoute: MyCardRoute = {
  method: 'POST',
  url: '/v1/mycard/programs/:programId/keys/rotate',
  endpoint: 'mycard.rotateKey',
  schema: myCardSchema('Rotate the binding-token key', {
    params: ProgramParams,
    info: Type.Intersect([Type.Object({ kid: Type.String() }), Jwks]),
    description:
      'The previous public key stays in the JWK set until every binding signed with it has expired.',
  }),
  async handle({ channel, params, services }) {
    const id = pathProgramId(params);
    const r = id.ok ? await rotateProgramKey(services.mycard, channel, id.value) : id;
    return r.ok ? { code: '0000', info: r.value } : failureAnswer(r);
  },
};
