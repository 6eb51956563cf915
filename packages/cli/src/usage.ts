import type { configVariables } from '@jinliu/server';
import { commonOptions, optionsOf, urlOption } from './args.ts';
import type { CommandSpec } from './command.ts';

/** `jinliu pay approve <transactionId> [--user …] …`: the one-line synopsis of a command. */
export function synopsis(command: CommandSpec): string {
  const options = Object.values(command.options).map((o) => `[${o.label}]`);
  return ['jinliu', ...command.words, ...command.args, ...options].join(' ');
}

function optionLines(options: Record<string, { label: string; help: string }>): string[] {
  const width = Math.max(...Object.values(options).map((o) => o.label.length)) + 3;
  return Object.values(options).map((o) => `  ${o.label.padEnd(width)}${o.help}`);
}

/** The `--help` text of one command. */
export function commandUsage(command: CommandSpec): string {
  return [
    `Usage: ${synopsis(command)}`,
    '',
    command.description,
    '',
    'Options:',
    ...optionLines(optionsOf(command)),
  ].join('\n');
}

/** The `--help` text of a command group (`jinliu pay --help`). */
export function groupUsage(group: string, commands: readonly CommandSpec[]): string {
  return [
    `Usage: jinliu ${group} <${commands.map((c) => c.words[1]).join('|')}> …`,
    '',
    ...commands.flatMap((c) => [`  ${synopsis(c)}`, `      ${c.summary}`]),
    '',
    `Run "jinliu ${group} <command> --help" for a command's options.`,
  ].join('\n');
}

/** The top-level usage: every command, the shared options, configuration and exit codes. */
export function topUsage(commands: readonly CommandSpec[], variables: typeof configVariables): string {
  const local = commands.filter((c) => !c.remote);
  const remote = commands.filter((c) => c.remote);
  const list = (cs: readonly CommandSpec[]) => cs.flatMap((c) => [`  ${synopsis(c)}`, `      ${c.summary}`]);
  return [
    'jinliu — a LINE Pay-compatible payment platform',
    '',
    'Usage: jinliu <command> [options]      (jinliu <command> --help for its options)',
    '',
    'Run the platform (these open the database themselves):',
    ...list(local),
    '',
    'Work with a running platform over HTTP (--url; sandbox helpers and the operator API):',
    ...list(remote),
    '',
    '  jinliu help [command]',
    '      this text, or a command’s usage',
    '',
    'Options:',
    ...optionLines({
      ...commonOptions,
      url: { ...urlOption, help: `(commands over HTTP) ${urlOption.help}` },
    }),
    '',
    'Configuration comes from environment variables (and a .env file in the current directory):',
    ...variables.map(([name, fallback, meaning]) => `  ${name.padEnd(36)} ${meaning} [${fallback}]`),
    '',
    'Exit codes: 0 ok, 1 verification failed / not found / refused by the platform,',
    '            2 bad usage or configuration, 3 platform unreachable or runtime error.',
  ].join('\n');
}
