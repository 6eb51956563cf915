import { fail, ok, parseTransactionId, type Result } from '@jinliu/core';

/** Which groups of fields payment details returns. */
export type DetailsFields = 'ALL' | 'TRANSACTION' | 'ORDER';

/** The parsed details query. */
export interface DetailsQuery {
  readonly transactionIds: bigint[];
  readonly orderIds: string[];
  readonly fields: DetailsFields;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/**
 * Parses `GET /v3/payments` from the raw query, accepting every list encoding clients use
 * (reference §3.6): repeated keys, comma lists (`%2C`), `transactionId[]=` and PHP's
 * `transactionId%5B0%5D=`.
 */
export function parseDetailsQuery(rawQuery: string): Result<DetailsQuery> {
  const transactionIds: bigint[] = [];
  const orderIds: string[] = [];
  let fields: DetailsFields = 'ALL';
  for (const pair of rawQuery.split('&')) {
    if (pair === '') {
      continue;
    }
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1));
    if (key === undefined || value === undefined) {
      return fail('2101', 'the query is not valid percent-encoding');
    }
    const name = key.replace(/\[\d*\]$/, '');
    if (name === 'transactionId') {
      for (const part of value.split(',')) {
        const id = parseTransactionId(part.trim());
        if (id === undefined) {
          return fail('2101', `transactionId "${part.slice(0, 30)}" must be a number of up to 19 digits`);
        }
        transactionIds.push(id);
      }
    } else if (name === 'orderId') {
      for (const part of value.split(',')) {
        if (part.length === 0 || part.length > 100) {
          return fail('2101', 'each orderId must be 1 to 100 characters');
        }
        orderIds.push(part);
      }
    } else if (name === 'fields') {
      if (value !== 'ALL' && value !== 'TRANSACTION' && value !== 'ORDER') {
        return fail('2101', 'fields must be ALL, TRANSACTION or ORDER');
      }
      fields = value;
    }
  }
  if (transactionIds.length === 0 && orderIds.length === 0) {
    return fail('2101', 'give at least one transactionId or orderId');
  }
  return ok({ transactionIds, orderIds, fields });
}
