// One HTTP exchange with a deadline: fetch + AbortSignal.timeout, body read under the same
// deadline, failures turned into LinePayError (TIMEOUT / NETWORK). Shared by the v3 transport
// and the sandbox helpers.
import { type ErrorEndpoint, LinePayError } from './errors.ts';

/** The raw outcome of one exchange. */
export interface HttpAnswer {
  status: number;
  text: string;
}

export interface HttpCall {
  fetch: typeof fetch;
  url: string;
  init: RequestInit;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  endpoint: ErrorEndpoint;
  /** Whether a TIMEOUT/NETWORK failure may be retried without applying the call twice. */
  retryableOnFailure: boolean;
  transactionId?: bigint | undefined;
}

function isTimeout(e: unknown): boolean {
  return e instanceof Error && e.name === 'TimeoutError';
}

/** Sends one request and reads the whole body; throws LinePayError TIMEOUT / NETWORK, or the caller's abort reason. */
export async function httpCall(call: HttpCall): Promise<HttpAnswer> {
  if (!Number.isFinite(call.timeoutMs) || call.timeoutMs <= 0) {
    throw new LinePayError({
      returnCode: 'INVALID_ARGUMENT',
      returnMessage: `timeout must be a positive number of ms, got ${call.timeoutMs}`,
      endpoint: call.endpoint,
      retryable: false,
    });
  }
  const deadline = AbortSignal.timeout(call.timeoutMs);
  const combined = call.signal ? either(call.signal, deadline) : { signal: deadline, release: () => {} };
  try {
    const res = await call.fetch(call.url, { ...call.init, signal: combined.signal });
    const text = await res.text();
    return { status: res.status, text };
  } catch (e) {
    if (call.signal?.aborted) {
      // The caller gave up: theirs is the reason, not ours to rename or recover from.
      throw call.signal.reason;
    }
    const timedOut = deadline.aborted || isTimeout(e);
    throw new LinePayError({
      returnCode: timedOut ? 'TIMEOUT' : 'NETWORK',
      returnMessage: timedOut
        ? `no answer within ${call.timeoutMs} ms`
        : `request failed: ${e instanceof Error ? e.message : String(e)}`,
      endpoint: call.endpoint,
      retryable: call.retryableOnFailure,
      transactionId: call.transactionId,
      cause: e,
    });
  } finally {
    combined.release();
  }
}

/** A signal aborted by whichever of two aborts first (AbortSignal.any is missing before Node 20.3). */
function either(a: AbortSignal, b: AbortSignal): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const sources = [a, b];
  const onAbort = (e: Event) => controller.abort((e.target as AbortSignal).reason);
  const release = () => {
    for (const s of sources) {
      s.removeEventListener('abort', onAbort);
    }
  };
  for (const s of sources) {
    if (s.aborted) {
      controller.abort(s.reason);
      return { signal: controller.signal, release };
    }
    s.addEventListener('abort', onAbort, { once: true });
  }
  return { signal: controller.signal, release };
}
