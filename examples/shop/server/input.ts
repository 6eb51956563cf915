// Reading request bodies and parameters: small checks with messages a person can act on.
import { badRequest } from './errors.ts';
import { fromWire } from './money.ts';

/** The body as an object ({} when absent). */
export function bodyOf(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) {
    return {};
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('The body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** An optional whole amount in NT$ (major units on the page) as minor units. */
export function optionalAmount(value: unknown, currency: string, field = 'amount'): bigint | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw badRequest(`${field} must be a positive number.`, 'bad_amount');
  }
  try {
    return fromWire(value, currency);
  } catch {
    throw badRequest(`${field} must be a whole number of NT$.`, 'bad_amount');
  }
}

/** A LINE Pay transaction id from a URL: 1 to 19 digits. */
export function transactionIdOf(value: unknown): bigint {
  if (typeof value !== 'string' || !/^\d{1,19}$/.test(value)) {
    throw badRequest('transactionId must be the digits LINE Pay sent back.', 'bad_transaction_id');
  }
  return BigInt(value);
}

/** An id path parameter (orders, subscriptions): letters, digits and dashes only. */
export function idParam(params: unknown, name: string): string {
  const v = (params as Record<string, unknown> | undefined)?.[name];
  if (typeof v !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(v)) {
    throw badRequest(`${name} is not a valid id.`, 'bad_id');
  }
  return v;
}
