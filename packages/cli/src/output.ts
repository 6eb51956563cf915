import { styleText } from 'node:util';
import { stringifyJson } from '@jinliu/core';

type Style = Parameters<typeof styleText>[0];

/** Colours only when writing to a terminal (and NO_COLOR is unset). */
export function paint(style: Style, text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return styleText(style, text, { stream, validateStream: true });
}

/** Writes a line to stdout. */
export function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Writes a value as one line of JSON to stdout (bigints as bare integers). */
export function sayJson(value: unknown): void {
  say(stringifyJson(value));
}

/** Writes a line to stderr. */
export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** `label ████████░░░░ done/total`: the text of a progress bar. */
export function progressLine(label: string, done: number, total: number): string {
  const width = 24;
  const filled = total <= 0 ? width : Math.min(width, Math.max(0, Math.round((done / total) * width)));
  return `${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}`;
}

/** A one-line progress bar for long work, redrawn in place on a terminal. */
export function progress(label: string, done: number, total: number): void {
  const line = progressLine(label, done, total);
  if (process.stderr.isTTY) {
    process.stderr.write(`\r\x1b[K${line}${done === total ? '\n' : ''}`);
  } else if (done === total) {
    process.stderr.write(`${line}\n`);
  }
}
