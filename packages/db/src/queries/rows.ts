import type { FundingPart, PayMethod } from '@jinliu/core';

/** Reads a bigint column that may arrive as bigint, number or string depending on the driver. */
export function big(value: unknown): bigint {
  if (typeof value === 'bigint') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'string') {
    return BigInt(value);
  }
  throw new TypeError(`expected an integer column, got ${typeof value}`);
}

/** Reads a nullable bigint column. */
export function bigOrNull(value: unknown): bigint | null {
  return value === null || value === undefined ? null : big(value);
}

/** Reads a timestamptz column. */
export function date(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** Reads a nullable timestamptz column. */
export function dateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : date(value);
}

/** Reads a jsonb column (PGlite and pg both parse it; a string is parsed here). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

interface StoredPart {
  method: PayMethod;
  accountId: string | null;
  cardId: string | null;
  card: { brand: string; last4: string; nickname: string } | null;
  amount: string;
  captured: string;
  refunded: string;
}

/** Serialises funding parts for a jsonb column (bigints as strings: JSON has no int64). */
export function encodeFunding(parts: readonly FundingPart[] | null): string | null {
  if (parts === null) {
    return null;
  }
  const stored: StoredPart[] = parts.map((p) => ({
    method: p.method,
    accountId: p.accountId?.toString() ?? null,
    cardId: p.cardId?.toString() ?? null,
    card: p.card,
    amount: p.amount.toString(),
    captured: p.captured.toString(),
    refunded: p.refunded.toString(),
  }));
  return JSON.stringify(stored);
}

/** Parses funding parts from a jsonb column. */
export function decodeFunding(value: unknown): FundingPart[] | null {
  if (value === null || value === undefined) {
    return null;
  }
  return json<StoredPart[]>(value).map((p) => ({
    method: p.method,
    accountId: p.accountId === null ? null : BigInt(p.accountId),
    cardId: p.cardId === null ? null : BigInt(p.cardId),
    card: p.card,
    amount: BigInt(p.amount),
    captured: BigInt(p.captured),
    refunded: BigInt(p.refunded),
  }));
}
