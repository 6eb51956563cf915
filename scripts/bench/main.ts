// `npm run bench`: load-tests the real platform on embedded PGlite and on PostgreSQL, with
// pgbench as the ceiling. Never part of `npm test`. See docs/performance.md and --help.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { installSignalHandlers, runCleanup } from './cleanup.ts';
import { machineInfo } from './machine-info.ts';
import { helpText, parseBenchArgs } from './options.ts';
import { type PgbenchResult, runPgbench } from './pgbench.ts';
import { foreignBackends } from './postgres-admin.ts';
import { setForeignBackendProbe } from './proc-stats.ts';
import { createProgress } from './progress.ts';
import { type BenchReport, checkTargets, meanTps, renderTable, writeReport } from './report.ts';
import { type ModeResult, runMode } from './run-mode.ts';
import { repoRoot } from './server-process.ts';

/** Runs the benchmark; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${helpText}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\nRun "npm run bench -- --help" for usage.\n`);
    return 2;
  }
  const options = {
    ...parsed.options,
    out: resolve(repoRoot, parsed.options.out),
    cpuProfileDir: parsed.options.cpuProfileDir ? resolve(parsed.options.cpuProfileDir) : undefined,
  };
  if (options.cpuProfileDir) {
    await mkdir(options.cpuProfileDir, { recursive: true });
  }
  installSignalHandlers();
  const progress = createProgress();
  const startedAt = new Date().toISOString();
  const usesPostgres = options.pgbench !== undefined || options.modes.includes('postgres');
  if (usesPostgres) {
    setForeignBackendProbe(() =>
      foreignBackends(options.adminUrl, [options.database, options.pgbenchDatabase]),
    );
  }
  try {
    const machine = await machineInfo(usesPostgres ? options.adminUrl : undefined);
    progress.done(
      `Benchmarking on ${machine.nproc} cores (${machine.cpuModel}), Node ${machine.node}` +
        `${machine.postgres ? `, PostgreSQL ${machine.postgres.version}` : ''}` +
        `${options.quick ? ' — quick smoke run' : ''}`,
    );
    // pgbench runs before and after the platform, so its spread on this machine is visible.
    const pgbench: PgbenchResult[] = [];
    const ceiling = async (when: string) => {
      if (options.pgbench) {
        const r = await runPgbench(
          options.adminUrl,
          options.pgbenchDatabase,
          options.pgbench,
          options.quietWaitSeconds,
          progress,
        );
        pgbench.push(r);
        progress.done(`pgbench ceiling (${when}): ${r.tps.toFixed(1)} tps`);
      }
    };
    await ceiling('before');
    const modes: Partial<Record<ModeResult['mode'], ModeResult>> = {};
    for (const mode of options.modes) {
      modes[mode] = await runMode(mode, options, progress);
    }
    await ceiling('after');
    const report: BenchReport = {
      startedAt,
      finishedAt: new Date().toISOString(),
      options,
      machine,
      pgbench,
      pgbenchTps: meanTps(pgbench),
      modes,
      targets: checkTargets(meanTps(pgbench), modes),
    };
    await writeReport(options.out, report);
    process.stdout.write(`\n${renderTable(report)}\n\nResults written to ${options.out}\n`);
    const errors = Object.values(modes).reduce(
      (sum, m) => sum + m.errors.counts.request + m.errors.counts.approve + m.errors.counts.confirm,
      0,
    );
    if (errors > 0) {
      process.stderr.write(
        `${errors} calls failed; first messages:\n${Object.values(modes)
          .flatMap((m) => m.errors.samples)
          .join('\n')}\n`,
      );
    }
    return errors > 0 ? 1 : 0;
  } catch (error) {
    progress.done(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 3;
  } finally {
    await runCleanup();
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
