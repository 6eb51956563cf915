import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';
import { configVariables } from '../src/config.ts';

it("the README's configuration table lists every variable the platform reads, with its default", async () => {
  const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
  for (const [name, fallback] of configVariables) {
    assert.ok(
      readme.includes(`| \`${name}\` | ${fallback} |`),
      `README table row for ${name} (default ${fallback})`,
    );
  }
});
