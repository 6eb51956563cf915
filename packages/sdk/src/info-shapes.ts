// Checks that an accepted answer's `info` has the fields its type promises (ids already bigint
// from the lossless parse), so callers never receive a shape the types lie about.
import { LinePayError } from './errors.ts';
import type { V3Answer } from './transport.ts';
import type {
  CaptureInfo,
  ConfirmInfo,
  Endpoint,
  PaymentDetail,
  PayPreapprovedInfo,
  RefundInfo,
  RequestPaymentInfo,
} from './types.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function bad(endpoint: Endpoint, answer: V3Answer, message: string): LinePayError {
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
function infoWith(
  endpoint: Endpoint,
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
  return infoWith('confirm', answer, {
    orderId: 'string',
    transactionId: 'id',
    payInfo: 'array',
  }) as unknown as ConfirmInfo;
}

/** `info` of capture. */
export function captureInfo(answer: V3Answer): CaptureInfo {
  return infoWith('capture', answer, {
    orderId: 'string',
    transactionId: 'id',
    payInfo: 'array',
  }) as unknown as CaptureInfo;
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
  return infoWith('payPreapproved', answer, {
    transactionId: 'id',
    transactionDate: 'string',
  }) as unknown as PayPreapprovedInfo;
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
  }
  return info as PaymentDetail[];
}
