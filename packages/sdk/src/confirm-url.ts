import { invalidArgument } from './errors.ts';
import { toTransactionId } from './transaction-id.ts';

/**
 * Reads `transactionId` and `orderId` from the query LINE Pay appends to the confirmUrl
 * (reference §4.1). Accepts a full URL, a URL object, a relative path or bare search params.
 */
export function parseConfirmUrl(url: string | URL | URLSearchParams): {
  transactionId: bigint;
  orderId: string;
} {
  let params: URLSearchParams;
  if (url instanceof URLSearchParams) {
    params = url;
  } else if (url instanceof URL) {
    params = url.searchParams;
  } else if (typeof url === 'string') {
    // A relative confirm path ('/confirm?transactionId=…') or a bare query are accepted too.
    params =
      url.includes('?') || url.includes('://')
        ? new URL(url, 'http://confirm.invalid').searchParams
        : new URLSearchParams(url);
  } else {
    throw invalidArgument('confirm', 'parseConfirmUrl needs a string, URL or URLSearchParams');
  }
  const ids = params.getAll('transactionId');
  if (ids.length !== 1 || ids[0] === undefined || !/^\d{1,19}$/.test(ids[0])) {
    throw invalidArgument('confirm', 'the confirm URL must carry exactly one numeric transactionId');
  }
  const orderId = params.get('orderId');
  if (orderId === null || orderId.length === 0) {
    throw invalidArgument('confirm', 'the confirm URL carries no orderId');
  }
  return { transactionId: toTransactionId(ids[0], 'confirm'), orderId };
}
