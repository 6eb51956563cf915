// Makes sure packages/sdk/dist is built from the current sources before a test runs it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs `node scripts/build.ts sdk` (a no-op when dist is fresh); throws when the build fails. */
export function ensureSdkBuilt(): void {
  const r = spawnSync(process.execPath, ['scripts/build.ts', 'sdk'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`building the SDK failed: ${r.stdout}${r.stderr}`);
  }
}

export { repoRoot };
