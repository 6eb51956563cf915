#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, configVariables, type Role } from '@jinliu/server';
import { ledgerVerifyCommand } from './commands/ledger.ts';
import { migrateCommand } from './commands/migrate.ts';
import { startCommand } from './commands/start.ts';
import { say, warn } from './output.ts';

const usage = `jinliu — a LINE Pay-compatible payment platform

Usage:
  jinliu start [--role all|api|worker] [--json]   run the platform (default role: all)
  jinliu migrate [--json]                          apply database migrations and exit
  jinliu ledger verify [--json]                    prove the double-entry ledger; exit 1 on problems
  jinliu help                                      this text

Options:
  --role    all = API, pages and batch jobs in one process; api = HTTP node; worker = batch jobs
  --json    machine-readable output
  -h, --help

Configuration comes from environment variables (and a .env file in the current directory):
${configVariables.map(([name, fallback, meaning]) => `  ${name.padEnd(36)} ${meaning} [${fallback}]`).join('\n')}

Exit codes: 0 ok, 1 verification failed, 2 bad usage or configuration, 3 runtime error.`;

const roles: readonly Role[] = ['all', 'api', 'worker'];

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    warn(`${error instanceof Error ? error.message : String(error)}\nRun "jinliu --help" for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, sub] = positionals;
  if (values.help || command === undefined || command === 'help') {
    say(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    loadDotEnv();
    switch (command) {
      case 'start': {
        const role = (values.role ?? 'all') as Role;
        if (!roles.includes(role)) {
          warn(`--role must be one of ${roles.join(', ')}`);
          return 2;
        }
        return await startCommand(role, values.json === true);
      }
      case 'migrate':
        return await migrateCommand(values.json === true);
      case 'ledger':
        if (sub !== 'verify') {
          warn('Usage: jinliu ledger verify [--json]');
          return 2;
        }
        return await ledgerVerifyCommand(values.json === true);
      default:
        warn(`Unknown command "${command}". Run "jinliu --help" for usage.`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      warn(error.message);
      return 2;
    }
    warn(`jinliu: ${error instanceof Error ? error.message : String(error)}`);
    return 3;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { role: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
}

function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch {
    // No .env file: configuration comes from the environment alone.
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
