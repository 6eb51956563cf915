import { type BindingStatus, effectiveBindingStatus, fail, ok, type Result } from '@jinliu/core';
import {
  type BindingRow,
  bindingsOfUser,
  type CouponRow,
  couponsOf,
  findBinding,
  findProgram,
  type ProgramRow,
  searchPrograms,
} from '@jinliu/db';
import { openMembershipCode } from './code-seal.ts';
import type { MyCardDeps } from './deps.ts';

/** A catalogue entry: a program, and the shopper's active card of it if they hold one. */
export interface CatalogueEntry {
  readonly program: ProgramRow;
  readonly activeBindingId: string | null;
}

const catalogueLimit = 50;

async function activeByProgram(deps: MyCardDeps, userId: string | null): Promise<Map<string, string>> {
  const active = userId ? await bindingsOfUser(deps.db, userId, ['ACTIVE']) : [];
  return new Map(active.map((b) => [b.programId, b.bindingId]));
}

/** The card catalogue: active programs whose name contains `query`. */
export async function catalogue(
  deps: MyCardDeps,
  userId: string | null,
  query: string,
): Promise<CatalogueEntry[]> {
  const [programs, held] = await Promise.all([
    searchPrograms(deps.db, query.trim().slice(0, 100), catalogueLimit),
    activeByProgram(deps, userId),
  ]);
  return programs.map((program) => ({ program, activeBindingId: held.get(program.programId) ?? null }));
}

/** One program for the wallet's add-card and detail pages. */
export async function programForShopper(
  deps: MyCardDeps,
  userId: string | null,
  programId: string,
): Promise<Result<CatalogueEntry>> {
  const program = await findProgram(deps.db, programId);
  if (program?.status !== 'ACTIVE') {
    return fail('3111');
  }
  const held = await activeByProgram(deps, userId);
  return ok({ program, activeBindingId: held.get(programId) ?? null });
}

/** A shopper's card: its binding (status as the clock sees it), program and — when active — code. */
export interface CardView {
  readonly binding: BindingRow;
  readonly status: BindingStatus;
  readonly program: ProgramRow;
  readonly membershipCode: string | null;
}

/** The shopper's active cards, newest first (codes are opened only on a card's own page). */
export async function myCards(deps: MyCardDeps, userId: string): Promise<CardView[]> {
  const bindings = await bindingsOfUser(deps.db, userId, ['ACTIVE']);
  const cards: CardView[] = [];
  for (const binding of bindings) {
    const program = await findProgram(deps.db, binding.programId);
    if (program) {
      cards.push({ binding, status: binding.status, program, membershipCode: null });
    }
  }
  return cards;
}

/** One binding of the shopper (any status, so the wallet can show how a binding ended); the code only while ACTIVE. */
export async function cardOf(deps: MyCardDeps, userId: string, bindingId: string): Promise<Result<CardView>> {
  const binding = await findBinding(deps.db, bindingId);
  if (!binding || binding.userId !== userId) {
    return fail('3112', 'no such card in your wallet');
  }
  const program = await findProgram(deps.db, binding.programId);
  if (!program) {
    return fail('3112');
  }
  const status = effectiveBindingStatus(binding, deps.clock.now());
  const code =
    status === 'ACTIVE' && binding.codeEnc && binding.codeKeyId
      ? openMembershipCode(deps.keyring, binding.bindingId, {
          keyId: binding.codeKeyId,
          data: binding.codeEnc,
        })
      : null;
  return ok({ binding, status, program, membershipCode: code });
}

/** The shopper's coupons, newest first. */
export async function walletCoupons(deps: MyCardDeps, userId: string): Promise<CouponRow[]> {
  return couponsOf(deps.db, userId);
}
