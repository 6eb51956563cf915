import { timingSafeEqual } from 'node:crypto';
import {
  type BindingStatus,
  bindingCallbackUrl,
  bindingTokenHash,
  effectiveBindingStatus,
  fail,
  holdsCode,
  InvariantError,
  nextBindingStatus,
  ok,
  type Result,
  readApply,
  validateMembershipCode,
} from '@jinliu/core';
import {
  type BindingRow,
  findBinding,
  findProgram,
  insertOutboxEvent,
  isUniqueViolation,
  lockBindingByTokenHash,
  moveBinding,
  type Sql,
  violatedConstraint,
} from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import { grantCampaignRewards } from './campaign-rewards.ts';
import { sealMembershipCode } from './code-seal.ts';
import type { MyCardDeps } from './deps.ts';

/** Persists an expiry the clock has reached (discarding any code), so no expired binding keeps one. */
async function persistExpiry(tx: Sql, b: BindingRow, now: Date): Promise<void> {
  if ((b.status === 'RESERVED' || b.status === 'APPLIED') && effectiveBindingStatus(b, now) === 'EXPIRED') {
    await moveBinding(tx, b.bindingId, b.status, {
      status: 'EXPIRED',
      code: null,
      closedAt: now,
      closedBy: 'CLOCK',
    });
  }
}

/** The Apply API's answer. */
export interface AppliedBinding {
  readonly bindingId: string;
  readonly status: 'APPLIED';
  /** Where the merchant sends the browser next, with token, channelId and status. */
  readonly callback: string;
}

/**
 * `POST /v1/mycard/apply`: the token must be one the platform issued (3101), for a program of
 * the caller's merchant (3105) whose Apply channel is the caller (3104), still RESERVED and in
 * time (3102, 3103, 3107, 3108), with a code of the program's type (3110). The code is sealed
 * and the binding becomes APPLIED; any refusal changes nothing (an expiry is only recorded).
 */
export async function applyBinding(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  body: unknown,
): Promise<Result<AppliedBinding>> {
  const input = readApply(body);
  if (!input.ok) {
    return input;
  }
  const { token, membershipCode, displayName } = input.value;
  return deps.db.transaction(async (tx): Promise<Result<AppliedBinding>> => {
    const b = await lockBindingByTokenHash(tx, bindingTokenHash(token));
    const program = b ? await findProgram(tx, b.programId) : undefined;
    if (!b || !program) {
      return fail('3101', 'this token was not issued by this platform');
    }
    if (program.merchantId !== channel.merchantId) {
      return fail('3105');
    }
    if (program.channelId !== channel.channelId) {
      return fail(
        '3104',
        `program ${program.programId} accepts Apply calls from channel ${program.channelId} only`,
      );
    }
    const now = deps.clock.now();
    const next = nextBindingStatus(b, 'apply', now);
    if (!next.ok) {
      await persistExpiry(tx, b, now);
      return next;
    }
    const code = validateMembershipCode(program.codeType, membershipCode);
    if (!code.ok) {
      return code;
    }
    const moved = await moveBinding(tx, b.bindingId, 'RESERVED', {
      status: 'APPLIED',
      code: sealMembershipCode(deps.keyring, b.bindingId, program.programId, code.value),
      displayName,
      appliedAt: now,
    });
    if (!moved) {
      throw new InvariantError('a locked RESERVED binding did not move');
    }
    return ok({
      bindingId: b.bindingId,
      status: 'APPLIED',
      callback: bindingCallbackUrl(deps.publicUrl, b.bindingId),
    });
  });
}

/** What the merchant's redirect to the callback carries. */
export interface CallbackQuery {
  readonly token: unknown;
  readonly channelId: unknown;
  readonly status: unknown;
}

const callbackEvents = {
  SUCCESS: 'callback-success',
  FAIL: 'callback-fail',
  CANCEL: 'callback-cancel',
} as const;

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * `GET /mycard/bindings/{bindingId}/callback`: the token must be this binding's (3101) and
 * channelId its program's Apply channel (3104). SUCCESS activates an APPLIED binding (and
 * grants campaign rewards in the same transaction); FAIL and CANCEL end a pending one and
 * discard its code. Out-of-order and repeated callbacks change nothing.
 */
export async function completeBinding(
  deps: MyCardDeps,
  bindingId: string,
  q: CallbackQuery,
): Promise<Result<{ status: BindingStatus; granted: string[] }>> {
  try {
    return await deps.db.transaction(async (tx) => {
      const b = await findBinding(tx, bindingId, true);
      if (!b) {
        return fail('3112');
      }
      if (typeof q.token !== 'string' || !sameHash(bindingTokenHash(q.token), b.tokenHash)) {
        return fail('3101', 'the token does not belong to this binding');
      }
      const program = await findProgram(tx, b.programId);
      if (!program || typeof q.channelId !== 'string' || q.channelId !== program.channelId.toString()) {
        return fail('3104', 'channelId must be the Apply channel of the card program');
      }
      if (q.status !== 'SUCCESS' && q.status !== 'FAIL' && q.status !== 'CANCEL') {
        return fail('2101', 'status must be SUCCESS, FAIL or CANCEL');
      }
      const event = callbackEvents[q.status];
      const now = deps.clock.now();
      const next = nextBindingStatus(b, event, now);
      if (!next.ok) {
        await persistExpiry(tx, b, now);
        return next;
      }
      const status = next.value;
      const moved = await moveBinding(tx, b.bindingId, b.status, {
        status,
        ...(holdsCode(status) ? {} : { code: null, closedAt: now, closedBy: 'MERCHANT' }),
        ...(status === 'ACTIVE' ? { activatedAt: now } : {}),
      });
      if (!moved) {
        throw new InvariantError('a locked binding did not move');
      }
      if (status !== 'ACTIVE') {
        return ok({ status, granted: [] });
      }
      const granted = await grantCampaignRewards(tx, deps, b, now);
      await insertOutboxEvent(
        tx,
        program.merchantId,
        'mycard.bound',
        { bindingId: b.bindingId, programId: b.programId },
        now,
      );
      return ok({ status, granted });
    });
  } catch (error) {
    // Another binding of the same shopper to this program became ACTIVE first.
    if (isUniqueViolation(error) && violatedConstraint(error) === 'mycard_bindings_one_active') {
      return fail('3109');
    }
    throw error;
  }
}
