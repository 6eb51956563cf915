// The shop's one error type: a stable code, an HTTP status and words a person can act on.

/** An expected failure the shop answers with `{ error: { code, message } }`. */
export class ShopError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'ShopError';
    this.code = code;
    this.status = status;
  }
}

/** 400: the request itself is wrong. */
export function badRequest(message: string, code = 'bad_request'): ShopError {
  return new ShopError(code, 400, message);
}

/** 404: no such order, subscription or product. */
export function notFound(message: string): ShopError {
  return new ShopError('not_found', 404, message);
}

/** 409: the request is fine but the order is not in a state that allows it. */
export function conflict(message: string, code = 'conflict'): ShopError {
  return new ShopError(code, 409, message);
}

/** 502: LINE Pay refused or could not be reached; the message says what it answered. */
export function paymentFailed(message: string, code = 'payment_failed'): ShopError {
  return new ShopError(code, 502, message);
}
