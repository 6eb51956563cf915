import type { ParseArgsOptionDescriptor } from 'node:util';

/** Parsed option values of one command. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

/** What a command runs with. */
export interface CommandInput {
  readonly values: OptionValues;
  /** Positional arguments after the command words. */
  readonly args: readonly string[];
  readonly json: boolean;
}

/** One documented option of a command. */
export interface OptionSpec extends ParseArgsOptionDescriptor {
  /** How the option reads in usage, e.g. "--user alice|bob|carol|<userId>". */
  readonly label: string;
  readonly help: string;
}

/** A command: its words (`['pay', 'approve']`), usage, options and what it does. */
export interface CommandSpec {
  readonly words: readonly string[];
  /** Positional arguments, e.g. ['<transactionId>']; all required. */
  readonly args: readonly string[];
  readonly summary: string;
  /** A paragraph shown by `--help` under the usage line. */
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Talks to a running platform over HTTP (takes --url). */
  readonly remote: boolean;
  run(input: CommandInput): Promise<number>;
}
