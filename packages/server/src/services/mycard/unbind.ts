import { fail, nextBindingStatus, ok, type Result, readUnbind } from '@jinliu/core';
import {
  activeCodeKeyIds,
  type BindingRow,
  findBinding,
  findProgram,
  insertOutboxEvent,
  lockActiveBindingsByCode,
  moveBinding,
  programsOfMerchant,
  type Sql,
} from '@jinliu/db';
import type { AuthenticatedChannel } from '../channels.ts';
import { membershipCodeHash } from './code-seal.ts';
import type { MyCardDeps } from './deps.ts';

/** Who ended a binding. */
type Unbinder = 'SHOPPER' | 'MERCHANT';

/** Ends one locked binding: UNBOUND (or CANCELLED while pending), code discarded, merchant told. */
async function end(tx: Sql, b: BindingRow, by: Unbinder, now: Date): Promise<Result<BindingRow['status']>> {
  const next = nextBindingStatus(b, by === 'SHOPPER' ? 'shopper-unbind' : 'merchant-unbind', now);
  if (!next.ok) {
    return next;
  }
  await moveBinding(tx, b.bindingId, b.status, {
    status: next.value,
    code: null,
    closedAt: now,
    closedBy: by,
  });
  const program = await findProgram(tx, b.programId);
  if (program && b.status === 'ACTIVE') {
    await insertOutboxEvent(
      tx,
      program.merchantId,
      'mycard.unbound',
      { bindingId: b.bindingId, programId: b.programId, by },
      now,
    );
  }
  return ok(next.value);
}

/** `DELETE /api/mycard/cards/{bindingId}`: the shopper removes a card (or abandons a pending binding). */
export async function unbindByShopper(
  deps: MyCardDeps,
  userId: string,
  bindingId: string,
): Promise<Result<{ bindingId: string; status: BindingRow['status'] }>> {
  return deps.db.transaction(async (tx) => {
    const b = await findBinding(tx, bindingId, true);
    if (!b || b.userId !== userId) {
      return fail('3112', 'no such card in your wallet');
    }
    const r = await end(tx, b, 'SHOPPER', deps.clock.now());
    return r.ok ? ok({ bindingId, status: r.value }) : r;
  });
}

/** One ended binding, as the merchant unbind call reports it. */
export interface Unbound {
  readonly bindingId: string;
  readonly programId: string;
}

/**
 * `POST /v1/mycard/bindings/unbind`: the merchant ends an active binding of one of its
 * programs, named by binding id or by membership code (every active binding of its programs
 * with that code). Bindings of other merchants' programs are "not found".
 */
export async function unbindByMerchant(
  deps: MyCardDeps,
  channel: AuthenticatedChannel,
  body: unknown,
): Promise<Result<Unbound[]>> {
  const input = readUnbind(body);
  if (!input.ok) {
    return input;
  }
  const target = input.value;
  // Resolved before the transaction (the embedded database has one connection).
  const hashes = new Map<string, string[]>();
  if ('membershipCode' in target) {
    for (const p of await programsOfMerchant(deps.db, channel.merchantId)) {
      const keys = await activeCodeKeyIds(deps.db, p.programId);
      hashes.set(
        p.programId,
        keys.map((k) => membershipCodeHash(deps.keyring, k, p.programId, target.membershipCode)),
      );
    }
  }
  return deps.db.transaction(async (tx): Promise<Result<Unbound[]>> => {
    const now = deps.clock.now();
    let found: BindingRow[] = [];
    if ('bindingId' in target) {
      const b = await findBinding(tx, target.bindingId, true);
      const program = b ? await findProgram(tx, b.programId) : undefined;
      found = b && program?.merchantId === channel.merchantId ? [b] : [];
    } else {
      for (const [programId, programHashes] of hashes) {
        found.push(
          ...(programHashes.length > 0 ? await lockActiveBindingsByCode(tx, programId, programHashes) : []),
        );
      }
    }
    const ended: Unbound[] = [];
    for (const b of found) {
      const r = await end(tx, b, 'MERCHANT', now);
      if (!r.ok) {
        return r;
      }
      ended.push({ bindingId: b.bindingId, programId: b.programId });
    }
    return ended.length > 0 ? ok(ended) : fail('3112', 'no active card matches');
  });
}
