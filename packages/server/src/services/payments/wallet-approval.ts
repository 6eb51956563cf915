import { type Failure, type FundingPart, fail, failed, type PayMethod, type Result } from '@jinliu/core';
import {
  addPinFailure,
  findPaymentByReserveId,
  findTrackedAccount,
  findUser,
  lockPaymentById,
  type Sql,
} from '@jinliu/db';
import { maxPinFailures, pinMatches } from '../pin.ts';
import { applyTransition } from './apply-transition.ts';
import { approvalGate, approveLocked, planFunding, type Redirect } from './approval.ts';
import { cardDeclineFor } from './confirm-payment.ts';
import type { PaymentDeps } from './deps.ts';

/** What the shopper chose in the wallet. */
export interface WalletChoice {
  readonly method: PayMethod;
  readonly cardId?: bigint;
  readonly points?: number;
  readonly pin: string;
}

/** A wrong PIN: how many tries are left, or the payment is now locked. */
export type PinFailure =
  | { ok: false; pin: 'incorrect'; attemptsLeft: number }
  | { ok: false; pin: 'locked' }
  | { ok: false; pin: 'not_set' };

/**
 * The shopper approves in the wallet: PIN first (three wrong PINs lock the payment), then the
 * chosen funds are checked so a low balance or a declined card is shown now, in words, and
 * another method can be chosen. Only then is the approval recorded.
 */
export async function walletApprove(
  deps: PaymentDeps,
  reserveId: string,
  userId: string,
  choice: WalletChoice,
): Promise<Result<Redirect> | PinFailure> {
  const found = await findPaymentByReserveId(deps.db, reserveId);
  if (!found) {
    return fail('1150');
  }
  return deps.db.transaction(async (tx): Promise<Result<Redirect> | PinFailure> => {
    const p = await lockPaymentById(tx, found.transactionId);
    if (!p) {
      return fail('1150');
    }
    const now = deps.clock.now();
    const gate = approvalGate(p, now);
    if (gate) {
      return gate;
    }
    const user = await findUser(tx, userId);
    if (!user) {
      return fail('1101');
    }
    if (user.pinHash === null) {
      return { ok: false, pin: 'not_set' };
    }
    if (!pinMatches(choice.pin, userId, user.pinHash)) {
      const failures = await addPinFailure(tx, p.transactionId);
      if (failures >= maxPinFailures) {
        await applyTransition(
          tx,
          p,
          { ...failed(p, now, '1142'), failureCode: 'PIN_LOCKED', event: 'payment.locked' },
          now,
        );
        return { ok: false, pin: 'locked' };
      }
      return { ok: false, pin: 'incorrect', attemptsLeft: maxPinFailures - failures };
    }
    const input = {
      userId,
      method: choice.method,
      ...(choice.cardId !== undefined ? { cardId: choice.cardId } : {}),
      ...(choice.points !== undefined ? { points: choice.points } : {}),
    };
    const plan = await planFunding(tx, deps, p, input);
    if (!plan.ok) {
      return plan;
    }
    const problem = await fundsProblem(tx, deps, userId, p.currency, plan.value);
    if (problem) {
      return problem;
    }
    return approveLocked(tx, deps, p, input, now, plan.value);
  });
}

/** Why the chosen funds cannot pay, in the shopper's terms; undefined when they can. */
async function fundsProblem(
  tx: Sql,
  deps: PaymentDeps,
  userId: string,
  currency: Parameters<typeof findTrackedAccount>[3],
  parts: readonly FundingPart[],
): Promise<Failure | undefined> {
  for (const part of parts) {
    if (part.method === 'BALANCE' || part.method === 'POINT') {
      const kind = part.method === 'BALANCE' ? 'user_balance' : 'user_points';
      const account = await findTrackedAccount(tx, kind, userId, currency);
      if ((account?.balance ?? 0n) < part.amount) {
        return fail(
          '1142',
          part.method === 'BALANCE'
            ? 'your balance is not enough for this payment'
            : 'you do not have enough points',
        );
      }
    }
  }
  const decline = await cardDeclineFor(tx, deps, parts);
  return decline ? fail(decline, 'the card was declined') : undefined;
}
