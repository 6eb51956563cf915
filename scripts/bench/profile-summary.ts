// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof DIR`): self time by function
// and by package, so a benchmark's CPU can be attributed without a browser.
//   node scripts/bench/profile-summary.ts FILE.cpuprofile [--top 30]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a script URL belongs: a package under node_modules, a workspace package, Node itself, or V8. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') {
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  const nodeModule = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nodeModule?.[1]) {
    return nodeModule[1];
  }
  const workspace = /\/packages\/([^/]+)\/src\/(?:([^/]+)\/)?/.exec(url);
  if (workspace?.[1]) {
    return `@jinliu/${workspace[1]}${workspace[2] && !workspace[2].endsWith('.ts') ? `/${workspace[2]}` : ''}`;
  }
  return url.startsWith('node:') ? `node:${url.slice(5).split('/')[0]}` : url;
}

/** Self time (ms) per function and per area of a profile, largest first. */
export function summariseProfile(profile: CpuProfile): {
  totalMs: number;
  functions: Array<[string, number]>;
  areas: Array<[string, number]>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) {
      continue;
    }
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|packages)\//, '$1/')}:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    total += us;
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].map(([k, v]): [string, number] => [k, v / 1000]).sort((a, b) => b[1] - a[1]);
  return { totalMs: total / 1000, functions: sorted(functions), areas: sorted(areas) };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('Usage: node scripts/bench/profile-summary.ts FILE.cpuprofile [--top 30]\n');
    process.exit(2);
  }
  const top = Number(values.top ?? 30);
  const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const busy = summary.areas.filter(([a]) => a !== '(idle)').reduce((s, [, ms]) => s + ms, 0);
  const pct = (ms: number) => `${((ms / summary.totalMs) * 100).toFixed(1).padStart(5)}%`;
  process.stdout.write(
    `Profile: ${summary.totalMs.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms not idle\n\n`,
  );
  process.stdout.write('Self time by area:\n');
  for (const [area, ms] of summary.areas.slice(0, top)) {
    process.stdout.write(`  ${pct(ms)} ${ms.toFixed(0).padStart(8)} ms  ${area}\n`);
  }
  process.stdout.write('\nSelf time by function:\n');
  for (const [name, ms] of summary.functions.slice(0, top)) {
    process.stdout.write(`  ${pct(ms)} ${ms.toFixed(0).padStart(8)} ms  ${name}\n`);
  }
}
