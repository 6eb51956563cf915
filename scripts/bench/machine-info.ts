import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { postgresFacts } from './postgres-admin.ts';

/** The machine a benchmark ran on. */
export interface MachineInfo {
  readonly nproc: number;
  readonly cpuModel: string;
  readonly memTotalGb: number;
  readonly freeH: string;
  readonly node: string;
  readonly postgres: Record<string, string> | undefined;
  readonly kernel: string;
}

function command(file: string, args: readonly string[]): string {
  try {
    return execFileSync(file, [...args], { encoding: 'utf8' }).trim();
  } catch {
    return 'unavailable';
  }
}

/** Collects nproc, the CPU model, memory, and the Node and PostgreSQL versions. */
export async function machineInfo(adminUrl: string | undefined): Promise<MachineInfo> {
  let cpuModel = 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    // Not Linux: leave it unknown.
  }
  let postgres: Record<string, string> | undefined;
  if (adminUrl) {
    try {
      postgres = await postgresFacts(adminUrl);
    } catch {
      postgres = undefined;
    }
  }
  return {
    nproc: availableParallelism(),
    cpuModel,
    memTotalGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeH: command('free', ['-h']),
    node: process.version,
    postgres,
    kernel: command('uname', ['-sr']),
  };
}
