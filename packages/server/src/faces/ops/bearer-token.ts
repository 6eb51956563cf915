import { createHash, timingSafeEqual } from 'node:crypto';

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * True when `given` equals `expected`. Both are hashed first so the comparison takes the same
 * time whatever the inputs' lengths and however many leading characters match.
 */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256')
    .update(given ?? '', 'utf8')
    .digest();
  return timingSafeEqual(a, b) && given !== undefined;
}
