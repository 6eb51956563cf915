/**
 * The one table of LINE Pay return codes this platform emits. Every LINE Pay face renders
 * from here; callers branch on the code, never on the message.
 */
export const returnCodes = {
  '0000': { message: 'Success.', retryable: false },
  '0110': { message: 'Authenticated by the user; the payment can be confirmed.', retryable: false },
  '0121': { message: 'Cancelled by the user or expired.', retryable: false },
  '0122': { message: 'Payment failed.', retryable: false },
  '0123': { message: 'Payment completed.', retryable: false },
  '1101': { message: 'Purchaser status error.', retryable: false },
  '1102': { message: 'Purchaser is suspended from transacting.', retryable: false },
  '1104': { message: 'Merchant not found.', retryable: false },
  '1105': { message: 'Merchant cannot use LINE Pay.', retryable: false },
  '1106': { message: 'Header information error.', retryable: false },
  '1110': { message: 'Credit card cannot be used.', retryable: false },
  '1124': { message: 'Amount info error (scale).', retryable: false },
  '1141': { message: 'Payment account status error.', retryable: false },
  '1142': { message: 'Insufficient balance.', retryable: false },
  '1145': { message: 'Payment in progress.', retryable: true },
  '1150': { message: 'Transaction record not found.', retryable: false },
  '1152': { message: 'A transaction with this transactionId already exists.', retryable: false },
  '1153': { message: 'The amount or currency differs from the payment request.', retryable: false },
  '1154': { message: 'The payment method set for preapproved payment is unavailable.', retryable: false },
  '1155': { message: 'The transaction cannot be processed with this operation.', retryable: false },
  '1159': { message: 'Payment request information not found.', retryable: false },
  '1163': { message: 'Refund period is over.', retryable: false },
  '1164': { message: 'Refund amount exceeds the refundable amount.', retryable: false },
  '1165': { message: 'The transaction has already been refunded or voided.', retryable: false },
  '1169': { message: 'The user has not yet approved the payment in LINE Pay.', retryable: true },
  '1170': { message: "The user's balance changed.", retryable: true },
  '1172': { message: 'A transaction with the same orderId already exists.', retryable: false },
  '1177': { message: 'More than 100 transactions requested.', retryable: false },
  '1178': { message: 'Currency not supported by this merchant.', retryable: false },
  '1179': { message: 'The transaction cannot be processed in its current status.', retryable: false },
  '1180': { message: 'Payment expired.', retryable: false },
  '1183': { message: 'Amount must be greater than 0.', retryable: false },
  '1184': { message: 'Amount exceeds the authorized amount.', retryable: false },
  '1190': { message: 'regKey does not exist.', retryable: false },
  '1193': { message: 'regKey expired.', retryable: false },
  '1194': { message: 'This merchant cannot use preapproved payment.', retryable: false },
  '1197': { message: 'A payment with this regKey is already being processed.', retryable: true },
  '1198': { message: 'The request is already being processed.', retryable: true },
  '1199': { message: 'Internal request error.', retryable: true },
  '1280': { message: 'Temporary error during card payment.', retryable: true },
  '1281': { message: 'Card payment error.', retryable: false },
  '1282': { message: 'Card authorization error.', retryable: false },
  '1283': { message: 'Refused: suspected fraud.', retryable: false },
  '1284': { message: 'Card payment temporarily suspended.', retryable: true },
  '1285': { message: 'Card information missing.', retryable: false },
  '1286': { message: 'Card payment information is wrong.', retryable: false },
  '1287': { message: 'Card expired.', retryable: false },
  '1288': { message: 'Card has insufficient funds.', retryable: false },
  '1289': { message: 'Card limit exceeded.', retryable: false },
  '1290': { message: 'Per-payment limit exceeded.', retryable: false },
  '1291': { message: 'Card reported stolen.', retryable: false },
  '1292': { message: 'Card suspended.', retryable: false },
  '1293': { message: 'Invalid card verification number.', retryable: false },
  '1294': { message: 'Card blacklisted.', retryable: false },
  '1295': { message: 'Invalid card number.', retryable: false },
  '1296': { message: 'Amount cannot be processed by the card.', retryable: false },
  '1298': { message: 'Card declined.', retryable: false },
  '1900': { message: 'Temporary error. Please retry later.', retryable: true },
  '1902': { message: 'Temporary error. Please retry later.', retryable: true },
  '1999': { message: 'The request differs from the previous one.', retryable: true },
  '2101': { message: 'Parameter error.', retryable: false },
  '2102': { message: 'JSON data format error.', retryable: false },
  // My Card (3xxx: a range LINE Pay does not use). Listed with their meaning in docs/compatibility.md.
  '3101': { message: 'Binding token not recognised.', retryable: false },
  '3102': { message: 'Binding reservation expired.', retryable: false },
  '3103': { message: 'Binding already applied: the token is single-use.', retryable: false },
  '3104': { message: "This channel is not the card program's Apply channel.", retryable: false },
  '3105': { message: "The binding token belongs to another merchant's card program.", retryable: false },
  '3106': { message: 'Binding not applied yet: call the Apply API first.', retryable: false },
  '3107': { message: 'Binding already completed.', retryable: false },
  '3108': { message: 'Binding was cancelled or failed.', retryable: false },
  '3109': { message: 'The user already holds an active card of this program.', retryable: false },
  '3110': { message: "Membership code does not match the program's code type.", retryable: false },
  '3111': { message: 'Card program not found.', retryable: false },
  '3112': { message: 'Binding not found.', retryable: false },
  '3113': { message: 'Enterprise group not found.', retryable: false },
  '3114': { message: 'Only the group owner can do this.', retryable: false },
  '3115': { message: 'The merchant is not an active member of the group.', retryable: false },
  '9000': { message: 'Internal error.', retryable: true },
} as const satisfies Record<string, { message: string; retryable: boolean }>;

/** A LINE Pay return code this platform knows. */
export type ReturnCode = keyof typeof returnCodes;

/** The card-network failure codes a test card can produce (1280–1298). */
export const cardErrorCodes = [
  '1280',
  '1281',
  '1282',
  '1283',
  '1284',
  '1285',
  '1286',
  '1287',
  '1288',
  '1289',
  '1290',
  '1291',
  '1292',
  '1293',
  '1294',
  '1295',
  '1296',
  '1298',
] as const satisfies readonly ReturnCode[];

/** A card-network failure code. */
export type CardErrorCode = (typeof cardErrorCodes)[number];

/** True when `code` is in the table. */
export function isReturnCode(code: string): code is ReturnCode {
  return Object.hasOwn(returnCodes, code);
}

/** The default English message for a code. */
export function returnMessage(code: ReturnCode): string {
  return returnCodes[code].message;
}
