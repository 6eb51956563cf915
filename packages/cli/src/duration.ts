import { usageFailure } from './exit-codes.ts';

const units = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 } as const;
const pattern = /^(?:(\d{1,6})w)?(?:(\d{1,6})d)?(?:(\d{1,7})h)?(?:(\d{1,9})m)?(?:(\d{1,9})s)?$/;

/** The longest move the sandbox clock accepts in one call (ten years). */
export const maxDurationSeconds = 10 * 365 * 86_400;

/**
 * Parses a duration like `90s`, `20m`, `1h30m`, `31d` or `2w` (whole numbers, units w d h m s in
 * that order, each at most once) into seconds. Throws a usage failure (exit 2) with an example otherwise.
 */
export function parseDuration(text: string): number {
  const match = pattern.exec(text);
  const parts = match ? match.slice(1) : [];
  const sizes = Object.values(units);
  const seconds = parts.reduce(
    (sum, part, i) => sum + (part === undefined ? 0 : Number(part) * (sizes[i] ?? 0)),
    0,
  );
  if (!match || parts.every((p) => p === undefined) || seconds < 1 || seconds > maxDurationSeconds) {
    throw usageFailure(
      `Bad duration "${text}": use whole numbers with units w, d, h, m, s, from 1s up to 10 years — e.g. 90s, 20m, 1h30m, 31d or 2w.`,
    );
  }
  return seconds;
}

/** Writes seconds back as a duration (`5400` → `1h30m`). */
export function formatDuration(seconds: number): string {
  let rest = seconds;
  let text = '';
  for (const [unit, size] of Object.entries(units)) {
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text || '0s';
}
