import type { ReturnCode } from './return-codes.ts';

/** An expected failure: a return code plus a message that tells the caller what to fix. */
export interface Failure {
  readonly ok: false;
  readonly code: ReturnCode;
  readonly message?: string;
}

/** An expected success carrying a value. */
export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

/** Services return expected failures as values; exceptions are reserved for bugs. */
export type Result<T> = Success<T> | Failure;

/** Wraps a value as a success. */
export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

/** Builds a failure; the message is optional detail beyond the code's default text. */
export function fail(code: ReturnCode, message?: string): Failure {
  return message === undefined ? { ok: false, code } : { ok: false, code, message };
}

/** Thrown for conditions that should never happen; rendered as 9000 without detail. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** Thrown inside a transaction to abort it with an expected failure (rolls the transaction back). */
export class AbortWithFailure extends Error {
  override readonly name = 'AbortWithFailure';
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(`${failure.code}${failure.message ? `: ${failure.message}` : ''}`);
    this.failure = failure;
  }
}
