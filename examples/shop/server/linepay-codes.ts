// How the shop reads LINE Pay's answers: which codes leave the outcome unknown, which mean a
// confirm already happened, which retire a subscription's payment key.
import type { LinePayError } from '@jinliu/sdk';

/** No answer, or no usable one: the call may or may not have happened. */
export function isUnclear(code: string): boolean {
  return (
    code === 'TIMEOUT' ||
    code === 'NETWORK' ||
    code === 'BAD_RESPONSE' ||
    code === '9000' ||
    code === '1198' ||
    /^HTTP_5\d\d$/.test(code)
  );
}

/** Confirm answered "this transaction / orderId is already done" (confirmed elsewhere). */
export function isAlreadyConfirmed(code: string): boolean {
  return code === '1172' || code === '1152';
}

/**
 * The regKey can never be charged again. LINE Pay discards it on 1141 and 1282–1287 /
 * 1290–1295 (reference §3.9); 1190/1193 mean it is unknown or expired. Other card codes
 * (1288 insufficient funds, 1289, 1296–1298 …) leave it usable, so billing tries again later.
 */
export function retiresRegKey(code: string): boolean {
  const n = Number(code);
  return (
    code === '1190' ||
    code === '1193' ||
    code === '1141' ||
    (/^\d{4}$/.test(code) && ((n >= 1282 && n <= 1287) || (n >= 1290 && n <= 1295)))
  );
}

/** "1142 Insufficient balance." — for reasons shown to people and kept in the order trail. */
export function describeError(e: LinePayError): string {
  return `${e.returnCode} ${e.returnMessage}`.trim();
}
