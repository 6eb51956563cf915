#!/usr/bin/env node
import { closest, looseParse, optionsOf, parseCommand } from './args.ts';
import type { CommandSpec } from './command.ts';
import { channelsCreateSpec } from './commands/channels.ts';
import { clockAdvanceSpec } from './commands/clock.ts';
import { eventsTailSpec } from './commands/events.ts';
import { ledgerVerifySpec } from './commands/ledger.ts';
import { migrateSpec } from './commands/migrate.ts';
import { payApproveSpec, payCancelSpec } from './commands/pay.ts';
import { paymentsShowSpec } from './commands/payments.ts';
import { startSpec } from './commands/start.ts';
import { CliFailure, exitCodes } from './exit-codes.ts';
import { say, warn } from './output.ts';
import { commandUsage, groupUsage, topUsage } from './usage.ts';

/** Every command, in the order the usage lists them. */
export const commands: readonly CommandSpec[] = [
  startSpec,
  migrateSpec,
  ledgerVerifySpec,
  channelsCreateSpec,
  payApproveSpec,
  payCancelSpec,
  clockAdvanceSpec,
  paymentsShowSpec,
  eventsTailSpec,
];

type Resolved =
  | { kind: 'command'; command: CommandSpec }
  | { kind: 'group'; group: string }
  | { kind: 'top' };

/** Finds the command the words name, or throws a usage failure with a hint. */
function resolve(words: readonly string[]): Resolved {
  const [first, second] = words;
  if (first === undefined) {
    return { kind: 'top' };
  }
  const group = commands.filter((c) => c.words[0] === first);
  if (group.length === 0) {
    const near = closest(first, [...new Set(commands.map((c) => c.words[0] ?? ''))]);
    throw new CliFailure(
      `Unknown command "${first}".${near ? ` Did you mean "${near}"?` : ''} Run "jinliu --help" for usage.`,
      exitCodes.usage,
    );
  }
  const single = group.find((c) => c.words.length === 1);
  if (single) {
    return { kind: 'command', command: single };
  }
  const command = group.find((c) => c.words[1] === second);
  if (command) {
    return { kind: 'command', command };
  }
  if (second === undefined) {
    return { kind: 'group', group: first };
  }
  const near = closest(
    second,
    group.map((c) => c.words[1] ?? ''),
  );
  throw new CliFailure(
    `Unknown command "${first} ${second}".${near ? ` Did you mean "${first} ${near}"?` : ''} Run "jinliu ${first} --help" for usage.`,
    exitCodes.usage,
  );
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const known = Object.assign({}, ...commands.map(optionsOf));
    const loose = looseParse(argv, known);
    const helpTopic = loose.words[0] === 'help' ? loose.words.slice(1) : undefined;
    const target = resolve(helpTopic ?? loose.words);
    const wantsHelp = loose.help || helpTopic !== undefined;
    if (target.kind === 'top') {
      // Bare `jinliu` is a usage mistake (exit 2) but still shows the usage.
      say(topUsage(commands, (await import('@jinliu/server')).configVariables));
      return wantsHelp ? exitCodes.ok : exitCodes.usage;
    }
    if (target.kind === 'group') {
      const usage = groupUsage(
        target.group,
        commands.filter((c) => c.words[0] === target.group),
      );
      if (wantsHelp) {
        say(usage);
        return exitCodes.ok;
      }
      warn(usage);
      return exitCodes.usage;
    }
    if (wantsHelp) {
      say(commandUsage(target.command));
      return exitCodes.ok;
    }
    const { values, args } = parseCommand(target.command, argv);
    loadDotEnv();
    return await target.command.run({ values, args, json: values.json === true });
  } catch (error) {
    if (error instanceof CliFailure) {
      warn(error.message);
      return error.exitCode;
    }
    // The server's ConfigError, matched by name: its module loads only with the commands that use it.
    if (error instanceof Error && error.name === 'ConfigError') {
      warn(error.message);
      return exitCodes.usage;
    }
    warn(`jinliu: ${error instanceof Error ? error.message : String(error)}`);
    return exitCodes.runtime;
  }
}

function loadDotEnv(): void {
  try {
    process.loadEnvFile('.env');
  } catch {
    // No .env file: configuration comes from the environment alone.
  }
}

if (import.meta.main) {
  // A closed pipe (`jinliu events tail | head`) ends the output, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(error.code === 'EPIPE' ? exitCodes.ok : exitCodes.runtime);
  });
  process.exitCode = await main(process.argv.slice(2));
}
