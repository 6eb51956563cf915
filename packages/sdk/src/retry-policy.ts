// Which failures may be retried without applying an operation twice. `retryable` on a
// LinePayError is exactly this answer; docs/README "Errors" carries the same table.
import type { Endpoint } from './types.ts';

/** Endpoints that only read: calling them again never changes anything. */
const readEndpoints: ReadonlySet<Endpoint> = new Set(['paymentDetails', 'checkPaymentStatus', 'checkRegKey']);

/** True for the GET endpoints. */
export function isReadEndpoint(endpoint: Endpoint): boolean {
  return readEndpoints.has(endpoint);
}

/**
 * Whether a LINE Pay returnCode may be retried as is.
 * - 1900/1902/1999: LINE Pay documents them as "temporary error / retry allowed" — the call was
 *   not applied.
 * - 1198: "already being processed" — the server is still working on an earlier identical call.
 *   Calling again is safe where the operation is keyed (confirm/capture/void act once per
 *   transaction, request/payPreapproved once per orderId, expireRegKey once per regKey), but
 *   not for refund, which LINE Pay keys on nothing: a second refund call is a second refund.
 * - 9000: internal error, outcome unknown — retryable only for reads, for the same reason a
 *   timeout on a write is not.
 * - everything else is a business answer: the same call gets the same answer.
 */
export function isRetryableCode(endpoint: Endpoint, code: string): boolean {
  switch (code) {
    case '1900':
    case '1902':
    case '1999':
      return true;
    case '1198':
      return endpoint !== 'refund';
    case '9000':
      return isReadEndpoint(endpoint);
    default:
      return false;
  }
}

/** Whether an HTTP-level failure (non-200, unreadable body) may be retried: reads only. */
export function isRetryableTransportFailure(endpoint: Endpoint, httpStatus?: number): boolean {
  if (!isReadEndpoint(endpoint)) {
    return false;
  }
  return httpStatus === undefined || httpStatus >= 500 || httpStatus === 429 || httpStatus === 408;
}
