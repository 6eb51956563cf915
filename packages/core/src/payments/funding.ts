import type { Posting } from '../ledger/index.ts';
import type { FundingPart, SystemAccounts } from './payment.ts';

/**
 * Order in which parts absorb captures and refunds: money methods first, points last,
 * so a partial capture releases points before money and a refund returns money first.
 */
function byPriority(parts: readonly FundingPart[]): number[] {
  return parts
    .map((part, index) => ({ index, rank: part.method === 'POINT' ? 1 : 0 }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.index);
}

/** Splits `amount` over the parts, each taking at most `room(part)`, in priority order. */
export function allocate(
  parts: readonly FundingPart[],
  amount: bigint,
  room: (part: FundingPart) => bigint,
): bigint[] {
  const shares = parts.map(() => 0n);
  let left = amount;
  for (const index of byPriority(parts)) {
    const part = parts[index];
    if (!part || left === 0n) {
      continue;
    }
    const take = room(part) < left ? room(part) : left;
    shares[index] = take;
    left -= take;
  }
  if (left !== 0n) {
    throw new Error(`cannot allocate ${amount}: ${left} left over`);
  }
  return shares;
}

/** The account a part's money comes from and returns to. */
export function sourceAccount(part: FundingPart, system: SystemAccounts): bigint {
  if (part.method === 'CREDIT_CARD') {
    return system.cardClearing;
  }
  if (part.accountId === null) {
    throw new Error(`${part.method} part has no account`);
  }
  return part.accountId;
}

/** Postings that move each part's share between its source and `counterAccount` (sign: + to counter). */
export function legsFromSources(
  parts: readonly FundingPart[],
  shares: readonly bigint[],
  system: SystemAccounts,
  direction: 'from-sources' | 'to-sources',
): Posting[] {
  const sign = direction === 'from-sources' ? -1n : 1n;
  return parts.map((part, i) => ({
    accountId: sourceAccount(part, system),
    amount: sign * (shares[i] ?? 0n),
  }));
}

/** Sums a list of bigints. */
export function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}
