// The two URLs of a My Card binding that pass through the merchant's site: the binding request
// the platform sends the shopper's browser to (nonce, callback, token appended to the binding
// URL), and the callback the merchant sends the browser back to after the Apply call.
import { invalidArgument } from './errors.ts';
import type { BindingOutcome, BindingRequest } from './mycard-types.ts';

const base64url = /^[A-Za-z0-9_-]+$/;
const maxPart = 2048;
const outcomes: readonly string[] = ['SUCCESS', 'FAIL', 'CANCEL'];

/** True for an absolute http(s) URL. */
function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function paramsOf(url: string | URL | URLSearchParams): URLSearchParams {
  if (url instanceof URLSearchParams) {
    return url;
  }
  if (url instanceof URL) {
    return url.searchParams;
  }
  if (typeof url === 'string') {
    // A full URL, a path such as req.url ('/mycard/bind?nonce=…'), or a bare query.
    return url.includes('?') || url.includes('://')
      ? new URL(url, 'http://binding.invalid').searchParams
      : new URLSearchParams(url);
  }
  throw invalidArgument('mycard.parseBindingRequest', 'give a string, URL or URLSearchParams');
}

function one(params: URLSearchParams, name: keyof BindingRequest): string {
  const values = params.getAll(name);
  const value = values[0];
  if (values.length !== 1 || value === undefined || value.length === 0) {
    throw invalidArgument(
      'mycard.parseBindingRequest',
      `the binding URL must carry exactly one non-empty ${name} parameter`,
    );
  }
  if (value.length > maxPart) {
    throw invalidArgument('mycard.parseBindingRequest', `the ${name} parameter is too long`);
  }
  return value;
}

/**
 * Reads `nonce`, `callback` and `token` from the URL the platform sent the shopper to (a full
 * URL, a `URL`, a path such as `req.url`, a query string or `URLSearchParams`). Throws
 * `INVALID_ARGUMENT` when one is missing or repeated, `callback` is not an absolute http(s)
 * URL, or `token` is not base64url. It does not verify the token: use `verifyBindingToken`
 * or `client.mycard.verifyBindingRequest`.
 */
export function parseBindingRequest(url: string | URL | URLSearchParams): BindingRequest {
  const params = paramsOf(url);
  const nonce = one(params, 'nonce');
  const callback = one(params, 'callback');
  const token = one(params, 'token');
  if (!isWebUrl(callback)) {
    throw invalidArgument('mycard.parseBindingRequest', 'callback must be an absolute http(s) URL');
  }
  if (!base64url.test(token)) {
    throw invalidArgument('mycard.parseBindingRequest', 'token must be base64url text');
  }
  return { nonce, callback, token };
}

/**
 * The URL to redirect the shopper's browser to after the Apply call: `callback` with `token`,
 * `channelId` and `status` added. The callback's own query is kept byte for byte and the
 * parameters go before any fragment. Use only a callback whose token you verified. Throws
 * `INVALID_ARGUMENT` for a callback that is not an absolute http(s) URL, an empty token or
 * channelId, or a status other than SUCCESS, FAIL or CANCEL.
 */
export function bindingCallbackUrl(input: {
  callback: string;
  token: string;
  channelId: string;
  status: BindingOutcome;
}): string {
  const { callback, token, channelId, status } = input ?? {};
  if (typeof callback !== 'string' || !isWebUrl(callback)) {
    throw invalidArgument('mycard.bindingCallbackUrl', 'callback must be an absolute http(s) URL');
  }
  if (typeof token !== 'string' || token.length === 0) {
    throw invalidArgument('mycard.bindingCallbackUrl', 'token is required');
  }
  if (typeof channelId !== 'string' || channelId.length === 0) {
    throw invalidArgument('mycard.bindingCallbackUrl', 'channelId is required (your channel id)');
  }
  if (!outcomes.includes(status)) {
    throw invalidArgument('mycard.bindingCallbackUrl', 'status must be SUCCESS, FAIL or CANCEL');
  }
  const hashAt = callback.indexOf('#');
  const head = hashAt === -1 ? callback : callback.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : callback.slice(hashAt);
  const added = `token=${encodeURIComponent(token)}&channelId=${encodeURIComponent(channelId)}&status=${status}`;
  const separator = !head.includes('?') ? '?' : head.endsWith('?') || head.endsWith('&') ? '' : '&';
  return `${head}${separator}${added}${fragment}`;
}
