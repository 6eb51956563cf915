import { fail, isRegKey, ok, parseTransactionId, type Result } from '@jinliu/core';

/** The transactionId path parameter as a bigint. */
export function pathTransactionId(params: Record<string, string>): Result<bigint> {
  const id = parseTransactionId(params.transactionId ?? '');
  return id === undefined ? fail('2101', 'transactionId must be a number of up to 19 digits') : ok(id);
}

/** The regKey path parameter; a malformed key cannot exist (1190). */
export function pathRegKey(params: Record<string, string>): Result<string> {
  const key = params.regKey ?? '';
  return isRegKey(key) ? ok(key) : fail('1190');
}
