import { stringValue } from '../args.ts';
import type { CommandSpec } from '../command.ts';
import { formatDuration, parseDuration } from '../duration.ts';
import { paint, say, sayJson } from '../output.ts';
import { platformTarget, withSandbox } from '../platform-client.ts';

/** `jinliu clock advance <duration>`. */
export const clockAdvanceSpec: CommandSpec = {
  words: ['clock', 'advance'],
  args: ['<duration>'],
  summary: 'move the sandbox clock forward (e.g. 90s, 20m, 1h30m, 31d, 2w)',
  description:
    "Moves the running sandbox's clock forward; request expiry (20 min by default) and authorization\n" +
    'expiry follow at once. Durations are whole numbers with units w, d, h, m, s in that order:\n' +
    '90s, 20m, 1h30m, 31d, 2w. Prints the new platform time and how many payments expired.',
  options: {},
  remote: true,
  async run({ values, args, json }) {
    const target = platformTarget(stringValue(values, 'url'), process.env);
    const seconds = parseDuration(args[0] ?? '');
    const moved = await withSandbox(target, (sandbox) => sandbox.advanceClock(seconds));
    if (json) {
      sayJson({
        advancedSeconds: seconds,
        now: moved.now.toISOString(),
        offsetSeconds: moved.offsetSeconds,
        expired: moved.expired,
      });
      return 0;
    }
    say(
      `${paint('green', '✔ Clock advanced')} ${formatDuration(seconds)}: platform time ${moved.now.toISOString()} ` +
        `(${formatDuration(Math.round(moved.offsetSeconds))} ahead of real time).`,
    );
    say(`  ${moved.expired} payment${moved.expired === 1 ? '' : 's'} expired.`);
    return 0;
  },
};
