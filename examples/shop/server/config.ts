// The shop's configuration: environment variables read once, at start-up, into a frozen object.
// Every bad value is reported together, so one run tells the operator everything to fix.

/** Where the shop sends its LINE Pay calls, by name (LINEPAY_ENV). */
export const linePayHosts = {
  sandbox: 'https://sandbox-api-pay.line.me',
  production: 'https://api-pay.line.me',
  jinliu: 'http://127.0.0.1:8080',
} as const;

/** Log levels the shop accepts (pino's). */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The validated shop configuration. */
export interface ShopConfig {
  readonly port: number;
  readonly host: string;
  /** The URL shoppers reach the shop at (LINE Pay sends them back here). */
  readonly publicUrl: string;
  /** The shop's own embedded database directory. */
  readonly dataDir: string;
  /** The LINE Pay API host: a real LINE Pay host or a Jinliu platform. */
  readonly linePayBaseUrl: string;
  /** Both set, or both unset (then a Jinliu sandbox channel is created once and kept). */
  readonly channel: { readonly channelId: string; readonly channelSecret: string } | undefined;
  readonly adminPassword: string;
  /** True when SHOP_ADMIN_PASSWORD was not set (start-up says so). */
  readonly adminPasswordIsDefault: boolean;
  readonly reconcileIntervalMs: number;
  /** How old an unfinished order must be before the reconciler asks LINE Pay about it. */
  readonly reconcileAfterMs: number;
  readonly billingIntervalMs: number;
  readonly logLevel: (typeof logLevels)[number];
  /** SHOP_MEMBERSHIP_LOGO_URL: the club logo the wallet shows (https only: the wallet loads no other images). */
  readonly membershipLogoUrl: string | undefined;
}

/** One line per variable: name, default and meaning (printed by `--help`, kept in the README). */
export const shopVariables: ReadonlyArray<readonly [string, string, string]> = [
  ['SHOP_PORT', '3000', 'HTTP port of the shop'],
  ['SHOP_HOST', '127.0.0.1', 'interface to listen on (0.0.0.0 in a container)'],
  [
    'SHOP_PUBLIC_URL',
    'http://SHOP_HOST:SHOP_PORT',
    'URL shoppers reach the shop at (LINE Pay returns them here)',
  ],
  ['SHOP_DATA_DIR', '.jinliu/shop', "the shop's embedded database directory"],
  [
    'LINEPAY_BASE_URL',
    '(from LINEPAY_ENV)',
    'LINE Pay API host, e.g. http://127.0.0.1:8080 for a local Jinliu',
  ],
  ['LINEPAY_ENV', 'jinliu', 'jinliu (http://127.0.0.1:8080), sandbox or production LINE Pay'],
  ['LINEPAY_CHANNEL_ID', '(unset)', 'channel id; unset on a Jinliu sandbox = create one and keep it'],
  ['LINEPAY_CHANNEL_SECRET', '(unset)', 'channel secret (set together with the id)'],
  ['SHOP_ADMIN_PASSWORD', 'admin', 'password of the /admin page'],
  [
    'SHOP_RECONCILE_INTERVAL_SECONDS',
    '30',
    'how often unfinished orders are checked with LINE Pay (0 = never)',
  ],
  ['SHOP_RECONCILE_AFTER_SECONDS', '120', 'how old an unfinished order must be before it is checked'],
  ['SHOP_BILLING_INTERVAL_SECONDS', '60', 'how often due subscriptions are charged (0 = never)'],
  ['SHOP_LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent'],
  [
    'SHOP_MEMBERSHIP_LOGO_URL',
    '(unset)',
    'https URL of the club logo in the wallet; default SHOP_PUBLIC_URL/membership/logo.svg when https, else none',
  ],
];

/** Thrown with every problem found in the environment. */
export class ShopConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid shop configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ShopConfigError';
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function httpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.search === '' && u.hash === '';
  } catch {
    return false;
  }
}

/** Reads and checks the shop's variables; throws ShopConfigError listing every bad one. */
export function loadShopConfig(env: Env): ShopConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) {
      return fallback;
    }
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };

  const port = integer('SHOP_PORT', 3000, 0, 65_535);
  const host = text('SHOP_HOST') ?? '127.0.0.1';
  const publicUrl = (
    text('SHOP_PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  ).replace(/\/+$/, '');
  if (!httpUrl(publicUrl)) {
    problems.push(`SHOP_PUBLIC_URL must be an http(s) URL without query (got "${publicUrl}")`);
  }

  const envName = text('LINEPAY_ENV') ?? 'jinliu';
  if (!(envName in linePayHosts)) {
    problems.push(`LINEPAY_ENV must be jinliu, sandbox or production (got "${envName}")`);
  }
  const linePayBaseUrl = (
    text('LINEPAY_BASE_URL') ??
    linePayHosts[envName as keyof typeof linePayHosts] ??
    linePayHosts.jinliu
  ).replace(/\/+$/, '');
  if (!httpUrl(linePayBaseUrl)) {
    problems.push(`LINEPAY_BASE_URL must be an http(s) URL (got "${linePayBaseUrl}")`);
  }

  const channelId = text('LINEPAY_CHANNEL_ID');
  const channelSecret = text('LINEPAY_CHANNEL_SECRET');
  if ((channelId === undefined) !== (channelSecret === undefined)) {
    problems.push('LINEPAY_CHANNEL_ID and LINEPAY_CHANNEL_SECRET must be set together');
  }
  if (channelId !== undefined && !/^\d{1,19}$/.test(channelId)) {
    problems.push('LINEPAY_CHANNEL_ID must be the numeric channel id');
  }

  const password = env.SHOP_ADMIN_PASSWORD;
  if (password !== undefined && password.length > 0 && password.length < 4) {
    problems.push('SHOP_ADMIN_PASSWORD must be at least 4 characters');
  }

  const logLevel = text('SHOP_LOG_LEVEL') ?? 'info';
  if (!logLevels.includes(logLevel as ShopConfig['logLevel'])) {
    problems.push(`SHOP_LOG_LEVEL must be one of ${logLevels.join(', ')} (got "${logLevel}")`);
  }

  const logo = text('SHOP_MEMBERSHIP_LOGO_URL');
  if (logo !== undefined && (!URL.canParse(logo) || new URL(logo).protocol !== 'https:')) {
    problems.push(
      `SHOP_MEMBERSHIP_LOGO_URL must be an https URL: the wallet loads no other images (got "${logo}")`,
    );
  }

  const config: ShopConfig = {
    port,
    host,
    publicUrl,
    dataDir: text('SHOP_DATA_DIR') ?? '.jinliu/shop',
    linePayBaseUrl,
    channel: channelId && channelSecret ? { channelId, channelSecret } : undefined,
    adminPassword: password !== undefined && password.length > 0 ? password : 'admin',
    adminPasswordIsDefault: password === undefined || password.length === 0,
    reconcileIntervalMs: integer('SHOP_RECONCILE_INTERVAL_SECONDS', 30, 0, 86_400) * 1000,
    reconcileAfterMs: integer('SHOP_RECONCILE_AFTER_SECONDS', 120, 0, 86_400) * 1000,
    billingIntervalMs: integer('SHOP_BILLING_INTERVAL_SECONDS', 60, 0, 86_400) * 1000,
    logLevel: logLevel as ShopConfig['logLevel'],
    membershipLogoUrl: logo,
  };
  if (problems.length > 0) {
    throw new ShopConfigError(problems);
  }
  return Object.freeze(config);
}
