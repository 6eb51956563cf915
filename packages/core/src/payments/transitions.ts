import { type CardErrorCode, type Failure, fail, ok, type Result } from '../errors/index.ts';
import { balancedEntry, type JournalEntry } from '../ledger/index.ts';
import type { Currency } from '../money/index.ts';
import { allocate, legsFromSources, sum } from './funding.ts';
import {
  effectiveStatus,
  type FundingPart,
  type PaymentState,
  type PaymentStatus,
  type SystemAccounts,
} from './payment.ts';

/** The outcome of a rule: the new stored state, its ledger entry, and the event to publish. */
export interface Transition {
  readonly status: PaymentStatus;
  readonly funding: readonly FundingPart[] | null;
  readonly capturedAmount: bigint;
  readonly refundedAmount: bigint;
  readonly entry: JournalEntry | null;
  readonly event: string;
  readonly authExpiresAt?: Date | null;
  readonly confirmedAt?: Date;
  readonly capturedAt?: Date;
  readonly closedAt?: Date;
  readonly failureCode?: string;
  /** When set, the transition is committed but the caller is answered with this failure (e.g. a card decline). */
  readonly answer?: Failure;
}

/** Amount and currency a merchant sends with confirm/capture. */
export interface AmountInput {
  readonly amount: bigint;
  readonly currency: Currency;
}

/** Timing rules of the platform (authorization validity, refund window). */
export interface PaymentPolicy {
  readonly authorizationValidityMs: number;
  readonly refundWindowMs: number;
}

/** Persists what the clock has already decided: an expired request or an expired authorization. */
export function decideExpiry(p: PaymentState, now: Date, system: SystemAccounts): Transition | null {
  const effective = effectiveStatus(p, now);
  if (effective === p.status) {
    return null;
  }
  if (effective === 'EXPIRED') {
    return { ...unchanged(p), status: 'EXPIRED', entry: null, event: 'payment.expired', closedAt: now };
  }
  if (effective === 'EXPIRED_AUTHORIZATION') {
    return {
      ...release(p, system),
      status: 'EXPIRED_AUTHORIZATION',
      event: 'payment.authorization_expired',
      closedAt: now,
    };
  }
  return null;
}

/**
 * Confirm an approved payment: capture at once, or hold the money (authorize only).
 * `cardDecline` is the simulated card network's answer for a card part.
 */
export function decideConfirm(
  p: PaymentState,
  input: AmountInput,
  now: Date,
  system: SystemAccounts,
  policy: PaymentPolicy,
  cardDecline?: CardErrorCode,
): Result<Transition> {
  const gate = confirmGate(effectiveStatus(p, now));
  if (gate) {
    return gate;
  }
  if (input.currency !== p.currency || input.amount !== p.amount) {
    return fail('1153', `confirm must repeat the requested amount and currency (${p.currency})`);
  }
  const parts = p.funding ?? [];
  if (parts.length === 0) {
    return fail('1169');
  }
  if (cardDecline) {
    return ok(failed(p, now, cardDecline));
  }
  const shares = parts.map((part) => part.amount);
  const counter = p.capture ? system.merchant : system.holds;
  const entry = balancedEntry('confirm', p.transactionId.toString(), [
    ...legsFromSources(parts, shares, system, 'from-sources'),
    { accountId: counter, amount: p.amount },
  ]);
  const funding = p.capture ? parts.map((part) => ({ ...part, captured: part.amount })) : parts;
  return ok({
    status: p.capture ? 'CAPTURED' : 'AUTHORIZED',
    funding,
    capturedAmount: p.capture ? p.amount : 0n,
    refundedAmount: 0n,
    entry,
    event: p.capture ? 'payment.captured' : 'payment.authorized',
    confirmedAt: now,
    ...(p.capture
      ? { capturedAt: now, authExpiresAt: null }
      : { authExpiresAt: new Date(now.getTime() + policy.authorizationValidityMs) }),
  });
}

/** A payment whose funding failed at confirm: closed as FAILED, answered with the funding code. */
export function failed(p: PaymentState, now: Date, code: CardErrorCode | '1142'): Transition {
  return {
    ...unchanged(p),
    status: 'FAILED',
    entry: null,
    event: 'payment.failed',
    closedAt: now,
    failureCode: code,
    answer: fail(code),
  };
}

function confirmGate(status: PaymentStatus): Failure | undefined {
  switch (status) {
    case 'AUTHENTICATED':
      return undefined;
    case 'REQUESTED':
      return fail('1169');
    case 'CANCELLED':
    case 'EXPIRED':
      return fail('1180', 'the payment request was cancelled or has expired (20 minutes)');
    case 'FAILED':
      return fail('1179', 'the payment failed; request a new payment');
    default:
      // Already confirmed: 1172 lets clients' recovery logic look the payment up.
      return fail('1172', 'this transaction has already been confirmed');
  }
}

/** Capture all or part of an authorization; the remainder goes back to the user. */
export function decideCapture(
  p: PaymentState,
  input: AmountInput,
  now: Date,
  system: SystemAccounts,
): Result<Transition> {
  switch (effectiveStatus(p, now)) {
    case 'AUTHORIZED':
      break;
    case 'CAPTURED':
      return fail('1172', 'this transaction has already been captured');
    case 'VOIDED':
      return fail('1165', 'the authorization was voided');
    case 'EXPIRED_AUTHORIZATION':
      return fail('1180', 'the authorization has expired');
    default:
      return fail('1179', 'only an authorized (capture=false) payment can be captured');
  }
  if (input.currency !== p.currency) {
    return fail('1153', `currency must be ${p.currency}`);
  }
  if (input.amount <= 0n) {
    return fail('1183');
  }
  if (input.amount > p.amount) {
    return fail('1184', `at most ${p.amount} minor units can be captured`);
  }
  const parts = p.funding ?? [];
  const captured = allocate(parts, input.amount, (part) => part.amount);
  const released = parts.map((part, i) => part.amount - (captured[i] ?? 0n));
  const entry = balancedEntry('capture', p.transactionId.toString(), [
    { accountId: system.holds, amount: -p.amount },
    { accountId: system.merchant, amount: input.amount },
    ...legsFromSources(parts, released, system, 'to-sources'),
  ]);
  return ok({
    status: 'CAPTURED',
    funding: parts.map((part, i) => ({ ...part, captured: captured[i] ?? 0n })),
    capturedAmount: input.amount,
    refundedAmount: 0n,
    entry,
    event: 'payment.captured',
    capturedAt: now,
  });
}

/** Void an authorization: the whole hold goes back to the user. */
export function decideVoid(p: PaymentState, now: Date, system: SystemAccounts): Result<Transition> {
  switch (effectiveStatus(p, now)) {
    case 'AUTHORIZED':
      return ok({ ...release(p, system), status: 'VOIDED', event: 'payment.voided', closedAt: now });
    case 'VOIDED':
    case 'EXPIRED_AUTHORIZATION':
      return fail('1165', 'the authorization is already voided or expired');
    default:
      return fail('1155', 'only an authorized (capture=false) payment can be voided');
  }
}

function release(p: PaymentState, system: SystemAccounts): Omit<Transition, 'status' | 'event'> {
  const parts = p.funding ?? [];
  const entry = balancedEntry('release', p.transactionId.toString(), [
    { accountId: system.holds, amount: -p.amount },
    ...legsFromSources(
      parts,
      parts.map((part) => part.amount),
      system,
      'to-sources',
    ),
  ]);
  return { ...unchanged(p), entry, authExpiresAt: p.authExpiresAt };
}

/** What a refund does: the new payment state plus the refund's own facts. */
export interface RefundDecision {
  readonly transition: Transition;
  readonly amount: bigint;
  readonly type: 'PAYMENT_REFUND' | 'PARTIAL_REFUND';
}

/** Refund all (amount omitted) or part of what is still refundable. */
export function decideRefund(
  p: PaymentState,
  requested: bigint | undefined,
  refundId: bigint,
  now: Date,
  system: SystemAccounts,
  policy: PaymentPolicy,
): Result<RefundDecision> {
  switch (effectiveStatus(p, now)) {
    case 'CAPTURED':
      break;
    case 'VOIDED':
    case 'EXPIRED_AUTHORIZATION':
      return fail('1165', 'the payment was voided or expired; nothing to refund');
    default:
      return fail('1155', 'only a captured payment can be refunded');
  }
  if (p.capturedAt && now.getTime() > p.capturedAt.getTime() + policy.refundWindowMs) {
    return fail('1163');
  }
  const refundable = p.capturedAmount - p.refundedAmount;
  if (refundable === 0n) {
    return fail('1165', 'the payment is already fully refunded');
  }
  const amount = requested ?? refundable;
  if (amount <= 0n) {
    return fail('2101', 'refundAmount must be greater than 0');
  }
  if (amount > refundable) {
    return fail('1164', `at most ${refundable} minor units are refundable`);
  }
  const parts = p.funding ?? [];
  const shares = allocate(parts, amount, (part) => part.captured - part.refunded);
  const entry = balancedEntry('refund', refundId.toString(), [
    { accountId: system.merchant, amount: -amount },
    ...legsFromSources(parts, shares, system, 'to-sources'),
  ]);
  return ok({
    amount,
    type: amount === p.capturedAmount ? 'PAYMENT_REFUND' : 'PARTIAL_REFUND',
    transition: {
      ...unchanged(p),
      funding: parts.map((part, i) => ({ ...part, refunded: part.refunded + (shares[i] ?? 0n) })),
      refundedAmount: p.refundedAmount + amount,
      entry,
      event: 'payment.refunded',
    },
  });
}

function unchanged(p: PaymentState): Omit<Transition, 'entry' | 'event'> {
  return {
    status: p.status,
    funding: p.funding,
    capturedAmount: p.capturedAmount,
    refundedAmount: p.refundedAmount,
  };
}

/** The entry of a preapproved (regKey) payment, captured at once or held. */
export function preapprovedEntry(
  transactionId: bigint,
  part: FundingPart,
  capture: boolean,
  system: SystemAccounts,
): JournalEntry {
  return balancedEntry('preapproved', transactionId.toString(), [
    ...legsFromSources([part], [part.amount], system, 'from-sources'),
    { accountId: capture ? system.merchant : system.holds, amount: part.amount },
  ]);
}

/** Sum of the parts' amounts (a payment's total). */
export function fundedTotal(parts: readonly FundingPart[]): bigint {
  return sum(parts.map((part) => part.amount));
}
