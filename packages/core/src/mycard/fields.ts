import { type Failure, fail } from '../errors/index.ts';
import { type Field, readString } from '../payments/validate.ts';
import { hasControlCharacter } from './plain-text.ts';

type Obj = Record<string, unknown>;

/** A plain-text field (shown escaped, never as HTML): length-limited, no control characters. */
export function readText(
  obj: Obj,
  key: string,
  path: string,
  max: number,
  required: boolean,
): Field<string | undefined> {
  const text = required ? readString(obj, key, path, max, true) : readString(obj, key, path, max, false);
  if (!text.ok || text.value === undefined) {
    return text;
  }
  if (hasControlCharacter(text.value, true)) {
    return fail('2101', `${path} must be plain text without control characters`);
  }
  if (required && text.value.trim() === '') {
    return fail('2101', `${path} must not be blank`);
  }
  return text;
}

/**
 * An absolute https URL (plain http too when `allowHttp`, i.e. in sandbox mode), at most 500
 * characters, without user name or password.
 */
export function readWebUrl(
  obj: Obj,
  key: string,
  path: string,
  required: boolean,
  allowHttp: boolean,
): Field<string | undefined> {
  const text = required ? readString(obj, key, path, 500, true) : readString(obj, key, path, 500, false);
  if (!text.ok || text.value === undefined) {
    return text;
  }
  const refuse = (): Failure =>
    fail(
      '2101',
      `${path} must be an absolute https URL${allowHttp ? ' (http is allowed in sandbox mode)' : ''}`,
    );
  if (!URL.canParse(text.value)) {
    return refuse();
  }
  const url = new URL(text.value);
  if (!(url.protocol === 'https:' || (allowHttp && url.protocol === 'http:'))) {
    return refuse();
  }
  if (url.username || url.password) {
    return fail('2101', `${path} must not carry a user name or password`);
  }
  return text;
}

const idPattern = /^[A-Z0-9]{4,40}$/;

/** An id of ours (program, group, campaign, binding): upper-case letters and digits. */
export function readId(obj: Obj, key: string, path: string, required: boolean): Field<string | undefined> {
  const value = obj[key];
  if (value === undefined || value === null) {
    return required ? fail('2101', `${path} is required`) : { ok: true, value: undefined };
  }
  return typeof value === 'string' && idPattern.test(value)
    ? { ok: true, value }
    : fail('2101', `${path} must be an id of 4 to 40 upper-case letters and digits`);
}

/** True when `text` has the shape of one of our ids (for path parameters). */
export function isMyCardId(text: string): boolean {
  return idPattern.test(text);
}
