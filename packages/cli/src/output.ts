import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Colours only when writing to a terminal (and NO_COLOR is unset). */
export function paint(style: Style, text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return styleText(style, text, { stream, validateStream: true });
}

/** Writes a line to stdout. */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Writes a line to stderr. */
export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A one-line progress bar for long work, redrawn in place on a terminal. */
export function progress(label: string, done: number, total: number): void {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const line = `${label} ${bar} ${done}/${total}`;
  if (process.stderr.isTTY) {
    process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  } else if (done === total) {
    process.stderr.write(`${line}\n`);
  }
}
