import type { MyCardHelper } from './mycard-types.ts';
import type { ApiEndpoint } from './types.ts';

/** Where an error came from: a v3 or My Card call, a local My Card helper, or a Jinliu sandbox helper. */
export type ErrorEndpoint = ApiEndpoint | MyCardHelper | `sandbox.${string}`;

/** What a `LinePayError` is built from. */
export interface LinePayErrorInit {
  returnCode: string;
  returnMessage: string;
  endpoint: ErrorEndpoint;
  retryable: boolean;
  httpStatus?: number | undefined;
  transactionId?: bigint | undefined;
  body?: unknown;
  cause?: unknown;
}

/**
 * The one error the SDK throws. `returnCode` is LINE Pay's 4-character code or one of the SDK
 * codes TIMEOUT, NETWORK, HTTP_<status>, BAD_RESPONSE, INVALID_ARGUMENT, INVALID_BINDING_TOKEN.
 */
export class LinePayError extends Error {
  readonly returnCode: string;
  readonly returnMessage: string;
  readonly endpoint: ErrorEndpoint;
  /** True only when calling again cannot apply the operation twice. */
  readonly retryable: boolean;
  readonly httpStatus?: number;
  readonly transactionId?: bigint;
  /** The parsed response, when there was one. */
  readonly body?: unknown;

  constructor(init: LinePayErrorInit) {
    super(
      `LINE Pay ${init.endpoint} failed: ${init.returnCode} ${init.returnMessage}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.name = 'LinePayError';
    this.returnCode = init.returnCode;
    this.returnMessage = init.returnMessage;
    this.endpoint = init.endpoint;
    this.retryable = init.retryable;
    if (init.httpStatus !== undefined) {
      this.httpStatus = init.httpStatus;
    }
    if (init.transactionId !== undefined) {
      this.transactionId = init.transactionId;
    }
    if (init.body !== undefined) {
      this.body = init.body;
    }
  }
}

/** True when `e` is a `LinePayError` (also across duplicated copies of the SDK). */
export function isLinePayError(e: unknown): e is LinePayError {
  return (
    e instanceof LinePayError ||
    (e instanceof Error &&
      e.name === 'LinePayError' &&
      typeof (e as { returnCode?: unknown }).returnCode === 'string' &&
      typeof (e as { retryable?: unknown }).retryable === 'boolean')
  );
}

/** A `LinePayError` for bad input detected before anything is sent. */
export function invalidArgument(endpoint: ErrorEndpoint, message: string): LinePayError {
  return new LinePayError({
    returnCode: 'INVALID_ARGUMENT',
    returnMessage: message,
    endpoint,
    retryable: false,
  });
}
