import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { endpoints } from './latency.ts';
import type { MachineInfo } from './machine-info.ts';
import type { BenchMode, BenchOptions } from './options.ts';
import type { PgbenchResult } from './pgbench.ts';
import type { CpuShare } from './proc-stats.ts';
import type { ModeResult, PhaseLatency } from './run-mode.ts';

/** One of the targets, checked against what was measured. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | undefined;
}

/** Everything a run produced; written as bench-results/latest.json. */
export interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly options: BenchOptions;
  readonly machine: MachineInfo;
  /** pgbench before and after the platform runs. */
  readonly pgbench: readonly PgbenchResult[];
  /** The mean of their tps: the ceiling the ratio targets use. */
  readonly pgbenchTps: number | undefined;
  readonly modes: Partial<Record<BenchMode, ModeResult>>;
  readonly targets: readonly TargetCheck[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

/** The mean tps of the pgbench runs, if any. */
export function meanTps(runs: readonly PgbenchResult[]): number | undefined {
  return runs.length === 0 ? undefined : runs.reduce((sum, r) => sum + r.tps, 0) / runs.length;
}

/** The median spawn → ready time of the restarts on existing data. */
export function restartMs(m: ModeResult): number {
  return median(m.restarts.map((r) => r.spawnToReadyMs));
}

function ratioCheck(target: string, value: number | undefined, base: number | undefined, min: number) {
  if (value === undefined || base === undefined || base <= 0) {
    return { target, measured: 'not measured', met: undefined };
  }
  const ratio = value / base;
  return {
    target,
    measured: `${value.toFixed(1)} / ${base.toFixed(1)} = ${ratio.toFixed(2)}×`,
    met: ratio >= min,
  };
}

/** Checks the targets: ratios to pgbench tps, p99 at half peak, idle memory, restart time. */
export function checkTargets(
  pgbenchTps: number | undefined,
  modes: Partial<Record<BenchMode, ModeResult>>,
): TargetCheck[] {
  const pg = modes.postgres;
  const em = modes.embedded;
  const checks: TargetCheck[] = [
    ratioCheck('PostgreSQL confirms/s ≥ 0.7 × pgbench tps', pg?.peakConfirmsPerSec, pgbenchTps, 0.7),
    ratioCheck('PostgreSQL full cycles/s ≥ 0.3 × pgbench tps', pg?.peak.cyclesPerSec, pgbenchTps, 0.3),
    ratioCheck(
      'embedded full cycles/s ≥ 0.3 × PostgreSQL',
      em?.peak.cyclesPerSec,
      pg?.peak.cyclesPerSec,
      0.3,
    ),
    ratioCheck('embedded confirms/s ≥ 0.3 × PostgreSQL', em?.peakConfirmsPerSec, pg?.peakConfirmsPerSec, 0.3),
  ];
  for (const m of [em, pg]) {
    if (!m) {
      continue;
    }
    const p99s = endpoints.map((e) => m.halfLoad.latency[e]?.p99 ?? Number.NaN);
    checks.push({
      target: `${m.mode}: p99 ≤ 15 ms per endpoint at half of peak`,
      measured: endpoints.map((e, i) => `${e} ${(p99s[i] ?? Number.NaN).toFixed(1)}`).join(', '),
      met: p99s.every((p) => p <= 15),
    });
    const idle = m.freshStart.idleRssMb;
    checks.push({
      target: `${m.mode}: idle server memory ≤ 150 MB`,
      measured: `${idle?.toFixed(1) ?? '?'} MB after start (${m.rssAfterLoadIdleMb?.toFixed(1) ?? '?'} MB idle after load)`,
      met: idle === undefined ? undefined : idle <= 150,
    });
    const restart = restartMs(m);
    checks.push({
      target: `${m.mode}: start-up to ready ≤ 2 s on existing data`,
      measured: `${restart.toFixed(0)} ms spawn → ready (platform readyMs ${median(m.restarts.map((r) => r.readyMs)).toFixed(0)})`,
      met: Number.isFinite(restart) ? restart <= 2000 : undefined,
    });
  }
  return checks;
}

const n1 = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(1));
const n0 = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(0));

function latencyCell(latency: PhaseLatency, endpoint: 'request' | 'approve' | 'confirm'): string {
  const s = latency[endpoint];
  return s ? `${n1(s.p50)} / ${n1(s.p99)}` : '—';
}

function cpuCell(cpu: CpuShare): string {
  const kernel = Math.max(0, cpu.machineBusy - cpu.loadGenerator - cpu.server - cpu.database - cpu.other);
  return [cpu.loadGenerator, cpu.server, cpu.database, cpu.other, kernel, cpu.machineBusy]
    .map((c) => n0(c * 100))
    .join('/');
}

/** The human table of a report. */
export function renderTable(report: BenchReport): string {
  const modes = Object.values(report.modes);
  const rows: Array<[string, ...string[]]> = [['', ...modes.map((m) => m.mode)]];
  const row = (label: string, cell: (m: ModeResult) => string) => rows.push([label, ...modes.map(cell)]);
  row(
    'fresh start: spawn → ready (readyMs)',
    (m) => `${n0(m.freshStart.spawnToReadyMs)} ms (${m.freshStart.readyMs})`,
  );
  row('restart on existing data: spawn → ready', (m) => `${n0(restartMs(m))} ms`);
  row('idle RSS after start', (m) => `${n1(m.freshStart.idleRssMb)} MB`);
  row(
    'idle RSS after a restart on existing data',
    (m) => `${n1(median(m.restarts.map((r) => r.idleRssMb ?? Number.NaN)))} MB`,
  );
  row('RSS after load / after idling', (m) => `${n1(m.rssAfterLoadMb)} / ${n1(m.rssAfterLoadIdleMb)} MB`);
  const clientCounts = [...new Set(modes.flatMap((m) => m.cycles.map((c) => c.clients)))];
  for (const c of clientCounts) {
    row(`full cycles/s, ${c} clients`, (m) => n1(m.cycles.find((p) => p.clients === c)?.cyclesPerSec));
  }
  for (const c of clientCounts) {
    row(`confirms/s, ${c} clients`, (m) => n1(m.confirms.find((p) => p.clients === c)?.confirmsPerSec));
  }
  for (const e of endpoints) {
    row(`${e} p50 / p99 ms at peak`, (m) =>
      latencyCell(m.cycles.find((c) => c.clients === m.peak.clients)?.latency ?? {}, e),
    );
  }
  row(
    'half load: target / achieved cycles/s',
    (m) => `${n1(m.halfLoad.targetPerSec)} / ${n1(m.halfLoad.achievedPerSec)}`,
  );
  for (const e of endpoints) {
    row(`${e} p50 / p99 ms at half load`, (m) => latencyCell(m.halfLoad.latency, e));
  }
  row('CPU % at peak cycles: loadgen/server/db/other/kernel/all', (m) =>
    cpuCell(m.cycles.find((c) => c.clients === m.peak.clients)?.cpu ?? m.halfLoad.cpu),
  );
  row('CPU % at peak confirms: loadgen/server/db/other/kernel/all', (m) => {
    const best = m.confirms.reduce((a, b) => (b.confirmsPerSec > a.confirmsPerSec ? b : a));
    return cpuCell(best.cpu);
  });
  row('CPU % at half load: loadgen/server/db/other/kernel/all', (m) => cpuCell(m.halfLoad.cpu));
  row(
    'errors (request/approve/confirm)',
    (m) => `${m.errors.counts.request}/${m.errors.counts.approve}/${m.errors.counts.confirm}`,
  );
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const lines = rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  if (report.pgbench.length > 0) {
    lines.push('');
  }
  for (const pg of report.pgbench) {
    lines.push(
      `pgbench -s ${pg.scale} -c ${pg.clients} -j ${pg.threads} -T ${pg.seconds}: ${pg.tps.toFixed(1)} tps, ` +
        `latency ${n1(pg.latencyAvgMs)} ms; CPU % postgres/pgbench/all ` +
        `${n0(pg.cpu.database * 100)}/${n0(pg.cpu.pgbench * 100)}/${n0(pg.cpu.machineBusy * 100)}`,
    );
  }
  if (report.pgbenchTps !== undefined) {
    lines.push(`pgbench ceiling used for the ratios (mean): ${report.pgbenchTps.toFixed(1)} tps`);
  }
  lines.push('', `Targets (${report.machine.nproc} cores shared by load generator, server and database):`);
  for (const t of report.targets) {
    const mark = t.met === undefined ? 'n/a   ' : t.met ? 'met   ' : 'MISSED';
    lines.push(`  ${mark} ${t.target}: ${t.measured}`);
  }
  lines.push(
    '',
    'CPU % is of one core (200 = both cores busy); "db" is every postgres and redis-server process, ' +
      '"other" every other process and PostgreSQL backends of other databases (anything but 0 means another ' +
      'workload competed for the cores), "kernel" CPU no process was charged for (interrupts, loopback networking).',
  );
  return lines.join('\n');
}

/** Writes the report as JSON (bigints are not used; NaN becomes null). */
export async function writeReport(path: string, report: BenchReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}
