import { type Failure, fail } from '../errors/index.ts';
import { type Currency, isCurrency, parseWireAmount } from '../money/index.ts';

/**
 * Small field readers for request bodies. Each returns the value or a Failure naming the
 * field, so a merchant sees exactly what to fix ("packages[0].id is required").
 */
export type Field<T> = { ok: true; value: T } | Failure;

type Obj = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A required or optional string with a maximum length. */
export function readString(obj: Obj, key: string, path: string, max: number, required: true): Field<string>;
export function readString(
  obj: Obj,
  key: string,
  path: string,
  max: number,
  required: false,
): Field<string | undefined>;
export function readString(
  obj: Obj,
  key: string,
  path: string,
  max: number,
  required: boolean,
): Field<string | undefined> {
  const value = obj[key];
  if (value === undefined || value === null) {
    return required ? fail('2101', `${path} is required`) : { ok: true, value: undefined };
  }
  if (typeof value !== 'string') {
    return fail('2101', `${path} must be a string`);
  }
  if (required && value.length === 0) {
    return fail('2101', `${path} must not be empty`);
  }
  if (value.length > max) {
    return fail('2101', `${path} must be at most ${max} characters`);
  }
  return { ok: true, value };
}

/** An optional boolean with a default. */
export function readBoolean(obj: Obj, key: string, path: string, fallback: boolean): Field<boolean> {
  const value = obj[key];
  if (value === undefined || value === null) {
    return { ok: true, value: fallback };
  }
  return typeof value === 'boolean' ? { ok: true, value } : fail('2101', `${path} must be true or false`);
}

/** A required amount in major units converted to minor units. */
export function readAmount(
  obj: Obj,
  key: string,
  path: string,
  currency: Currency,
  required: true,
): Field<bigint>;
export function readAmount(
  obj: Obj,
  key: string,
  path: string,
  currency: Currency,
  required: false,
  allowString?: boolean,
): Field<bigint | undefined>;
export function readAmount(
  obj: Obj,
  key: string,
  path: string,
  currency: Currency,
  required: boolean,
  allowString = false,
): Field<bigint | undefined> {
  const value = obj[key];
  if (value === undefined || value === null) {
    return required ? fail('2101', `${path} is required`) : { ok: true, value: undefined };
  }
  if (typeof value !== 'number' && !(allowString && typeof value === 'string')) {
    return fail('2101', `${path} must be a number`);
  }
  return parseWireAmount(value, currency, path);
}

/** An optional nested object. */
export function readObject(obj: Obj, key: string, path: string): Field<Obj> {
  const value = obj[key];
  if (value === undefined || value === null) {
    return { ok: true, value: {} };
  }
  return isObject(value) ? { ok: true, value } : fail('2101', `${path} must be an object`);
}

/** A URL a browser or server will be sent to: absolute http(s). */
export function readUrl(obj: Obj, key: string, path: string, required: boolean): Field<string | undefined> {
  const text = required ? readString(obj, key, path, 500, true) : readString(obj, key, path, 500, false);
  if (!text.ok || text.value === undefined) {
    return text;
  }
  if (!URL.canParse(text.value)) {
    return fail('2101', `${path} must be an absolute URL`);
  }
  const protocol = new URL(text.value).protocol;
  // App schemes (myapp://) are allowed: merchants' mobile apps return through them.
  if (protocol === 'javascript:' || protocol === 'data:' || protocol === 'file:') {
    return fail('2101', `${path} must be an http(s) or app URL`);
  }
  return text;
}

/**
 * A required currency that must be `expected`: missing or not a string is 2101; any other
 * currency is `mismatch` (1178 where the channel decides, 1153 where the payment does).
 */
export function readCurrency(obj: Obj, expected: Currency, mismatch: '1178' | '1153'): Field<Currency> {
  const value = obj.currency;
  if (value === undefined || value === null) {
    return fail('2101', 'currency is required');
  }
  if (typeof value !== 'string') {
    return fail('2101', 'currency must be a string');
  }
  if (!isCurrency(value) || value !== expected) {
    return fail(
      mismatch,
      mismatch === '1178'
        ? `this channel accepts ${expected} only`
        : `currency must be ${expected}, as requested`,
    );
  }
  return { ok: true, value };
}
