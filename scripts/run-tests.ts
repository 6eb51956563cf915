// Runs every unit and integration test with Node's test runner, in parallel files.
// The storage mode follows the environment: DATABASE_URL/REDIS_URL set = PostgreSQL + Redis,
// unset = the embedded database and the in-process nonce store.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
const nonces = process.env.REDIS_URL ? 'Redis' : 'in-process';
process.stderr.write(`Running tests on ${mode} with the ${nonces} nonce store\n`);

const concurrency = Math.max(2, availableParallelism());
const patterns = ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', ...process.argv.slice(2)];
const result = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...patterns], {
  stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
