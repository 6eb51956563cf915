import { parseArgs } from 'node:util';

/** Which storage the platform runs on during a benchmark. */
export type BenchMode = 'embedded' | 'postgres';

/** The pgbench ceiling run. */
export interface PgbenchOptions {
  readonly scale: number;
  readonly clients: number;
  readonly threads: number;
  readonly seconds: number;
}

/** Everything a benchmark run is told on the command line. */
export interface BenchOptions {
  readonly modes: readonly BenchMode[];
  readonly clients: readonly number[];
  readonly seconds: number;
  readonly confirmSeconds: number;
  readonly warmupSeconds: number;
  readonly idleSeconds: number;
  readonly users: number;
  readonly restarts: number;
  /** Longest wait for other processes to calm down before each measured phase (0 = never wait). */
  readonly quietWaitSeconds: number;
  readonly pgbench: PgbenchOptions | undefined;
  readonly adminUrl: string;
  readonly redisUrl: string;
  readonly database: string;
  readonly pgbenchDatabase: string;
  readonly out: string;
  readonly cpuProfileDir: string | undefined;
  readonly quick: boolean;
}

/** What the command line asked for. */
export type ParsedArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly options: BenchOptions }
  | { readonly kind: 'error'; readonly message: string };

/** The `npm run bench -- --help` text. */
export const helpText = `npm run bench [-- options]   load-test the real platform (embedded PGlite and PostgreSQL)

Starts "jinliu start --json" as a child process, creates funded test users, drives signed
request -> sandbox approve -> confirm cycles with concurrent keep-alive clients, and runs
pgbench as the ceiling. Prints a table and writes bench-results/latest.json.

Options:
  --mode embedded|postgres|both   storage to benchmark (default both)
  --clients 16,32                 concurrent clients; a list runs each (default 16,32; quick 16)
  --seconds N                     length of each full-cycle phase (default 20; quick 3)
  --confirm-seconds N             length of each confirm-only phase (default 15; quick 3)
  --users N                       funded test users the payments spread over (default 64)
  --restarts N                    restarts on the existing data to time start-up (default 3; quick 1)
  --quiet-wait N                  before each measured phase, wait up to N s for other processes
                                  to use under 15% of a core (default 120; quick 10; 0 = off)
  --quick                         a short smoke run (a few seconds per phase, pgbench -s 1 -T 5)
  --skip-pgbench                  do not run the pgbench ceiling
  --pgbench-seconds N             pgbench -T (default 30)
  --pgbench-scale N               pgbench -i -s (default 10)
  --admin-url URL                 PostgreSQL database used to create and drop the benchmark
                                  databases (default postgres://postgres@127.0.0.1:5432/test)
  --redis-url URL                 Redis for the PostgreSQL run (default redis://127.0.0.1:6379)
  --out FILE                      JSON results (default bench-results/latest.json)
  --cpu-prof DIR                  run the server child with --cpu-prof, profiles written to DIR
                                  (summarise with: node scripts/bench/profile-summary.ts FILE)
  -h, --help                      this text

The databases jinliu_bench and jinliu_pgbench are created fresh and dropped afterwards, also on
failure or Ctrl+C. The load generator shares the machine's cores with the server and the
database; the CPU each of them used is reported with every phase.`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${name} must be a whole number of at least 1`);
  }
  return n;
}

function modesOf(value: string | undefined): BenchMode[] {
  switch (value ?? 'both') {
    case 'embedded':
      return ['embedded'];
    case 'postgres':
      return ['postgres'];
    case 'both':
      return ['embedded', 'postgres'];
    default:
      throw new Error('--mode must be embedded, postgres or both');
  }
}

/** Parses the benchmark's command line. */
export function parseBenchArgs(argv: readonly string[]): ParsedArgs {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        mode: { type: 'string' },
        clients: { type: 'string' },
        seconds: { type: 'string' },
        'confirm-seconds': { type: 'string' },
        users: { type: 'string' },
        restarts: { type: 'string' },
        'quiet-wait': { type: 'string' },
        quick: { type: 'boolean' },
        'skip-pgbench': { type: 'boolean' },
        'pgbench-seconds': { type: 'string' },
        'pgbench-scale': { type: 'string' },
        'admin-url': { type: 'string' },
        'redis-url': { type: 'string' },
        out: { type: 'string' },
        'cpu-prof': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      return { kind: 'help' };
    }
    const quick = values.quick === true;
    const clients = (values.clients ?? (quick ? '16' : '16,32'))
      .split(',')
      .map((c) => positiveInt('--clients', c.trim(), 1));
    return {
      kind: 'run',
      options: {
        modes: modesOf(values.mode),
        clients,
        seconds: positiveInt('--seconds', values.seconds, quick ? 3 : 20),
        confirmSeconds: positiveInt('--confirm-seconds', values['confirm-seconds'], quick ? 3 : 15),
        warmupSeconds: quick ? 1 : 5,
        idleSeconds: quick ? 2 : 5,
        users: positiveInt('--users', values.users, 64),
        restarts: positiveInt('--restarts', values.restarts, quick ? 1 : 3),
        quietWaitSeconds:
          values['quiet-wait'] === '0'
            ? 0
            : positiveInt('--quiet-wait', values['quiet-wait'], quick ? 10 : 120),
        pgbench: values['skip-pgbench']
          ? undefined
          : {
              scale: positiveInt('--pgbench-scale', values['pgbench-scale'], quick ? 1 : 10),
              clients: 8,
              threads: 2,
              seconds: positiveInt('--pgbench-seconds', values['pgbench-seconds'], quick ? 5 : 30),
            },
        adminUrl: values['admin-url'] ?? 'postgres://postgres@127.0.0.1:5432/test',
        redisUrl: values['redis-url'] ?? 'redis://127.0.0.1:6379',
        database: 'jinliu_bench',
        pgbenchDatabase: 'jinliu_pgbench',
        out: values.out ?? 'bench-results/latest.json',
        cpuProfileDir: values['cpu-prof'],
        quick,
      },
    };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
