import { resolve } from 'node:path';

/** How the platform runs: sandbox (test helpers on, demo data seeded) or live. */
export type Mode = 'sandbox' | 'live';

/** Which parts of the program run in this process. */
export type Role = 'all' | 'api' | 'worker';

/** The validated, frozen configuration. The only reader of process.env is `loadConfig`. */
export interface Config {
  readonly mode: Mode;
  readonly role: Role;
  readonly host: string;
  readonly port: number;
  /** The URL shoppers and merchants reach this platform at (payment page links). */
  readonly publicUrl: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly dbPoolSize: number;
  readonly redisUrl: string | undefined;
  /** Base64 32-byte keys by id; the first is used for new data. Empty = generated per data dir (sandbox only). */
  readonly encryptionKeys: ReadonlyArray<{ id: string; key: Uint8Array }>;
  readonly nonceWindowSeconds: number;
  readonly authorizationValidityDays: number;
  readonly refundWindowDays: number;
  readonly requestExpiryMinutes: number;
  /** How long a My Card binding reservation has to be applied and completed. */
  readonly mycardBindingMinutes: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly sweepIntervalSeconds: number;
  /** OpenID Connect provider for wallet sign-in (live deployments); undefined = not configured. */
  readonly oidc: { issuer: string; clientId: string; clientSecret: string; scopes: string } | undefined;
  /** Bearer token of the operator API (/ops/v1); undefined = open in sandbox mode, absent in live mode. */
  readonly opsToken: string | undefined;
}

/** A bad configuration: every problem, one line each, in one message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Every variable the platform reads, with its meaning and default (README's table is generated from this). */
export const configVariables = [
  ['JINLIU_MODE', 'sandbox', '`sandbox` (test helpers, seeded demo data) or `live`'],
  ['PORT', '8080', 'HTTP port'],
  ['HOST', '127.0.0.1', 'interface to listen on (`0.0.0.0` in a container)'],
  ['JINLIU_PUBLIC_URL', 'http://HOST:PORT', 'URL shoppers reach the payment pages at'],
  ['DATABASE_URL', '(unset)', 'PostgreSQL URL; unset = embedded PGlite'],
  ['JINLIU_DATA_DIR', '.jinliu/data', 'embedded database directory (used when DATABASE_URL is unset)'],
  ['JINLIU_DB_POOL_SIZE', '10', 'PostgreSQL connections per process'],
  ['REDIS_URL', '(unset)', 'Redis URL for the shared nonce store; unset = in-process'],
  [
    'JINLIU_ENCRYPTION_KEYS',
    '(generated in sandbox)',
    '`id:base64key,...` AES-256 keys, first is current; required in live mode',
  ],
  ['JINLIU_NONCE_WINDOW_SECONDS', '900', 'how long a used nonce is remembered and refused'],
  ['JINLIU_AUTHORIZATION_VALIDITY_DAYS', '5', 'how long an authorize-only payment can be captured'],
  ['JINLIU_REFUND_WINDOW_DAYS', '365', 'how long after capture a refund is allowed'],
  ['JINLIU_REQUEST_EXPIRY_MINUTES', '20', 'how long a payment request waits for the user'],
  [
    'JINLIU_MYCARD_BINDING_MINUTES',
    '10',
    'how long a My Card binding reservation waits for the merchant to complete it',
  ],
  ['JINLIU_SWEEP_INTERVAL_SECONDS', '5', 'how often the worker expires due requests and authorizations'],
  [
    'JINLIU_OIDC_ISSUER',
    '(unset)',
    'OpenID Connect issuer URL for wallet sign-in (LINE Login: https://access.line.me)',
  ],
  ['JINLIU_OIDC_CLIENT_ID', '(unset)', 'OpenID Connect client id (required with the issuer)'],
  ['JINLIU_OIDC_CLIENT_SECRET', '(unset)', 'OpenID Connect client secret (required with the issuer)'],
  ['JINLIU_OIDC_SCOPES', 'openid profile', 'scopes asked for at sign-in'],
  [
    'JINLIU_OPS_TOKEN',
    '(unset)',
    'bearer token of the operator API `/ops/v1` (`jinliu payments show`, `events tail`); unset = open in sandbox, off in live',
  ],
  ['LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent'],
] as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Parses and validates configuration; throws ConfigError listing every bad value. */
export function loadConfig(env: Env, overrides: Partial<Pick<Config, 'role'>> = {}): Config {
  const problems: string[] = [];
  const text = (name: string, fallback: string) => {
    const v = env[name];
    return v === undefined || v === '' ? fallback : v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      return fallback;
    }
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${raw} must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const v = text(name, fallback);
    if (!(allowed as readonly string[]).includes(v)) {
      problems.push(`${name}=${v} must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return v as T;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const v = env[name];
    if (v === undefined || v === '') {
      return undefined;
    }
    if (!URL.canParse(v) || !protocols.includes(new URL(v).protocol)) {
      problems.push(`${name} must be a ${protocols.join(' or ')} URL, got "${redactUrl(v)}"`);
      return undefined;
    }
    return v;
  };

  const mode = oneOf<Mode>('JINLIU_MODE', 'sandbox', ['sandbox', 'live']);
  const port = int('PORT', 8080, 0, 65535);
  const host = text('HOST', '127.0.0.1');
  const publicUrlRaw = url('JINLIU_PUBLIC_URL', ['http:', 'https:']);
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const encryptionKeys = parseKeys(env.JINLIU_ENCRYPTION_KEYS, problems);
  if (mode === 'live' && encryptionKeys.length === 0) {
    problems.push('JINLIU_ENCRYPTION_KEYS is required in live mode (e.g. "k1:<base64 of 32 random bytes>")');
  }
  const oidcIssuer = url('JINLIU_OIDC_ISSUER', ['https:', 'http:']);
  const oidcClientId = env.JINLIU_OIDC_CLIENT_ID;
  const oidcClientSecret = env.JINLIU_OIDC_CLIENT_SECRET;
  if (oidcIssuer && (!oidcClientId || !oidcClientSecret)) {
    problems.push('JINLIU_OIDC_CLIENT_ID and JINLIU_OIDC_CLIENT_SECRET are required with JINLIU_OIDC_ISSUER');
  }
  const opsToken = env.JINLIU_OPS_TOKEN === '' ? undefined : env.JINLIU_OPS_TOKEN;
  if (opsToken !== undefined && !/^[\x21-\x7e]{16,256}$/.test(opsToken)) {
    problems.push('JINLIU_OPS_TOKEN must be 16 to 256 printable characters without spaces');
  }
  const config: Config = {
    mode,
    role: overrides.role ?? 'all',
    host,
    port,
    publicUrl: (publicUrlRaw ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(
      /\/$/,
      '',
    ),
    databaseUrl,
    dataDir: resolve(text('JINLIU_DATA_DIR', '.jinliu/data')),
    dbPoolSize: int('JINLIU_DB_POOL_SIZE', 10, 1, 200),
    redisUrl,
    encryptionKeys,
    nonceWindowSeconds: int('JINLIU_NONCE_WINDOW_SECONDS', 900, 1, 86_400),
    authorizationValidityDays: int('JINLIU_AUTHORIZATION_VALIDITY_DAYS', 5, 1, 60),
    refundWindowDays: int('JINLIU_REFUND_WINDOW_DAYS', 365, 1, 3650),
    requestExpiryMinutes: int('JINLIU_REQUEST_EXPIRY_MINUTES', 20, 1, 1440),
    mycardBindingMinutes: int('JINLIU_MYCARD_BINDING_MINUTES', 10, 1, 1440),
    sweepIntervalSeconds: int('JINLIU_SWEEP_INTERVAL_SECONDS', 5, 1, 3600),
    logLevel: oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    oidc:
      oidcIssuer && oidcClientId && oidcClientSecret
        ? {
            issuer: oidcIssuer,
            clientId: oidcClientId,
            clientSecret: oidcClientSecret,
            scopes: text('JINLIU_OIDC_SCOPES', 'openid profile'),
          }
        : undefined,
    opsToken,
  };
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return Object.freeze(config);
}

function parseKeys(raw: string | undefined, problems: string[]): Array<{ id: string; key: Uint8Array }> {
  if (raw === undefined || raw.trim() === '') {
    return [];
  }
  const keys: Array<{ id: string; key: Uint8Array }> = [];
  for (const [index, item] of raw.split(',').entries()) {
    const [id, b64] = item.trim().split(':');
    const key = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      problems.push(`JINLIU_ENCRYPTION_KEYS entry ${index + 1} must be "id:<base64 of exactly 32 bytes>"`);
      continue;
    }
    keys.push({ id, key });
  }
  return keys;
}

/** Hides the password of a URL for messages and logs. */
export function redactUrl(value: string): string {
  if (!URL.canParse(value)) {
    return value.replace(/:[^:@/]*@/, ':***@');
  }
  const u = new URL(value);
  if (u.password) {
    u.password = '***';
  }
  return u.toString();
}
