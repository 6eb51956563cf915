// Which failures may be retried without applying an operation twice. `retryable` on a
// LinePayError is exactly this answer; docs/README "Errors" carries the same table.
import type { ApiEndpoint } from './types.ts';

/** Endpoints that only read: calling them again never changes anything. */
const readEndpoints: ReadonlySet<ApiEndpoint> = new Set([
  'paymentDetails',
  'checkPaymentStatus',
  'checkRegKey',
  'mycard.keys',
  'mycard.programs',
  'mycard.program',
]);

/** Writes keyed on nothing: a second call after "already being processed" would act twice. */
const unkeyedWrites: ReadonlySet<ApiEndpoint> = new Set([
  'refund',
  'mycard.createProgram',
  'mycard.rotateKey',
]);

/** True for the GET endpoints. */
export function isReadEndpoint(endpoint: ApiEndpoint): boolean {
  return readEndpoints.has(endpoint);
}

/**
 * Whether a LINE Pay returnCode may be retried as is.
 * - 1900/1902/1999: LINE Pay documents them as "temporary error / retry allowed" — the call was
 *   not applied.
 * - 1198: "already being processed" — the server is still working on an earlier identical call.
 *   Calling again is safe where the operation is keyed (confirm/capture/void act once per
 *   transaction, request/payPreapproved once per orderId, expireRegKey once per regKey, apply
 *   once per token), but not for refund, which LINE Pay keys on nothing: a second refund call
 *   is a second refund (likewise a second program creation or key rotation).
 * - 9000: internal error, outcome unknown — retryable only for reads, for the same reason a
 *   timeout on a write is not.
 * - everything else is a business answer: the same call gets the same answer.
 */
export function isRetryableCode(endpoint: ApiEndpoint, code: string): boolean {
  switch (code) {
    case '1900':
    case '1902':
    case '1999':
      return true;
    case '1198':
      return !unkeyedWrites.has(endpoint);
    case '9000':
      return isReadEndpoint(endpoint);
    default:
      return false;
  }
}

/** Whether an HTTP-level failure (non-200, unreadable body) may be retried: reads only. */
export function isRetryableTransportFailure(endpoint: ApiEndpoint, httpStatus?: number): boolean {
  if (!isReadEndpoint(endpoint)) {
    return false;
  }
  return httpStatus === undefined || httpStatus >= 500 || httpStatus === 429 || httpStatus === 408;
}
