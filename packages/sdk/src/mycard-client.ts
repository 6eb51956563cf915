// `client.mycard`: the merchant side of a My Card binding (verify the binding request with the
// program's public keys, Apply, unbind) and the card program API. Every call except the public
// JWK set is signed exactly like Online v3.
import { parseBindingRequest } from './binding-request.ts';
import { hasUsableKey, isWellFormedToken, verifyBindingToken } from './binding-token.ts';
import { type ErrorEndpoint, invalidArgument, isLinePayError, LinePayError } from './errors.ts';
import { httpCall } from './http-call.ts';
import { createKeyCache, type KeyCache } from './jwks-cache.ts';
import {
  appliedInfo,
  isKeySet,
  programInfo,
  programsInfo,
  rotatedInfo,
  unbindInfo,
} from './mycard-shapes.ts';
import type { JsonWebKeySet, MyCardApi, MyCardEndpoint } from './mycard-types.ts';
import { isRetryableTransportFailure } from './retry-policy.ts';
import type { TransportConfig, V3Answer, V3Call } from './transport.ts';
import type { CallOptions } from './types.ts';

/** Read timeouts of the My Card calls (LINE Pay documents none; 20 s like its other calls). */
export const myCardTimeouts: Readonly<Record<MyCardEndpoint, number>> = {
  'mycard.keys': 20_000,
  'mycard.apply': 20_000,
  'mycard.unbind': 20_000,
  'mycard.createProgram': 20_000,
  'mycard.programs': 20_000,
  'mycard.program': 20_000,
  'mycard.updateProgram': 20_000,
  'mycard.rotateKey': 20_000,
};

/** What the My Card calls borrow from the client. */
export interface MyCardDeps {
  config: TransportConfig;
  /** One signed call with the endpoint's timeout. */
  call(base: Omit<V3Call, 'timeoutMs' | 'signal'>, o: CallOptions | undefined): Promise<V3Answer>;
  /** A signed GET, re-sent once after a dropped connection when safe retry is on. */
  read(base: Omit<V3Call, 'timeoutMs' | 'signal' | 'method'>, o: CallOptions | undefined): Promise<V3Answer>;
  timeoutMs(endpoint: MyCardEndpoint, o: CallOptions | undefined): number;
  safeRetry: boolean;
  /** Injectable for tests; default a 5-minute cache. */
  keyCache?: KeyCache;
}

const programIdShape = /^[A-Za-z0-9_-]{1,100}$/;

function programPath(endpoint: ErrorEndpoint, programId: string, rest = ''): string {
  if (typeof programId !== 'string' || !programIdShape.test(programId)) {
    throw invalidArgument(endpoint, 'programId must be a program id such as CP7K2M…');
  }
  return `/v1/mycard/programs/${encodeURIComponent(programId)}${rest}`;
}

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Creates `client.mycard` over the client's signed transport. */
export function createMyCardApi(deps: MyCardDeps): MyCardApi {
  const cache = deps.keyCache ?? createKeyCache();

  /** One unsigned GET of the public JWK set; platform errors keep their code (3111 = no such program). */
  async function fetchKeys(programId: string, o: CallOptions | undefined): Promise<JsonWebKeySet> {
    const endpoint = 'mycard.keys';
    const path = programPath(endpoint, programId, '/jwks.json');
    const once = () =>
      httpCall({
        fetch: deps.config.fetch,
        url: deps.config.baseUrl + path,
        init: { method: 'GET', headers: { Accept: 'application/json' } },
        timeoutMs: deps.timeoutMs(endpoint, o),
        signal: o?.signal,
        endpoint,
        retryableOnFailure: true,
      });
    let answer: Awaited<ReturnType<typeof once>>;
    try {
      answer = await once();
    } catch (e) {
      if (!(deps.safeRetry && isLinePayError(e) && e.returnCode === 'NETWORK' && !o?.signal?.aborted)) {
        throw e;
      }
      answer = await once();
    }
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      body = undefined;
    }
    if (answer.status !== 200) {
      const error = isObject(body) && isObject(body.error) ? body.error : {};
      const code = nonEmpty(error.code) ? error.code : `HTTP_${answer.status}`;
      throw new LinePayError({
        returnCode: code,
        returnMessage: nonEmpty(error.message) ? error.message : `HTTP ${answer.status} instead of 200`,
        endpoint,
        retryable: isRetryableTransportFailure(endpoint, answer.status),
        httpStatus: answer.status,
        body,
      });
    }
    if (!isKeySet(body) || !hasUsableKey(body)) {
      throw new LinePayError({
        returnCode: 'BAD_RESPONSE',
        returnMessage: 'the answer is not a JWK set holding an EC P-256 key',
        endpoint,
        retryable: true,
        httpStatus: answer.status,
        body,
      });
    }
    return { keys: body.keys };
  }

  return {
    async keys(programId, o) {
      const { keys } = (await cache.get(programId, () => fetchKeys(programId, o))).keys;
      // A copy, so a caller changing the list cannot change what later verifications use.
      return { keys: [...keys] };
    },

    async verifyBindingRequest(programId, url, o) {
      programPath('mycard.verifyBindingRequest', programId);
      const request = parseBindingRequest(url);
      const load = () => fetchKeys(programId, o);
      const cached = await cache.get(programId, load);
      if (await verifyBindingToken({ ...request, keys: cached.keys })) {
        return request;
      }
      // A cached set may predate a key rotation: fetch once more, but only for a token that
      // could be a signature at all, so garbage never costs a request.
      if (!cached.fetched && isWellFormedToken(request.token)) {
        const fresh = await cache.get(programId, load, true);
        if (await verifyBindingToken({ ...request, keys: fresh.keys })) {
          return request;
        }
      }
      throw new LinePayError({
        returnCode: 'INVALID_BINDING_TOKEN',
        returnMessage: `the binding token does not verify with the keys of program ${programId}`,
        endpoint: 'mycard.verifyBindingRequest',
        retryable: false,
      });
    },

    async apply(body, o) {
      const endpoint = 'mycard.apply';
      if (!isObject(body) || !nonEmpty(body.token)) {
        throw invalidArgument(endpoint, 'token is required: the token parameter your binding page received');
      }
      if (!nonEmpty(body.membershipCode)) {
        throw invalidArgument(endpoint, 'membershipCode must be a non-empty string');
      }
      if (body.displayName !== undefined && typeof body.displayName !== 'string') {
        throw invalidArgument(endpoint, 'displayName must be a string');
      }
      const payload = {
        token: body.token,
        membershipCode: body.membershipCode,
        ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
      };
      return appliedInfo(
        await deps.call({ endpoint, method: 'POST', path: '/v1/mycard/apply', body: payload }, o),
      );
    },

    async unbind(body, o) {
      const endpoint = 'mycard.unbind';
      const b: Record<string, unknown> = isObject(body) ? body : {};
      const byCode = b.membershipCode !== undefined;
      if (byCode === (b.bindingId !== undefined)) {
        throw invalidArgument(endpoint, 'give exactly one of membershipCode or bindingId');
      }
      const value = byCode ? b.membershipCode : b.bindingId;
      if (!nonEmpty(value)) {
        throw invalidArgument(
          endpoint,
          `${byCode ? 'membershipCode' : 'bindingId'} must be a non-empty string`,
        );
      }
      const payload = byCode ? { membershipCode: value } : { bindingId: value };
      const path = '/v1/mycard/bindings/unbind';
      return unbindInfo(await deps.call({ endpoint, method: 'POST', path, body: payload }, o));
    },

    async createProgram(body, o) {
      const endpoint = 'mycard.createProgram';
      if (!isObject(body) || !nonEmpty(body.name) || !nonEmpty(body.codeType) || !nonEmpty(body.bindingUrl)) {
        throw invalidArgument(endpoint, 'name, codeType and bindingUrl are required');
      }
      const answer = await deps.call({ endpoint, method: 'POST', path: '/v1/mycard/programs', body }, o);
      return programInfo(endpoint, answer);
    },

    async programs(o) {
      return programsInfo(await deps.read({ endpoint: 'mycard.programs', path: '/v1/mycard/programs' }, o));
    },

    async program(programId, o) {
      const endpoint = 'mycard.program';
      const answer = await deps.read({ endpoint, path: programPath(endpoint, programId) }, o);
      return programInfo(endpoint, answer);
    },

    async updateProgram(programId, patch, o) {
      const endpoint = 'mycard.updateProgram';
      const path = programPath(endpoint, programId);
      if (!isObject(patch) || Object.keys(patch).length === 0) {
        throw invalidArgument(endpoint, 'give at least one field to change');
      }
      return programInfo(endpoint, await deps.call({ endpoint, method: 'POST', path, body: patch }, o));
    },

    async rotateKey(programId, o) {
      const endpoint = 'mycard.rotateKey';
      const path = programPath(endpoint, programId, '/keys/rotate');
      const rotated = rotatedInfo(await deps.call({ endpoint, method: 'POST', path, body: {} }, o));
      cache.put(programId, { keys: rotated.keys });
      return rotated;
    },
  };
}
