import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function clockTicksPerSecond(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
}

const ticksPerSecond = clockTicksPerSecond();

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Resident memory of a process in MB (VmRSS of /proc/<pid>/status), undefined once it is gone. */
export function rssMb(pid: number): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readText(`/proc/${pid}/status`) ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]) / 1024;
}

/** The command name and user+system CPU seconds of a process from /proc/<pid>/stat. */
function statOf(pid: string | number): { comm: string; cpuSeconds: number } | undefined {
  const text = readText(`/proc/${pid}/stat`);
  if (!text) {
    return undefined;
  }
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  // Fields after "pid (comm) ": state is field 3, utime field 14, stime field 15.
  const rest = text.slice(close + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return { comm: text.slice(open + 1, close), cpuSeconds: (utime + stime) / ticksPerSecond };
}

/** CPU seconds a process has used so far (0 once it is gone). */
export function processCpuSeconds(pid: number): number {
  return statOf(pid)?.cpuSeconds ?? 0;
}

/** CPU seconds used so far by every live process, by pid, with its command name. */
function processTable(): Map<number, { comm: string; cpuSeconds: number }> {
  const table = new Map<number, { comm: string; cpuSeconds: number }>();
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry)) {
      const stat = statOf(entry);
      if (stat) {
        table.set(Number(entry), stat);
      }
    }
  }
  return table;
}

/** Busy and total CPU seconds of the whole machine (all cores) from /proc/stat. */
function machineCpuSeconds(): { busy: number; total: number } {
  const line = (readText('/proc/stat') ?? '').split('\n')[0] ?? '';
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const values = [user, nice, system, idle, iowait, irq, softirq, steal].map((v) => v ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const busy = total - (idle ?? 0) - (iowait ?? 0);
  return { busy: busy / ticksPerSecond, total: total / ticksPerSecond };
}

let foreignBackends: () => Promise<ReadonlySet<number>> = async () => new Set();

/**
 * Sets how to find PostgreSQL backends serving other databases: their CPU is another
 * workload's ("other"), not the benchmark's database.
 */
export function setForeignBackendProbe(probe: () => Promise<ReadonlySet<number>>): void {
  foreignBackends = probe;
}

/** A point-in-time reading of who used how much CPU. */
export interface CpuSnapshot {
  readonly at: number;
  readonly serverPid: number | undefined;
  readonly foreign: ReadonlySet<number>;
  readonly loadGenerator: number;
  readonly machineBusy: number;
  readonly processes: Map<number, { comm: string; cpuSeconds: number }>;
}

/** CPU used during an interval, in cores (1.0 = one core busy the whole time). */
export interface CpuShare {
  readonly loadGenerator: number;
  readonly server: number;
  readonly database: number;
  /** Every other process (another workload on the machine would show here). */
  readonly other: number;
  readonly machineBusy: number;
  /** The busiest other processes, to name any interference. */
  readonly topOthers: readonly { readonly pid: number; readonly comm: string; readonly cores: number }[];
}

const databaseProcesses = ['postgres', 'redis-server'];

/** Reads the CPU used so far by this process (the load generator), every other process and the machine. */
export async function cpuSnapshot(serverPid: number | undefined): Promise<CpuSnapshot> {
  const foreign = await foreignBackends().catch(() => new Set<number>());
  const self = process.cpuUsage();
  return {
    at: performance.now(),
    serverPid,
    foreign,
    loadGenerator: (self.user + self.system) / 1e6,
    machineBusy: machineCpuSeconds().busy,
    processes: processTable(),
  };
}

/** The CPU used between two snapshots, in cores. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuShare {
  const seconds = Math.max((after.at - before.at) / 1000, 1e-3);
  const rate = (a: number, b: number) => Math.max(0, b - a) / seconds;
  let server = 0;
  let database = 0;
  let other = 0;
  const others: { pid: number; comm: string; cores: number }[] = [];
  for (const [pid, now] of after.processes) {
    const used = rate(before.processes.get(pid)?.cpuSeconds ?? 0, now.cpuSeconds);
    if (pid === after.serverPid) {
      server += used;
    } else if (databaseProcesses.includes(now.comm) && !before.foreign.has(pid) && !after.foreign.has(pid)) {
      database += used;
    } else if (pid !== process.pid && used > 0) {
      other += used;
      others.push({ pid, comm: now.comm, cores: used });
    }
  }
  return {
    loadGenerator: rate(before.loadGenerator, after.loadGenerator),
    server,
    database,
    other,
    machineBusy: rate(before.machineBusy, after.machineBusy),
    topOthers: others.sort((a, b) => b.cores - a.cores).slice(0, 3),
  };
}
