// One signed Online v3 call: headers X-LINE-ChannelId / X-LINE-Authorization-Nonce /
// X-LINE-Authorization and Content-Type on every request (GET included), the body or query
// signed exactly as sent, the answer parsed losslessly and mapped to LinePayError.
import { LinePayError } from './errors.ts';
import { httpCall } from './http-call.ts';
import { parseLosslessJson } from './lossless-json.ts';
import { isRetryableCode, isRetryableTransportFailure } from './retry-policy.ts';
import { signRequest } from './signature.ts';
import type { ApiEndpoint } from './types.ts';

/** Fixed settings of a client's transport. */
export interface TransportConfig {
  baseUrl: string;
  channelId: string;
  channelSecret: string;
  fetch: typeof fetch;
  nonce: () => string;
}

/** One call to make. */
export interface V3Call {
  endpoint: ApiEndpoint;
  method: 'GET' | 'POST';
  path: string;
  /** GET: the query without '?', already encoded. */
  query?: string;
  /** POST: the body object, serialised compactly. */
  body?: object;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  transactionId?: bigint | undefined;
  /** Return codes that are answers, not errors; default only '0000'. */
  accept?: readonly string[];
}

/** A LINE Pay answer that was accepted. */
export interface V3Answer {
  returnCode: string;
  returnMessage: string;
  info: unknown;
  body: Record<string, unknown>;
}

/** Builds a query string with encodeURIComponent and repeated keys (`transactionId=1&transactionId=2`). */
export function buildQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** Sends one signed call and returns the accepted answer; throws LinePayError otherwise. */
export async function sendV3(config: TransportConfig, call: V3Call): Promise<V3Answer> {
  const { endpoint, transactionId } = call;
  let payload = '';
  if (call.method === 'POST') {
    try {
      payload = JSON.stringify(call.body ?? {});
    } catch (e) {
      throw new LinePayError({
        returnCode: 'INVALID_ARGUMENT',
        returnMessage: `the request body cannot be serialised: ${e instanceof Error ? e.message : String(e)}`,
        endpoint,
        retryable: false,
        transactionId,
      });
    }
  }
  const query = call.method === 'GET' ? (call.query ?? '') : '';
  const nonce = config.nonce();
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-LINE-ChannelId': config.channelId,
    'X-LINE-Authorization-Nonce': nonce,
    'X-LINE-Authorization': signRequest({
      channelSecret: config.channelSecret,
      path: call.path,
      bodyOrQuery: call.method === 'POST' ? payload : query,
      nonce,
    }),
  };
  const init: RequestInit = { method: call.method, headers };
  if (call.method === 'POST') {
    init.body = payload;
  }
  const answer = await httpCall({
    fetch: config.fetch,
    url: `${config.baseUrl}${call.path}${query ? `?${query}` : ''}`,
    init,
    timeoutMs: call.timeoutMs,
    signal: call.signal,
    endpoint,
    retryableOnFailure: isRetryableTransportFailure(endpoint),
    transactionId,
  });
  return readAnswer(call, answer.status, answer.text);
}

/** Maps an HTTP answer to an accepted V3Answer or a LinePayError. */
export function readAnswer(call: V3Call, status: number, text: string): V3Answer {
  const { endpoint, transactionId } = call;
  let parsed: unknown;
  let parseError: unknown;
  try {
    parsed = parseLosslessJson(text);
  } catch (e) {
    parseError = e;
  }
  if (status !== 200) {
    throw new LinePayError({
      returnCode: `HTTP_${status}`,
      returnMessage: `HTTP ${status} instead of 200`,
      endpoint,
      retryable: isRetryableTransportFailure(endpoint, status),
      httpStatus: status,
      transactionId,
      body: parsed,
    });
  }
  const bad = (message: string): LinePayError =>
    new LinePayError({
      returnCode: 'BAD_RESPONSE',
      returnMessage: message,
      endpoint,
      retryable: isRetryableTransportFailure(endpoint),
      httpStatus: status,
      transactionId,
      body: parsed,
      cause: parseError,
    });
  if (parseError !== undefined) {
    throw bad('the answer is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw bad('the answer is not a JSON object');
  }
  const body = parsed as Record<string, unknown>;
  const { returnCode } = body;
  if (typeof returnCode !== 'string' || returnCode.length !== 4) {
    throw bad('the answer has no 4-character returnCode');
  }
  const returnMessage = typeof body.returnMessage === 'string' ? body.returnMessage : '-';
  if (!(call.accept ?? ['0000']).includes(returnCode)) {
    throw new LinePayError({
      returnCode,
      returnMessage,
      endpoint,
      retryable: isRetryableCode(endpoint, returnCode),
      httpStatus: status,
      transactionId,
      body,
    });
  }
  return { returnCode, returnMessage, info: body.info, body };
}
