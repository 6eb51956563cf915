import type { Currency } from '../money/index.ts';

/** Stored lifecycle states of an online payment (reference §4.4). */
export type PaymentStatus =
  | 'REQUESTED'
  | 'AUTHENTICATED'
  | 'AUTHORIZED'
  | 'CAPTURED'
  | 'VOIDED'
  | 'EXPIRED_AUTHORIZATION'
  | 'CANCELLED'
  | 'EXPIRED'
  | 'FAILED';

/** How a part of a payment is funded. */
export type PayMethod = 'BALANCE' | 'CREDIT_CARD' | 'POINT';

/** Display facts of the card behind a CREDIT_CARD part (never the number). */
export interface CardFacts {
  readonly brand: string;
  readonly last4: string;
  readonly nickname: string;
}

/** One funding source of a payment and how much of it was captured and refunded. */
export interface FundingPart {
  readonly method: PayMethod;
  /** The user's tracked account (BALANCE, POINT); null for cards. */
  readonly accountId: bigint | null;
  readonly cardId: bigint | null;
  readonly card: CardFacts | null;
  readonly amount: bigint;
  readonly captured: bigint;
  readonly refunded: bigint;
}

/** The facts of a payment the transition rules need. */
export interface PaymentState {
  readonly transactionId: bigint;
  readonly currency: Currency;
  readonly amount: bigint;
  readonly status: PaymentStatus;
  readonly capture: boolean;
  readonly payType: 'NORMAL' | 'PREAPPROVED';
  readonly funding: readonly FundingPart[] | null;
  readonly capturedAmount: bigint;
  readonly refundedAmount: bigint;
  readonly expiresAt: Date;
  readonly authExpiresAt: Date | null;
  readonly capturedAt: Date | null;
}

/** The platform accounts a payment moves money through (hot accounts: never row-locked). */
export interface SystemAccounts {
  /** What the platform owes the merchant (per merchant and currency). */
  readonly merchant: bigint;
  /** Authorised-but-not-captured money (per currency). */
  readonly holds: bigint;
  /** Money owed by the card network (per currency). */
  readonly cardClearing: bigint;
}

/** The status a reader should see now: request and authorization expiries follow the clock. */
export function effectiveStatus(p: PaymentState, now: Date): PaymentStatus {
  if ((p.status === 'REQUESTED' || p.status === 'AUTHENTICATED') && now >= p.expiresAt) {
    return 'EXPIRED';
  }
  if (p.status === 'AUTHORIZED' && p.authExpiresAt !== null && now >= p.authExpiresAt) {
    return 'EXPIRED_AUTHORIZATION';
  }
  return p.status;
}

/** The return code of "check payment request status" (reference §3.2) for a status. */
export function checkStatusCode(status: PaymentStatus): '0000' | '0110' | '0121' | '0122' | '0123' {
  switch (status) {
    case 'REQUESTED':
      return '0000';
    case 'AUTHENTICATED':
      return '0110';
    case 'CANCELLED':
    case 'EXPIRED':
      return '0121';
    case 'FAILED':
      return '0122';
    case 'AUTHORIZED':
    case 'CAPTURED':
    case 'VOIDED':
    case 'EXPIRED_AUTHORIZATION':
      return '0123';
    default:
      return assertNever(status);
  }
}

/** Wire `payStatus` of payment details; undefined for payments that were never confirmed. */
export function payStatusOf(
  status: PaymentStatus,
): 'AUTHORIZATION' | 'CAPTURE' | 'VOIDED_AUTHORIZATION' | 'EXPIRED_AUTHORIZATION' | undefined {
  switch (status) {
    case 'AUTHORIZED':
      return 'AUTHORIZATION';
    case 'CAPTURED':
      return 'CAPTURE';
    case 'VOIDED':
      return 'VOIDED_AUTHORIZATION';
    case 'EXPIRED_AUTHORIZATION':
      return 'EXPIRED_AUTHORIZATION';
    default:
      return undefined;
  }
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
