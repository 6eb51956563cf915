import type { CodeType, EcPublicJwk, ProgramDetail } from '@jinliu/core';
import type { Sql } from '../driver/sql.ts';
import { big, date, dateOrNull, json } from './rows.ts';

/** A card program as stored, with its merchant's name. */
export interface ProgramRow {
  readonly programId: string;
  readonly merchantId: string;
  readonly merchantName: string;
  /** The Apply channel: the only channel whose Apply calls and callbacks this program accepts. */
  readonly channelId: bigint;
  readonly groupId: string | null;
  readonly name: string;
  readonly logoUrl: string | null;
  readonly codeType: CodeType;
  readonly bindingUrl: string;
  readonly detail: ProgramDetail;
  readonly status: 'ACTIVE' | 'SUSPENDED';
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const programSelect = `SELECT p.*, m.name AS merchant_name FROM mycard_programs p JOIN merchants m USING (merchant_id)`;

function toProgram(r: Record<string, unknown>): ProgramRow {
  return {
    programId: String(r.program_id),
    merchantId: String(r.merchant_id),
    merchantName: String(r.merchant_name),
    channelId: big(r.channel_id),
    groupId: (r.group_id as string | null) ?? null,
    name: String(r.name),
    logoUrl: (r.logo_url as string | null) ?? null,
    codeType: r.code_type as CodeType,
    bindingUrl: String(r.binding_url),
    detail: json<ProgramDetail>(r.detail),
    status: r.status as ProgramRow['status'],
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
}

/** Creates a program. */
export async function insertProgram(
  tx: Sql,
  p: Omit<ProgramRow, 'merchantName' | 'status' | 'updatedAt'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO mycard_programs (program_id, merchant_id, channel_id, group_id, name, logo_url, code_type,
       binding_url, detail, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $10)`,
    [
      p.programId,
      p.merchantId,
      p.channelId,
      p.groupId,
      p.name,
      p.logoUrl,
      p.codeType,
      p.bindingUrl,
      JSON.stringify(p.detail),
      p.createdAt,
    ],
  );
}

/** The fields an update may change (undefined leaves a column as it is). */
export interface ProgramChange {
  readonly name?: string;
  readonly logoUrl?: string | null;
  readonly codeType?: CodeType;
  readonly bindingUrl?: string;
  readonly detail?: ProgramDetail;
  readonly groupId?: string | null;
}

/** Applies a PATCH to a program. */
export async function updateProgram(tx: Sql, programId: string, c: ProgramChange, at: Date): Promise<void> {
  await tx.query(
    `UPDATE mycard_programs SET
       name = COALESCE($2, name),
       logo_url = CASE WHEN $3::boolean THEN $4 ELSE logo_url END,
       code_type = COALESCE($5, code_type),
       binding_url = COALESCE($6, binding_url),
       detail = COALESCE($7::jsonb, detail),
       group_id = CASE WHEN $8::boolean THEN $9 ELSE group_id END,
       updated_at = $10
     WHERE program_id = $1`,
    [
      programId,
      c.name ?? null,
      c.logoUrl !== undefined,
      c.logoUrl ?? null,
      c.codeType ?? null,
      c.bindingUrl ?? null,
      c.detail === undefined ? null : JSON.stringify(c.detail),
      c.groupId !== undefined,
      c.groupId ?? null,
      at,
    ],
  );
}

/** Finds a program by id (`lock` row-locks it for the caller's transaction). */
export async function findProgram(
  sql: Sql,
  programId: string,
  lock = false,
): Promise<ProgramRow | undefined> {
  const [r] = await sql.query(`${programSelect} WHERE p.program_id = $1${lock ? ' FOR UPDATE OF p' : ''}`, [
    programId,
  ]);
  return r ? toProgram(r) : undefined;
}

/** A merchant's programs, oldest first. */
export async function programsOfMerchant(sql: Sql, merchantId: string): Promise<ProgramRow[]> {
  const rows = await sql.query(
    `${programSelect} WHERE p.merchant_id = $1 ORDER BY p.created_at, p.program_id`,
    [merchantId],
  );
  return rows.map(toProgram);
}

/** The wallet catalogue: active programs whose name contains `query` (case-insensitive), by name. */
export async function searchPrograms(sql: Sql, query: string, limit: number): Promise<ProgramRow[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await sql.query(
    `${programSelect} WHERE p.status = 'ACTIVE' AND p.name ILIKE $1 ORDER BY lower(p.name), p.program_id LIMIT $2`,
    [pattern, limit],
  );
  return rows.map(toProgram);
}

/** Counts a program's ACTIVE bindings. */
export async function countActiveBindings(sql: Sql, programId: string): Promise<number> {
  const [r] = await sql.query(
    "SELECT count(*) AS n FROM mycard_bindings WHERE program_id = $1 AND status = 'ACTIVE'",
    [programId],
  );
  return Number(r?.n ?? 0);
}

/** A program signing key; the private half is sealed, and absent once retired. */
export interface ProgramKeyRow {
  readonly kid: string;
  readonly programId: string;
  readonly publicJwk: EcPublicJwk;
  readonly privateKeyId: string | null;
  readonly privateEnc: Uint8Array | null;
  readonly status: 'CURRENT' | 'RETIRED';
  readonly createdAt: Date;
  readonly publishUntil: Date | null;
}

function toKey(r: Record<string, unknown>): ProgramKeyRow {
  return {
    kid: String(r.kid),
    programId: String(r.program_id),
    publicJwk: json<EcPublicJwk>(r.public_jwk),
    privateKeyId: (r.private_key_id as string | null) ?? null,
    privateEnc: (r.private_enc as Uint8Array | null) ?? null,
    status: r.status as ProgramKeyRow['status'],
    createdAt: date(r.created_at),
    publishUntil: dateOrNull(r.publish_until),
  };
}

/** Stores a new CURRENT key (the one-current index refuses a second). */
export async function insertProgramKey(
  tx: Sql,
  k: { kid: string; programId: string; publicJwk: EcPublicJwk; privateKeyId: string; privateEnc: Uint8Array },
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO mycard_program_keys (kid, program_id, public_jwk, private_key_id, private_enc, status, created_at)
     VALUES ($1, $2, $3::jsonb, $4, $5, 'CURRENT', $6)`,
    [k.kid, k.programId, JSON.stringify(k.publicJwk), k.privateKeyId, Buffer.from(k.privateEnc), at],
  );
}

/** The program's current signing key. */
export async function currentProgramKey(sql: Sql, programId: string): Promise<ProgramKeyRow | undefined> {
  const [r] = await sql.query(
    "SELECT * FROM mycard_program_keys WHERE program_id = $1 AND status = 'CURRENT'",
    [programId],
  );
  return r ? toKey(r) : undefined;
}

/** Retires the current key: its private half is wiped, its public half published until `publishUntil`. */
export async function retireCurrentKey(tx: Sql, programId: string, publishUntil: Date): Promise<void> {
  await tx.query(
    `UPDATE mycard_program_keys SET status = 'RETIRED', private_key_id = NULL, private_enc = NULL, publish_until = $2
     WHERE program_id = $1 AND status = 'CURRENT'`,
    [programId, publishUntil],
  );
}

/** The keys of the program's JWK set at `now`: the current one and retired ones still published. */
export async function publishedKeys(sql: Sql, programId: string, now: Date): Promise<ProgramKeyRow[]> {
  const rows = await sql.query(
    `SELECT * FROM mycard_program_keys
     WHERE program_id = $1 AND (status = 'CURRENT' OR publish_until > $2)
     ORDER BY (status = 'CURRENT') DESC, created_at DESC, kid`,
    [programId, now],
  );
  return rows.map(toKey);
}
