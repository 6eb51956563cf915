import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup.ts';
import { type Endpoint, endpointRecorders, type LatencySummary, summarise } from './latency.ts';
import { closedLoop, openLoop } from './load.ts';
import type { BenchMode, BenchOptions } from './options.ts';
import { freshDatabase } from './postgres-admin.ts';
import { type CpuShare, cpuBetween, cpuSnapshot, rssMb } from './proc-stats.ts';
import type { Progress } from './progress.ts';
import { type QuietWait, undisturbed, waitForQuiet } from './quiet.ts';
import { freePort, type PlatformEnv, type PlatformProcess, startPlatform } from './server-process.ts';
import { createPlatformClient } from './v3-client.ts';
import {
  confirmStep,
  createWorkload,
  cycleStep,
  type ErrorLog,
  prepareStep,
  type Workload,
} from './workload.ts';

/** Per-endpoint latency summaries of a phase. */
export type PhaseLatency = Partial<Record<Endpoint, LatencySummary>>;

/** A closed-loop full-cycle phase at one client count. */
export interface CyclePhase {
  readonly quiet: QuietWait | undefined;
  readonly clients: number;
  readonly seconds: number;
  readonly cycles: number;
  readonly cyclesPerSec: number;
  readonly errors: number;
  readonly latency: PhaseLatency;
  readonly cpu: CpuShare;
}

/** The open-loop phase at half of the peak cycle rate. */
export interface HalfLoadPhase {
  readonly quiet: QuietWait | undefined;
  readonly targetPerSec: number;
  readonly achievedPerSec: number;
  readonly seconds: number;
  readonly cycles: number;
  readonly errors: number;
  readonly dropped: number;
  readonly latency: PhaseLatency;
  readonly cpu: CpuShare;
}

/** A confirm-only phase over a pool of approved payments. */
export interface ConfirmPhase {
  readonly quiet: QuietWait | undefined;
  readonly clients: number;
  readonly poolSize: number;
  readonly poolBuildSeconds: number;
  readonly seconds: number;
  readonly confirms: number;
  readonly confirmsPerSec: number;
  readonly errors: number;
  readonly poolExhausted: boolean;
  readonly latency: PhaseLatency;
  readonly cpu: CpuShare;
}

/** One start of the platform: spawn → ready line, the platform's own readyMs, idle RSS. */
export interface StartRecord {
  readonly spawnToReadyMs: number;
  readonly readyMs: number;
  readonly idleRssMb: number | undefined;
}

/** Everything measured in one storage mode. */
export interface ModeResult {
  readonly mode: BenchMode;
  readonly freshStart: StartRecord;
  readonly users: number;
  readonly cycles: readonly CyclePhase[];
  readonly peak: { readonly clients: number; readonly cyclesPerSec: number };
  readonly halfLoad: HalfLoadPhase;
  readonly confirms: readonly ConfirmPhase[];
  readonly peakConfirmsPerSec: number;
  readonly rssAfterLoadMb: number | undefined;
  readonly rssAfterLoadIdleMb: number | undefined;
  readonly restarts: readonly StartRecord[];
  readonly errors: ErrorLog;
  readonly serverLogs: {
    readonly warnings: number;
    readonly errors: number;
    readonly last: string | undefined;
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function idleStart(server: PlatformProcess, idleSeconds: number): Promise<StartRecord> {
  await sleep(idleSeconds * 1000);
  return { spawnToReadyMs: server.spawnToReadyMs, readyMs: server.readyMs, idleRssMb: rssMb(server.pid) };
}

/** Waits for a quiet machine before a measured phase (when asked to). */
type Settle = (label: string) => Promise<QuietWait | undefined>;

async function cyclePhase(
  settle: Settle,
  w: Workload,
  server: PlatformProcess,
  clients: number,
  seconds: number,
  label: string,
  progress: Progress,
): Promise<CyclePhase> {
  const quiet = await settle(label);
  const recorders = endpointRecorders();
  const before = await cpuSnapshot(server.pid);
  const r = await closedLoop({ label, clients, seconds, step: cycleStep(w, recorders), progress });
  const cpu = cpuBetween(before, await cpuSnapshot(server.pid));
  return {
    quiet,
    clients,
    seconds: r.elapsedMs / 1000,
    cycles: r.ok,
    cyclesPerSec: (r.ok * 1000) / r.elapsedMs,
    errors: r.errors,
    latency: summarise(recorders),
    cpu,
  };
}

async function halfLoadPhase(
  settle: Settle,
  w: Workload,
  server: PlatformProcess,
  peakPerSec: number,
  seconds: number,
  label: string,
  progress: Progress,
): Promise<HalfLoadPhase> {
  const quiet = await settle(label);
  const recorders = endpointRecorders();
  const targetPerSec = peakPerSec / 2;
  const before = await cpuSnapshot(server.pid);
  const r = await openLoop({
    label,
    ratePerSecond: targetPerSec,
    seconds,
    maxInFlight: 256,
    step: cycleStep(w, recorders),
    progress,
  });
  const cpu = cpuBetween(before, await cpuSnapshot(server.pid));
  return {
    quiet,
    targetPerSec,
    achievedPerSec: (r.ok * 1000) / r.elapsedMs,
    seconds: r.elapsedMs / 1000,
    cycles: r.ok,
    errors: r.errors,
    dropped: r.dropped,
    latency: summarise(recorders),
    cpu,
  };
}

async function confirmPhase(
  settle: Settle,
  w: Workload,
  server: PlatformProcess,
  clients: number,
  poolSize: number,
  seconds: number,
  label: string,
  progress: Progress,
): Promise<ConfirmPhase> {
  const pool: string[] = [];
  const built = await closedLoop({
    label: `${label} building a pool of ${poolSize} approved payments`,
    clients,
    seconds: 3600,
    limit: poolSize,
    step: prepareStep(w, pool),
    progress,
  });
  const quiet = await settle(label);
  const recorders = endpointRecorders();
  const before = await cpuSnapshot(server.pid);
  const r = await closedLoop({ label, clients, seconds, step: confirmStep(w, pool, recorders), progress });
  const cpu = cpuBetween(before, await cpuSnapshot(server.pid));
  return {
    quiet,
    clients,
    poolSize: built.ok,
    poolBuildSeconds: built.elapsedMs / 1000,
    seconds: r.elapsedMs / 1000,
    confirms: r.ok,
    confirmsPerSec: (r.ok * 1000) / r.elapsedMs,
    errors: r.errors,
    poolExhausted: r.exhausted,
    latency: summarise(recorders),
    cpu,
  };
}

/** How many approved payments a confirm phase needs: ~4× the cycle rate for its length, bounded. */
function poolSizeFor(peakCyclesPerSec: number, seconds: number): number {
  return Math.min(200_000, Math.max(500, Math.ceil(peakCyclesPerSec * 4 * seconds)));
}

/**
 * Benchmarks the platform on one storage: fresh start and idle memory, full cycles at each
 * client count, half-peak open loop, confirm-only, memory after load, restarts on the data.
 */
export async function runMode(
  mode: BenchMode,
  options: BenchOptions,
  progress: Progress,
): Promise<ModeResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `jinliu-bench-${mode}-`));
  const forgetDir = onCleanup(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  const db = mode === 'postgres' ? await freshDatabase(options.adminUrl, options.database) : undefined;
  let running: PlatformProcess | undefined;
  try {
    const env: PlatformEnv = {
      port: await freePort(),
      dataDir,
      ...(db ? { databaseUrl: db.url, redisUrl: options.redisUrl } : {}),
      ...(options.cpuProfileDir ? { cpuProfileDir: options.cpuProfileDir } : {}),
    };
    const tag = `[${mode}]`;
    progress.update(`${tag} starting the platform on fresh storage`);
    const server = await startPlatform(env);
    running = server;
    progress.update(`${tag} ready in ${server.readyMs} ms; idling ${options.idleSeconds} s for memory`);
    const freshStart = await idleStart(server, options.idleSeconds);
    progress.done(
      `${tag} fresh start: ready line after ${freshStart.spawnToReadyMs.toFixed(0)} ms ` +
        `(readyMs ${freshStart.readyMs}), idle RSS ${freshStart.idleRssMb?.toFixed(1)} MB`,
    );
    const client = createPlatformClient(server.url, server.channel);
    progress.update(`${tag} creating ${options.users} funded users`);
    const w = await createWorkload(client, options.users);
    const settle: Settle = async (label) =>
      options.quietWaitSeconds > 0
        ? await waitForQuiet(label, server.pid, options.quietWaitSeconds, progress)
        : undefined;
    const noWait: Settle = async () => undefined;
    const attempts = options.quietWaitSeconds > 0 ? 3 : 1;
    const maxClients = Math.max(...options.clients);
    await cyclePhase(noWait, w, server, maxClients, options.warmupSeconds, `${tag} warm-up`, progress);
    const cycles: CyclePhase[] = [];
    for (const clients of options.clients) {
      const label = `${tag} cycles, ${clients} clients`;
      const p = await undisturbed(label, attempts, progress, () =>
        cyclePhase(settle, w, server, clients, options.seconds, label, progress),
      );
      cycles.push(p);
      progress.done(
        `${tag} full cycles, ${clients} clients: ${p.cyclesPerSec.toFixed(1)}/s, ${p.errors} errors, ` +
          `p99 request/approve/confirm ${p.latency.request?.p99.toFixed(1)}/${p.latency.approve?.p99.toFixed(1)}/${p.latency.confirm?.p99.toFixed(1)} ms`,
      );
    }
    const best = cycles.reduce((a, b) => (b.cyclesPerSec > a.cyclesPerSec ? b : a));
    const halfLoad = await undisturbed(`${tag} half load`, attempts, progress, () =>
      halfLoadPhase(settle, w, server, best.cyclesPerSec, options.seconds, `${tag} half load`, progress),
    );
    progress.done(
      `${tag} half load ${halfLoad.targetPerSec.toFixed(1)}/s (achieved ${halfLoad.achievedPerSec.toFixed(1)}): ` +
        `p99 request/approve/confirm ${halfLoad.latency.request?.p99.toFixed(1)}/${halfLoad.latency.approve?.p99.toFixed(1)}/${halfLoad.latency.confirm?.p99.toFixed(1)} ms`,
    );
    const confirms: ConfirmPhase[] = [];
    for (const clients of options.clients) {
      const size = poolSizeFor(best.cyclesPerSec, options.confirmSeconds);
      const label = `${tag} confirms, ${clients} clients`;
      const p = await undisturbed(label, attempts, progress, () =>
        confirmPhase(settle, w, server, clients, size, options.confirmSeconds, label, progress),
      );
      confirms.push(p);
      progress.done(
        `${label}: ${p.confirmsPerSec.toFixed(1)}/s, ${p.errors} errors` +
          `${p.poolExhausted ? ` (pool of ${p.poolSize} used up after ${p.seconds.toFixed(1)} s)` : ''}`,
      );
    }
    client.close();
    const rssAfterLoadMb = rssMb(server.pid);
    progress.update(`${tag} idling ${options.idleSeconds} s after load`);
    await sleep(options.idleSeconds * 1000);
    const rssAfterLoadIdleMb = rssMb(server.pid);
    const serverLogs = server.logSummary();
    await server.stop();
    const restarts: StartRecord[] = [];
    for (let i = 1; i <= options.restarts; i += 1) {
      progress.update(
        `${tag} restart ${i}/${options.restarts} on the existing ${db ? 'database' : 'data directory'}`,
      );
      const again = await startPlatform(env);
      running = again;
      restarts.push(await idleStart(again, Math.min(options.idleSeconds, 2)));
      await again.stop();
    }
    progress.done(
      `${tag} restarts on existing data: ready line after ${restarts.map((r) => r.spawnToReadyMs.toFixed(0)).join(', ')} ms`,
    );
    return {
      mode,
      freshStart,
      users: w.users.length,
      cycles,
      peak: { clients: best.clients, cyclesPerSec: best.cyclesPerSec },
      halfLoad,
      confirms,
      peakConfirmsPerSec: Math.max(...confirms.map((c) => c.confirmsPerSec)),
      rssAfterLoadMb,
      rssAfterLoadIdleMb,
      restarts,
      errors: w.errors,
      serverLogs,
    };
  } finally {
    await running?.stop();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
    forgetDir();
  }
}
