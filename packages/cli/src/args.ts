import { type ParseArgsOptionDescriptor, parseArgs } from 'node:util';
import type { CommandSpec, OptionSpec, OptionValues } from './command.ts';
import { usageFailure } from './exit-codes.ts';

/** Options every command takes. */
export const commonOptions: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', label: '--json', help: 'machine-readable output' },
  help: { type: 'boolean', short: 'h', label: '-h, --help', help: "this command's usage" },
};

/** The option of commands that talk to a running platform. */
export const urlOption = {
  type: 'string',
  label: '--url <base>',
  help: 'the running platform (default: $JINLIU_URL, else $JINLIU_PUBLIC_URL, else http://127.0.0.1:$PORT, port 8080)',
} as const satisfies OptionSpec;

/** Every option a command accepts. */
export function optionsOf(command: CommandSpec): Record<string, OptionSpec> {
  return { ...command.options, ...(command.remote ? { url: urlOption } : {}), ...commonOptions };
}

function descriptors(options: Record<string, OptionSpec>): Record<string, ParseArgsOptionDescriptor> {
  return Object.fromEntries(
    Object.entries(options).map(([name, o]) => [
      name,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
}

/** The words and the help flag of an argv, read with every known option so values are not taken for words. */
export function looseParse(
  argv: readonly string[],
  known: Record<string, OptionSpec>,
): { words: string[]; help: boolean } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: descriptors(known),
    allowPositionals: true,
    allowNegative: true,
    strict: false,
  });
  return { words: positionals, help: values.help === true };
}

/** The option names a command accepts as typed (booleans also as --no-name). */
function typedNames(options: Record<string, OptionSpec>): string[] {
  return Object.entries(options).flatMap(([name, o]) =>
    o.type === 'boolean' && name !== 'help' ? [name, `no-${name}`] : [name],
  );
}

/**
 * Parses argv for one command: its options only (unknown ones fail with a suggestion), then
 * exactly its positional arguments after the command words.
 */
export function parseCommand(
  command: CommandSpec,
  argv: readonly string[],
): { values: OptionValues; args: string[] } {
  const options = optionsOf(command);
  const name = `jinliu ${command.words.join(' ')}`;
  const hint = `Run "${name} --help" for usage.`;
  const { tokens } = parseArgs({
    args: [...argv],
    options: descriptors(options),
    allowPositionals: true,
    allowNegative: true,
    strict: false,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind === 'option' && !(t.name in options) && !typedNames(options).includes(t.name)) {
      const near = closest(t.name, typedNames(options));
      throw usageFailure(
        `${name}: unknown option ${t.rawName}.${near ? ` Did you mean --${near}?` : ''}\n${hint}`,
      );
    }
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: descriptors(options),
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
  } catch (error) {
    throw usageFailure(`${name}: ${error instanceof Error ? error.message : String(error)}\n${hint}`);
  }
  const args = parsed.positionals.slice(command.words.length);
  if (args.length < command.args.length) {
    throw usageFailure(`${name} needs ${command.args.slice(args.length).join(' ')}.\n${hint}`);
  }
  if (args.length > command.args.length) {
    throw usageFailure(`${name}: unexpected argument "${args[command.args.length]}".\n${hint}`);
  }
  return { values: parsed.values as OptionValues, args };
}

/** A string option's value, or undefined. */
export function stringValue(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** The candidate nearest to `word` (edit distance ≤ 2, or a prefix), for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(word) && word.length >= 2 ? 1 : editDistance(word, candidate);
    if (distance <= 2 && (best === undefined || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
