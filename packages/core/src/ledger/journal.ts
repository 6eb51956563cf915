import { InvariantError } from '../errors/index.ts';

/** One leg of a journal entry: a signed amount on one account (balance = Σ postings). */
export interface Posting {
  readonly accountId: bigint;
  readonly amount: bigint;
}

/**
 * A balanced journal entry. `kind` + `ref` is unique in the database, so the same
 * money movement can never be written twice, whatever the concurrency.
 */
export interface JournalEntry {
  readonly kind: EntryKind;
  readonly ref: string;
  readonly postings: readonly Posting[];
}

/** What moved the money. */
export type EntryKind = 'confirm' | 'capture' | 'release' | 'refund' | 'preapproved' | 'topup' | 'points';

/** Merges postings on the same account and drops zero legs, keeping the first-seen order. */
export function netPostings(postings: readonly Posting[]): Posting[] {
  const sums = new Map<bigint, bigint>();
  for (const p of postings) {
    sums.set(p.accountId, (sums.get(p.accountId) ?? 0n) + p.amount);
  }
  return [...sums]
    .filter(([, amount]) => amount !== 0n)
    .map(([accountId, amount]) => ({ accountId, amount }));
}

/** Builds an entry after checking it sums to zero; an unbalanced entry is a bug, never data. */
export function balancedEntry(kind: EntryKind, ref: string, postings: readonly Posting[]): JournalEntry {
  const legs = netPostings(postings);
  const sum = legs.reduce((acc, p) => acc + p.amount, 0n);
  if (sum !== 0n) {
    throw new InvariantError(`journal entry ${kind}:${ref} does not balance (sum ${sum})`);
  }
  return { kind, ref, postings: legs };
}
