import { type ErrorEndpoint, invalidArgument } from './errors.ts';
import type { TransactionId } from './types.ts';

const maxId = (1n << 63n) - 1n;

/** Validates a transaction id given as bigint or digit string; throws INVALID_ARGUMENT otherwise. */
export function toTransactionId(id: TransactionId, endpoint: ErrorEndpoint): bigint {
  if (typeof id === 'bigint') {
    if (id <= 0n || id > maxId) {
      throw invalidArgument(endpoint, 'transactionId must be a positive 64-bit integer');
    }
    return id;
  }
  if (typeof id === 'string' && /^\d{1,19}$/.test(id) && BigInt(id) > 0n && BigInt(id) <= maxId) {
    return BigInt(id);
  }
  // A number would already have lost digits beyond 2^53, so it is refused rather than guessed at.
  throw invalidArgument(endpoint, 'transactionId must be a bigint or a string of digits (not a number)');
}
