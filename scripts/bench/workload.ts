import { randomBytes } from 'node:crypto';
import { type Endpoint, type EndpointRecorders, endpointRecorders } from './latency.ts';
import type { StepOutcome } from './load.ts';
import { CallError, type PlatformClient } from './v3-client.ts';

/** Amount of every benchmark payment (TWD). */
export const paymentAmount = 100;

/** Balance each benchmark user is created with (TWD): enough for a million payments. */
export const userBalance = 100_000_000;

/** Failed calls per endpoint, with the first few distinct messages. */
export interface ErrorLog {
  readonly counts: Record<Endpoint | 'users', number>;
  readonly samples: string[];
}

/** Shared state of a mode's phases: the client, the funded users, ids and error counts. */
export interface Workload {
  readonly client: PlatformClient;
  readonly users: readonly string[];
  readonly errors: ErrorLog;
  nextOrderId(): string;
  nextUser(): string;
}

/** A fresh error log. */
export function errorLog(): ErrorLog {
  return { counts: { request: 0, approve: 0, confirm: 0, users: 0 }, samples: [] };
}

function record(errors: ErrorLog, error: unknown): void {
  const endpoint = error instanceof CallError ? error.endpoint : 'request';
  errors.counts[endpoint] += 1;
  const message = error instanceof Error ? error.message : String(error);
  if (errors.samples.length < 5 && !errors.samples.includes(message)) {
    errors.samples.push(message);
  }
}

/** Creates `count` funded users (8 at a time) and the workload that spreads payments over them. */
export async function createWorkload(client: PlatformClient, count: number): Promise<Workload> {
  const users: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      users.push(await client.createUser(userBalance));
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, count) }, worker));
  const run = randomBytes(4).toString('hex');
  let order = 0;
  let user = 0;
  return {
    client,
    users,
    errors: errorLog(),
    nextOrderId: () => {
      order += 1;
      return `bench-${run}-${order}`;
    },
    nextUser: () => {
      user = (user + 1) % users.length;
      return users[user] ?? '';
    },
  };
}

async function timed<T>(
  recorders: EndpointRecorders,
  endpoint: Endpoint,
  call: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const value = await call();
  recorders[endpoint].add(performance.now() - started);
  return value;
}

/** One full cycle: signed request → sandbox approve → signed confirm, each timed. */
export function cycleStep(w: Workload, recorders: EndpointRecorders): () => Promise<StepOutcome> {
  return async () => {
    try {
      const id = await timed(recorders, 'request', () =>
        w.client.requestPayment(w.nextOrderId(), paymentAmount),
      );
      await timed(recorders, 'approve', () => w.client.approve(id, w.nextUser()));
      await timed(recorders, 'confirm', () => w.client.confirm(id, paymentAmount));
      return 'ok';
    } catch (error) {
      record(w.errors, error);
      return 'error';
    }
  };
}

/** Request and approve a payment, adding it to `pool` for a later confirm-only phase. */
export function prepareStep(w: Workload, pool: string[]): () => Promise<StepOutcome> {
  const untimed = endpointRecorders();
  return async () => {
    try {
      const id = await timed(untimed, 'request', () =>
        w.client.requestPayment(w.nextOrderId(), paymentAmount),
      );
      await timed(untimed, 'approve', () => w.client.approve(id, w.nextUser()));
      pool.push(id);
      return 'ok';
    } catch (error) {
      record(w.errors, error);
      return 'error';
    }
  };
}

/** Confirms the next approved payment of `pool`; `exhausted` when none is left. */
export function confirmStep(
  w: Workload,
  pool: string[],
  recorders: EndpointRecorders,
): () => Promise<StepOutcome> {
  return async () => {
    const id = pool.pop();
    if (id === undefined) {
      return 'exhausted';
    }
    try {
      await timed(recorders, 'confirm', () => w.client.confirm(id, paymentAmount));
      return 'ok';
    } catch (error) {
      record(w.errors, error);
      return 'error';
    }
  };
}
