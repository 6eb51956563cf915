// Checks that My Card answers have the fields their types promise, so a caller never receives
// a shape the types lie about; anything else is BAD_RESPONSE.
import { bad, infoWith, isObj } from './info-shapes.ts';
import type {
  AppliedBinding,
  JsonWebKey,
  JsonWebKeySet,
  MyCardEndpoint,
  MyCardProgram,
  UnbindResult,
} from './mycard-types.ts';
import type { V3Answer } from './transport.ts';

/** True for a JWK set holding at least one key object. */
export function isKeySet(v: unknown): v is JsonWebKeySet {
  return isObj(v) && Array.isArray(v.keys) && v.keys.length > 0 && v.keys.every(isObj);
}

/** `info` of the Apply API. */
export function appliedInfo(answer: V3Answer): AppliedBinding {
  return infoWith('mycard.apply', answer, {
    bindingId: 'string',
    status: 'string',
    callback: 'string',
  }) as unknown as AppliedBinding;
}

/** `info` of unbind: the bindings ended. */
export function unbindInfo(answer: V3Answer): UnbindResult {
  const info = infoWith('mycard.unbind', answer, { unbound: 'array' });
  const unbound = info.unbound as unknown[];
  if (!unbound.every((u) => isObj(u) && typeof u.bindingId === 'string' && typeof u.programId === 'string')) {
    throw bad('mycard.unbind', answer, 'info.unbound must list { bindingId, programId }');
  }
  return { unbound: unbound as UnbindResult['unbound'] };
}

function program(endpoint: MyCardEndpoint, answer: V3Answer, value: unknown, where: string): MyCardProgram {
  const p = isObj(value) ? value : {};
  for (const key of ['programId', 'name', 'codeType', 'bindingUrl', 'status', 'jwksUrl']) {
    if (typeof p[key] !== 'string') {
      throw bad(endpoint, answer, `${where}.${key} is missing or not a string`);
    }
  }
  if (!isObj(p.detail)) {
    throw bad(endpoint, answer, `${where}.detail is missing or not an object`);
  }
  const channelId = p.channelId;
  if (
    !(typeof channelId === 'string' || (typeof channelId === 'number' && Number.isSafeInteger(channelId)))
  ) {
    throw bad(endpoint, answer, `${where}.channelId is missing or not an integer`);
  }
  // The wire has a bare integer; the SDK names channels by string everywhere (ClientOptions).
  return { ...p, channelId: String(channelId) } as MyCardProgram;
}

/** `info` of create / get / update program. */
export function programInfo(endpoint: MyCardEndpoint, answer: V3Answer): MyCardProgram {
  return program(endpoint, answer, answer.info, 'info');
}

/** `info[]` of list programs. */
export function programsInfo(answer: V3Answer): MyCardProgram[] {
  if (!Array.isArray(answer.info)) {
    throw bad('mycard.programs', answer, 'info must be an array');
  }
  return answer.info.map((p, i) => program('mycard.programs', answer, p, `info[${i}]`));
}

/** `info` of a key rotation: the new key id and the program's current set. */
export function rotatedInfo(answer: V3Answer): { kid: string; keys: JsonWebKey[] } {
  const info = infoWith('mycard.rotateKey', answer, { kid: 'string', keys: 'array' });
  if (!isKeySet(info)) {
    throw bad('mycard.rotateKey', answer, 'info.keys must hold the program keys');
  }
  return { kid: info.kid as string, keys: info.keys };
}
