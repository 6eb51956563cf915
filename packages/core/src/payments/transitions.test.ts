import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FundingPart, PaymentState, SystemAccounts } from './payment.ts';
import { decideCapture, decideConfirm, decideExpiry, decideRefund, decideVoid } from './transitions.ts';

const system: SystemAccounts = { merchant: 100n, holds: 200n, cardClearing: 300n };
const policy = { authorizationValidityMs: 5 * 86_400_000, refundWindowMs: 365 * 86_400_000 };
const t0 = new Date('2026-11-23T00:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

const balance = (amount: bigint): FundingPart => ({
  method: 'BALANCE',
  accountId: 1n,
  cardId: null,
  card: null,
  amount,
  captured: 0n,
  refunded: 0n,
});
const points = (amount: bigint): FundingPart => ({ ...balance(amount), method: 'POINT', accountId: 2n });

function payment(over: Partial<PaymentState> = {}): PaymentState {
  return {
    transactionId: 2026112300000000110n,
    currency: 'TWD',
    amount: 1000n,
    status: 'AUTHENTICATED',
    capture: true,
    payType: 'NORMAL',
    funding: [balance(900n), points(100n)],
    capturedAmount: 0n,
    refundedAmount: 0n,
    expiresAt: later(20 * 60_000),
    authExpiresAt: null,
    capturedAt: null,
    ...over,
  };
}

function sumOf(entry: { postings: readonly { amount: bigint }[] } | null): bigint {
  return (entry?.postings ?? []).reduce((a, p) => a + p.amount, 0n);
}

describe('confirm', () => {
  it('captures at once: sources pay the merchant in one balanced entry', () => {
    const r = decideConfirm(payment(), { amount: 1000n, currency: 'TWD' }, t0, system, policy);
    assert.ok(r.ok);
    assert.equal(r.value.status, 'CAPTURED');
    assert.equal(r.value.capturedAmount, 1000n);
    assert.equal(sumOf(r.value.entry), 0n);
    assert.deepEqual(r.value.entry?.postings, [
      { accountId: 1n, amount: -900n },
      { accountId: 2n, amount: -100n },
      { accountId: 100n, amount: 1000n },
    ]);
  });

  it('authorize-only holds the money and sets the authorization expiry', () => {
    const r = decideConfirm(
      payment({ capture: false }),
      { amount: 1000n, currency: 'TWD' },
      t0,
      system,
      policy,
    );
    assert.ok(r.ok);
    assert.equal(r.value.status, 'AUTHORIZED');
    assert.equal(r.value.authExpiresAt?.getTime(), t0.getTime() + policy.authorizationValidityMs);
    assert.deepEqual(r.value.entry?.postings.at(-1), { accountId: 200n, amount: 1000n });
  });

  it('answers each wrong state with its code', () => {
    const input = { amount: 1000n, currency: 'TWD' } as const;
    const code = (p: PaymentState, at = t0) => {
      const r = decideConfirm(p, input, at, system, policy);
      return r.ok ? 'ok' : r.code;
    };
    assert.equal(code(payment({ status: 'REQUESTED' })), '1169');
    assert.equal(code(payment({ status: 'CAPTURED' })), '1172');
    assert.equal(code(payment({ status: 'CANCELLED' })), '1180');
    assert.equal(code(payment(), later(20 * 60_000)), '1180');
    assert.equal(code(payment({ status: 'FAILED' })), '1179');
    const mismatch = decideConfirm(payment(), { amount: 999n, currency: 'TWD' }, t0, system, policy);
    assert.equal(!mismatch.ok && mismatch.code, '1153');
  });

  it('closes the payment as FAILED on a card decline and answers the decline code', () => {
    const r = decideConfirm(payment(), { amount: 1000n, currency: 'TWD' }, t0, system, policy, '1288');
    assert.ok(r.ok);
    assert.equal(r.value.status, 'FAILED');
    assert.equal(r.value.entry, null);
    assert.equal(r.value.answer?.code, '1288');
  });
});

describe('capture, void, expiry', () => {
  const authorized = payment({ status: 'AUTHORIZED', capture: false, authExpiresAt: later(1000) });

  it('partial capture pays the merchant and releases the rest, points first', () => {
    const r = decideCapture(authorized, { amount: 500n, currency: 'TWD' }, t0, system);
    assert.ok(r.ok);
    assert.equal(sumOf(r.value.entry), 0n);
    assert.deepEqual(
      r.value.funding?.map((p) => p.captured),
      [500n, 0n],
    );
    const legs = new Map(r.value.entry?.postings.map((p) => [p.accountId, p.amount]));
    assert.equal(legs.get(200n), -1000n);
    assert.equal(legs.get(100n), 500n);
    assert.equal(legs.get(1n), 400n);
    assert.equal(legs.get(2n), 100n);
  });

  it('refuses over-capture, zero capture and capture of a non-authorization', () => {
    const over = decideCapture(authorized, { amount: 1001n, currency: 'TWD' }, t0, system);
    assert.equal(!over.ok && over.code, '1184');
    const zero = decideCapture(authorized, { amount: 0n, currency: 'TWD' }, t0, system);
    assert.equal(!zero.ok && zero.code, '1183');
    const captured = decideCapture(
      payment({ status: 'CAPTURED' }),
      { amount: 1n, currency: 'TWD' },
      t0,
      system,
    );
    assert.equal(!captured.ok && captured.code, '1172');
    const expired = decideCapture(authorized, { amount: 1n, currency: 'TWD' }, later(1000), system);
    assert.equal(!expired.ok && expired.code, '1180');
  });

  it('void releases everything; a second void is 1165', () => {
    const r = decideVoid(authorized, t0, system);
    assert.ok(r.ok);
    assert.equal(r.value.status, 'VOIDED');
    assert.equal(sumOf(r.value.entry), 0n);
    const again = decideVoid(payment({ status: 'VOIDED' }), t0, system);
    assert.equal(!again.ok && again.code, '1165');
    const captured = decideVoid(payment({ status: 'CAPTURED' }), t0, system);
    assert.equal(!captured.ok && captured.code, '1155');
  });

  it('expiry follows the clock for requests and authorizations', () => {
    assert.equal(decideExpiry(authorized, t0, system), null);
    const auth = decideExpiry(authorized, later(1000), system);
    assert.equal(auth?.status, 'EXPIRED_AUTHORIZATION');
    assert.equal(auth?.entry?.kind, 'release');
    const req = decideExpiry(payment({ status: 'REQUESTED' }), later(20 * 60_000), system);
    assert.equal(req?.status, 'EXPIRED');
    assert.equal(req?.entry, null);
  });
});

describe('refund', () => {
  const captured = payment({
    status: 'CAPTURED',
    capturedAmount: 1000n,
    capturedAt: t0,
    funding: [
      { ...balance(900n), captured: 900n },
      { ...points(100n), captured: 100n },
    ],
  });

  it('full refund when the amount is omitted, money before points', () => {
    const r = decideRefund(captured, undefined, 2026112300000000111n, t0, system, policy);
    assert.ok(r.ok);
    assert.equal(r.value.amount, 1000n);
    assert.equal(r.value.type, 'PAYMENT_REFUND');
    assert.equal(sumOf(r.value.transition.entry), 0n);
  });

  it('partial refunds repeat until nothing is left, never beyond', () => {
    const first = decideRefund(captured, 950n, 1n, t0, system, policy);
    assert.ok(first.ok);
    assert.equal(first.value.type, 'PARTIAL_REFUND');
    assert.deepEqual(
      first.value.transition.funding?.map((p) => p.refunded),
      [900n, 50n],
    );
    const afterFirst = { ...captured, ...first.value.transition, funding: first.value.transition.funding };
    const tooMuch = decideRefund(afterFirst, 51n, 2n, t0, system, policy);
    assert.equal(!tooMuch.ok && tooMuch.code, '1164');
    const rest = decideRefund(afterFirst, undefined, 3n, t0, system, policy);
    assert.ok(rest.ok);
    assert.equal(rest.value.amount, 50n);
    const done = { ...afterFirst, refundedAmount: 1000n };
    const again = decideRefund(done, undefined, 4n, t0, system, policy);
    assert.equal(!again.ok && again.code, '1165');
  });

  it('refuses refunds of authorizations and after the refund window', () => {
    const auth = decideRefund(payment({ status: 'AUTHORIZED' }), undefined, 1n, t0, system, policy);
    assert.equal(!auth.ok && auth.code, '1155');
    const late = decideRefund(captured, undefined, 1n, later(policy.refundWindowMs + 1), system, policy);
    assert.equal(!late.ok && late.code, '1163');
  });
});
