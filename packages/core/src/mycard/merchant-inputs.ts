import { fail, ok, type Result } from '../errors/index.ts';
import { isObject } from '../payments/validate.ts';
import { readId, readText } from './fields.ts';

/** The Apply API body: the binding token from the browser and the shopper's membership code. */
export interface ApplyInput {
  readonly token: string;
  /** Still unchecked: its format depends on the program's code type, known after the lookup. */
  readonly membershipCode: unknown;
  readonly displayName: string | null;
}

// A P-256 signature is 64 bytes: 86 base64url characters without padding.
const tokenShape = /^[A-Za-z0-9_-]{86}$/;

/** Validates the Apply body; a token of the wrong shape cannot be one of ours (3101). */
export function readApply(body: unknown): Result<ApplyInput> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  if (typeof body.token !== 'string' || body.token.length === 0) {
    return fail('2101', 'token is required: the token parameter your binding page received');
  }
  if (!tokenShape.test(body.token)) {
    return fail('3101', 'token is not a binding token issued by this platform');
  }
  if (body.membershipCode === undefined || body.membershipCode === null) {
    return fail('2101', 'membershipCode is required');
  }
  const displayName = readText(body, 'displayName', 'displayName', 100, false);
  if (!displayName.ok) {
    return displayName;
  }
  return ok({
    token: body.token,
    membershipCode: body.membershipCode,
    displayName: displayName.value?.trim() || null,
  });
}

/** Which binding a merchant ends: by the membership code it knows, or by binding id. */
export type UnbindInput = { readonly membershipCode: string } | { readonly bindingId: string };

/** Validates the merchant unbind body: exactly one of membershipCode or bindingId. */
export function readUnbind(body: unknown): Result<UnbindInput> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  const hasCode = body.membershipCode !== undefined && body.membershipCode !== null;
  const hasId = body.bindingId !== undefined && body.bindingId !== null;
  if (hasCode === hasId) {
    return fail('2101', 'give exactly one of membershipCode or bindingId');
  }
  if (hasId) {
    const id = readId(body, 'bindingId', 'bindingId', true);
    return id.ok ? ok({ bindingId: id.value ?? '' }) : id;
  }
  return typeof body.membershipCode === 'string' &&
    body.membershipCode.length > 0 &&
    body.membershipCode.length <= 256
    ? ok({ membershipCode: body.membershipCode })
    : fail('2101', 'membershipCode must be a string of 1 to 256 characters');
}

/** Validates a group creation body: `{ name }`. */
export function readGroupCreate(body: unknown): Result<{ name: string }> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  const name = readText(body, 'name', 'name', 100, true);
  return name.ok ? ok({ name: (name.value ?? '').trim() }) : name;
}

/** Validates an add-member body: `{ merchantId }`. */
export function readGroupMember(body: unknown): Result<{ merchantId: string }> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  const id = body.merchantId;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(id)
    ? ok({ merchantId: id })
    : fail('2101', 'merchantId is required');
}
