import { fail, ok, type Result } from '@jinliu/core';
import { findBinding, myCardEventsOf } from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import { openMembershipCode } from './code-seal.ts';
import type { MyCardDeps } from './deps.ts';

/** One event of the merchant's My Card feed. */
export interface MerchantEvent {
  readonly eventId: bigint;
  readonly type: string;
  readonly createdAt: Date;
  readonly payload: Record<string, unknown>;
}

/** A page of the feed and where the next one starts. */
export interface MerchantEventPage {
  readonly events: MerchantEvent[];
  readonly nextAfter: bigint;
}

const maxLimit = 100;

/**
 * The calling merchant's `mycard.*` events (accumulate, unbound) after an event id. The outbox
 * never holds a membership code in clear; an accumulate event gets its binding's code opened
 * here, for as long as the binding is still applied or active (an unbound card's code is gone).
 */
export async function merchantEvents(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  query: { after?: string; limit?: string },
): Promise<Result<MerchantEventPage>> {
  const after = query.after ?? '0';
  if (!/^\d{1,19}$/.test(after)) {
    return fail('2101', 'after must be an event id (digits)');
  }
  const limitText = query.limit ?? '50';
  const limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
  if (limit < 1 || limit > maxLimit) {
    return fail('2101', `limit must be 1 to ${maxLimit}`);
  }
  const rows = await myCardEventsOf(deps.db, channel.merchantId, BigInt(after), limit);
  const events: MerchantEvent[] = [];
  for (const row of rows) {
    const bindingId = row.payload.bindingId;
    let membershipCode: string | undefined;
    if (row.type === 'mycard.accumulate' && typeof bindingId === 'string') {
      const b = await findBinding(deps.db, bindingId);
      if (b?.codeEnc && b.codeKeyId && (b.status === 'ACTIVE' || b.status === 'APPLIED')) {
        membershipCode = openMembershipCode(deps.keyring, b.bindingId, {
          keyId: b.codeKeyId,
          data: b.codeEnc,
        });
      }
    }
    events.push({ ...row, payload: membershipCode ? { ...row.payload, membershipCode } : row.payload });
  }
  return ok({ events, nextAfter: rows.at(-1)?.eventId ?? BigInt(after) });
}
