// Checks that an accepted answer's `info` has the fields its type promises (ids already bigint
// from the lossless parse), so callers never receive a shape the types lie about.
import { LinePayError } from './errors.ts';
import type { Membership } from './mycard-types.ts';
import type { V3Answer } from './transport.ts';
import type {
  ApiEndpoint,
  CaptureInfo,
  ConfirmInfo,
  PaymentDetail,
  PayPreapprovedInfo,
  RefundInfo,
  RequestPaymentInfo,
} from './types.ts';

type Obj = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A BAD_RESPONSE for an accepted answer whose shape breaks a promise of its type. */
export function bad(endpoint: ApiEndpoint, answer: V3Answer, message: string): LinePayError {
  return new LinePayError({
    returnCode: 'BAD_RESPONSE',
    returnMessage: message,
    endpoint,
    retryable: false,
    httpStatus: 200,
    body: answer.body,
  });
}

/** The `info` object, with the named fields checked: 'id' = bigint, 'string', 'array', 'object'. */
export function infoWith(
  endpoint: ApiEndpoint,
  answer: V3Answer,
  fields: Record<string, 'id' | 'string' | 'array' | 'object'>,
): Obj {
  const { info } = answer;
  if (!isObj(info)) {
    throw bad(endpoint, answer, 'the answer has no info object');
  }
  for (const [key, kind] of Object.entries(fields)) {
    const v = info[key];
    const okay =
      kind === 'id'
        ? typeof v === 'bigint'
        : kind === 'string'
          ? typeof v === 'string'
          : kind === 'array'
            ? Array.isArray(v)
            : isObj(v);
    if (!okay) {
      throw bad(
        endpoint,
        answer,
        `info.${key} is missing or not ${kind === 'id' ? 'an integer id' : `a ${kind}`}`,
      );
    }
  }
  return info;
}

/**
 * Checks an optional `memberships` field (My Card): absent, or an array of objects each with
 * string programId, programName, membershipCode and codeType.
 */
function checkMemberships(endpoint: ApiEndpoint, answer: V3Answer, value: unknown, where: string): void {
  if (value === undefined) {
    return;
  }
  const fine =
    Array.isArray(value) &&
    value.every(
      (m) =>
        isObj(m) &&
        typeof m.programId === 'string' &&
        typeof m.programName === 'string' &&
        typeof m.membershipCode === 'string' &&
        typeof m.codeType === 'string',
    );
  if (!fine) {
    throw bad(endpoint, answer, `${where}.memberships must be a list of memberships`);
  }
}

/** The memberships of a check-status answer (its `info` is often absent), or undefined. */
export function statusMemberships(answer: V3Answer): Membership[] | undefined {
  const value = isObj(answer.info) ? answer.info.memberships : undefined;
  checkMemberships('checkPaymentStatus', answer, value, 'info');
  return value as Membership[] | undefined;
}

/** `info` of request payment. */
export function requestInfo(answer: V3Answer): RequestPaymentInfo {
  const info = infoWith('request', answer, {
    transactionId: 'id',
    paymentAccessToken: 'string',
    paymentUrl: 'object',
  });
  const url = info.paymentUrl as Obj;
  if (typeof url.web !== 'string' || typeof url.app !== 'string') {
    throw bad('request', answer, 'info.paymentUrl must hold web and app');
  }
  return info as unknown as RequestPaymentInfo;
}

/** `info` of confirm, every field the server sent kept. */
export function confirmInfo(answer: V3Answer): ConfirmInfo {
  const info = infoWith('confirm', answer, {
    orderId: 'string',
    transactionId: 'id',
    payInfo: 'array',
  });
  checkMemberships('confirm', answer, info.memberships, 'info');
  return info as unknown as ConfirmInfo;
}

/** `info` of capture. */
export function captureInfo(answer: V3Answer): CaptureInfo {
  const info = infoWith('capture', answer, {
    orderId: 'string',
    transactionId: 'id',
    payInfo: 'array',
  });
  checkMemberships('capture', answer, info.memberships, 'info');
  return info as unknown as CaptureInfo;
}

/** `info` of refund. */
export function refundInfo(answer: V3Answer): RefundInfo {
  return infoWith('refund', answer, {
    refundTransactionId: 'id',
    refundTransactionDate: 'string',
  }) as unknown as RefundInfo;
}

/** `info` of pay preapproved. */
export function payPreapprovedInfo(answer: V3Answer): PayPreapprovedInfo {
  const info = infoWith('payPreapproved', answer, {
    transactionId: 'id',
    transactionDate: 'string',
  });
  checkMemberships('payPreapproved', answer, info.memberships, 'info');
  return info as unknown as PayPreapprovedInfo;
}

/** `info[]` of payment details: an array of elements each with a bigint transactionId. */
export function detailsInfo(answer: V3Answer): PaymentDetail[] {
  const { info } = answer;
  if (!Array.isArray(info)) {
    throw bad('paymentDetails', answer, 'info must be an array');
  }
  for (const [i, item] of info.entries()) {
    if (!isObj(item) || typeof item.transactionId !== 'bigint') {
      throw bad('paymentDetails', answer, `info[${i}].transactionId is missing or not an integer id`);
    }
    if (item.refundList !== undefined && !Array.isArray(item.refundList)) {
      throw bad('paymentDetails', answer, `info[${i}].refundList must be an array`);
    }
    for (const r of (item.refundList as unknown[] | undefined) ?? []) {
      if (!isObj(r) || typeof r.refundTransactionId !== 'bigint' || typeof r.refundAmount !== 'number') {
        throw bad('paymentDetails', answer, `info[${i}].refundList has an element without id or amount`);
      }
    }
    checkMemberships('paymentDetails', answer, item.memberships, `info[${i}]`);
  }
  return info as PaymentDetail[];
}
