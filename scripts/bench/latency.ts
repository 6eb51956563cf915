/** The endpoints of one payment cycle. */
export type Endpoint = 'request' | 'approve' | 'confirm';

/** The endpoints in cycle order. */
export const endpoints: readonly Endpoint[] = ['request', 'approve', 'confirm'];

/** Percentiles of a set of latencies, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** Collects latencies of one endpoint. */
export interface LatencyRecorder {
  add(ms: number): void;
  summary(): LatencySummary;
}

function rank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

/** A recorder keeping every sample (a 30 s phase is tens of thousands of numbers). */
export function latencyRecorder(): LatencyRecorder {
  const samples: number[] = [];
  return {
    add(ms) {
      samples.push(ms);
    },
    summary() {
      const sorted = [...samples].sort((a, b) => a - b);
      const sum = sorted.reduce((a, b) => a + b, 0);
      return {
        count: sorted.length,
        mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
        p50: rank(sorted, 0.5),
        p90: rank(sorted, 0.9),
        p99: rank(sorted, 0.99),
        max: sorted.at(-1) ?? Number.NaN,
      };
    },
  };
}

/** One recorder per endpoint. */
export type EndpointRecorders = Record<Endpoint, LatencyRecorder>;

/** Fresh recorders for the three endpoints. */
export function endpointRecorders(): EndpointRecorders {
  return { request: latencyRecorder(), approve: latencyRecorder(), confirm: latencyRecorder() };
}

/** Summaries of the endpoints that saw traffic. */
export function summarise(recorders: EndpointRecorders): Partial<Record<Endpoint, LatencySummary>> {
  const out: Partial<Record<Endpoint, LatencySummary>> = {};
  for (const endpoint of endpoints) {
    const s = recorders[endpoint].summary();
    if (s.count > 0) {
      out[endpoint] = s;
    }
  }
  return out;
}
