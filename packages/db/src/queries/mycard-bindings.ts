import type { BindingStatus } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';
import { date, dateOrNull } from './rows.ts';

/** A binding as stored: the token only as its hash, the membership code sealed. */
export interface BindingRow {
  readonly bindingId: string;
  readonly programId: string;
  readonly userId: string;
  readonly kid: string;
  readonly tokenHash: string;
  readonly nonce: string;
  readonly status: BindingStatus;
  readonly codeKeyId: string | null;
  readonly codeEnc: Uint8Array | null;
  readonly codeHash: string | null;
  readonly displayName: string | null;
  readonly reservedAt: Date;
  readonly expiresAt: Date;
  readonly appliedAt: Date | null;
  readonly activatedAt: Date | null;
  readonly closedAt: Date | null;
  readonly closedBy: string | null;
}

function toBinding(r: Record<string, unknown>): BindingRow {
  return {
    bindingId: String(r.binding_id),
    programId: String(r.program_id),
    userId: String(r.user_id),
    kid: String(r.kid),
    tokenHash: String(r.token_hash),
    nonce: String(r.nonce),
    status: r.status as BindingStatus,
    codeKeyId: (r.code_key_id as string | null) ?? null,
    codeEnc: (r.code_enc as Uint8Array | null) ?? null,
    codeHash: (r.code_hash as string | null) ?? null,
    displayName: (r.display_name as string | null) ?? null,
    reservedAt: date(r.reserved_at),
    expiresAt: date(r.expires_at),
    appliedAt: dateOrNull(r.applied_at),
    activatedAt: dateOrNull(r.activated_at),
    closedAt: dateOrNull(r.closed_at),
    closedBy: (r.closed_by as string | null) ?? null,
  };
}

/** Stores a new RESERVED binding. */
export async function insertBinding(
  tx: Sql,
  b: Pick<
    BindingRow,
    'bindingId' | 'programId' | 'userId' | 'kid' | 'tokenHash' | 'nonce' | 'reservedAt' | 'expiresAt'
  >,
): Promise<void> {
  await tx.query(
    `INSERT INTO mycard_bindings (binding_id, program_id, user_id, kid, token_hash, nonce, status, reserved_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'RESERVED', $7, $8)`,
    [b.bindingId, b.programId, b.userId, b.kid, b.tokenHash, b.nonce, b.reservedAt, b.expiresAt],
  );
}

/** Finds a binding by id (`lock` row-locks it: transitions of one binding happen one at a time). */
export async function findBinding(
  sql: Sql,
  bindingId: string,
  lock = false,
): Promise<BindingRow | undefined> {
  const [r] = await sql.query(
    `SELECT * FROM mycard_bindings WHERE binding_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [bindingId],
  );
  return r ? toBinding(r) : undefined;
}

/** Finds and row-locks the binding a token was issued for. */
export async function lockBindingByTokenHash(tx: Sql, tokenHash: string): Promise<BindingRow | undefined> {
  const [r] = await tx.query('SELECT * FROM mycard_bindings WHERE token_hash = $1 FOR UPDATE', [tokenHash]);
  return r ? toBinding(r) : undefined;
}

/** A sealed membership code with its keyed lookup hash. */
export interface SealedCode {
  readonly keyId: string;
  readonly data: Uint8Array;
  readonly hash: string;
}

/** A binding's move to a new status; `code: null` discards the membership code. */
export interface BindingChange {
  readonly status: BindingStatus;
  readonly code?: SealedCode | null;
  readonly displayName?: string | null;
  readonly appliedAt?: Date;
  readonly activatedAt?: Date;
  readonly closedAt?: Date;
  readonly closedBy?: string;
}

/**
 * Moves a binding from `from` to its new status; nothing changes (false) when it is no longer
 * in `from`, so two racing steps can never both succeed.
 */
export async function moveBinding(
  tx: Sql,
  bindingId: string,
  from: BindingStatus,
  c: BindingChange,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE mycard_bindings SET status = $3,
       code_key_id = CASE WHEN $4::boolean THEN $5 ELSE code_key_id END,
       code_enc = CASE WHEN $4::boolean THEN $6::bytea ELSE code_enc END,
       code_hash = CASE WHEN $4::boolean THEN $7 ELSE code_hash END,
       display_name = CASE WHEN $8::boolean THEN $9 ELSE display_name END,
       applied_at = COALESCE($10, applied_at),
       activated_at = COALESCE($11, activated_at),
       closed_at = COALESCE($12, closed_at),
       closed_by = COALESCE($13, closed_by)
     WHERE binding_id = $1 AND status = $2 RETURNING binding_id`,
    [
      bindingId,
      from,
      c.status,
      c.code !== undefined,
      c.code?.keyId ?? null,
      c.code ? Buffer.from(c.code.data) : null,
      c.code?.hash ?? null,
      c.displayName !== undefined,
      c.displayName ?? null,
      c.appliedAt ?? null,
      c.activatedAt ?? null,
      c.closedAt ?? null,
      c.closedBy ?? null,
    ],
  );
  return rows.length > 0;
}

/** A user's bindings of one program that are ACTIVE (at most one, by the partial unique index). */
export async function activeBindingOf(
  sql: Sql,
  programId: string,
  userId: string,
): Promise<BindingRow | undefined> {
  const [r] = await sql.query(
    "SELECT * FROM mycard_bindings WHERE program_id = $1 AND user_id = $2 AND status = 'ACTIVE'",
    [programId, userId],
  );
  return r ? toBinding(r) : undefined;
}

/** A user's bindings in the given statuses, newest first. */
export async function bindingsOfUser(
  sql: Sql,
  userId: string,
  statuses: readonly BindingStatus[],
  limit = 200,
): Promise<BindingRow[]> {
  const rows = await sql.query(
    `SELECT * FROM mycard_bindings WHERE user_id = $1 AND status = ANY($2::text[])
     ORDER BY reserved_at DESC, binding_id LIMIT $3`,
    [userId, statuses, limit],
  );
  return rows.map(toBinding);
}

/** The sealing keys in use by a program's active codes (a code's lookup hash is keyed with its key). */
export async function activeCodeKeyIds(sql: Sql, programId: string): Promise<string[]> {
  const rows = await sql.query(
    "SELECT DISTINCT code_key_id FROM mycard_bindings WHERE program_id = $1 AND status = 'ACTIVE'",
    [programId],
  );
  return rows.map((r) => String(r.code_key_id));
}

/** Locks a program's ACTIVE bindings whose code hashes to one of `hashes`. */
export async function lockActiveBindingsByCode(
  tx: Sql,
  programId: string,
  hashes: readonly string[],
): Promise<BindingRow[]> {
  const rows = await tx.query(
    `SELECT * FROM mycard_bindings WHERE program_id = $1 AND status = 'ACTIVE' AND code_hash = ANY($2::text[])
     ORDER BY binding_id FOR UPDATE`,
    [programId, hashes],
  );
  return rows.map(toBinding);
}

/**
 * Expires reservations the clock has passed (RESERVED or APPLIED), discarding any stored code,
 * at most `limit` per call; returns how many. The status condition makes it safe beside a
 * concurrent apply or callback: a binding that moved on is left alone.
 */
export async function expireDueBindings(sql: Sql, now: Date, limit = 500): Promise<number> {
  const rows = await sql.query(
    `UPDATE mycard_bindings SET status = 'EXPIRED', code_key_id = NULL, code_enc = NULL, code_hash = NULL,
       closed_at = $1, closed_by = 'CLOCK'
     WHERE binding_id IN (
       SELECT binding_id FROM mycard_bindings
       WHERE status IN ('RESERVED', 'APPLIED') AND expires_at <= $1
       ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       AND status IN ('RESERVED', 'APPLIED')
     RETURNING binding_id`,
    [now, limit],
    'mycard_expire_due_bindings',
  );
  return rows.length;
}
