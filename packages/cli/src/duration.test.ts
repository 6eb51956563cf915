import assert from 'node:assert/strict';
import { it } from 'node:test';
import { formatDuration, parseDuration } from './duration.ts';
import { CliFailure } from './exit-codes.ts';

it('parses durations with units in order', () => {
  assert.equal(parseDuration('90s'), 90);
  assert.equal(parseDuration('20m'), 1200);
  assert.equal(parseDuration('1h30m'), 5400);
  assert.equal(parseDuration('31d'), 31 * 86_400);
  assert.equal(parseDuration('2w'), 14 * 86_400);
  assert.equal(parseDuration('1w2d3h4m5s'), 604_800 + 2 * 86_400 + 3 * 3600 + 4 * 60 + 5);
});

it('refuses anything else with exit code 2 and an example', () => {
  for (const bad of [
    '',
    '90',
    '1.5h',
    '-5m',
    '1h1h',
    '30m1h',
    '1y',
    '0s',
    'h',
    ' 5m',
    '5 m',
    '600w',
    '1e3s',
  ]) {
    assert.throws(
      () => parseDuration(bad),
      (e: unknown) => e instanceof CliFailure && e.exitCode === 2 && /e\.g\. 90s, 20m, 1h30m/.test(e.message),
      bad,
    );
  }
});

it('formats seconds back', () => {
  assert.equal(formatDuration(5400), '1h30m');
  assert.equal(formatDuration(21 * 60), '21m');
  assert.equal(formatDuration(14 * 86_400 + 1), '2w1s');
});
