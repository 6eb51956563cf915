import { setTimeout as sleep } from 'node:timers/promises';
import { stringValue } from '../args.ts';
import type { CommandSpec } from '../command.ts';
import { usageFailure } from '../exit-codes.ts';
import { paint, say, sayJson } from '../output.ts';
import { opsGet, type PlatformTarget, platformTarget } from '../platform-client.ts';

/** An outbox event as the operator API answers it. */
interface OpsEvent {
  readonly id: bigint | number;
  readonly type: string;
  readonly merchantId: string | null;
  readonly createdAt: string;
  readonly payload: unknown;
}

interface EventPage {
  readonly events: readonly OpsEvent[];
  readonly nextAfter: bigint | number;
}

const pollMs = 1000;
const pageSize = 500;

function typeColour(type: string): 'green' | 'yellow' | 'red' | 'cyan' {
  if (/captured|authorized|approved/.test(type)) {
    return 'green';
  }
  if (/failed|locked/.test(type)) {
    return 'red';
  }
  return /refund|void|cancel|expired/.test(type) ? 'yellow' : 'cyan';
}

/** One human line: `#12  2026-11-23 01:00:03Z  payment.captured  MA…  transactionId=… status=…`. */
function eventLine(e: OpsEvent): string {
  const payload =
    e.payload !== null && typeof e.payload === 'object'
      ? Object.entries(e.payload as Record<string, unknown>)
          .map(([k, v]) => `${k}=${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
          .join(' ')
      : JSON.stringify(e.payload);
  const at = e.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return [
    paint('dim', `#${e.id}`.padEnd(7)),
    paint('dim', at),
    paint(typeColour(e.type), e.type.padEnd(30)),
    (e.merchantId ?? '-').padEnd(13),
    payload,
  ].join('  ');
}

async function page(
  target: PlatformTarget,
  query: URLSearchParams,
  signal?: AbortSignal,
): Promise<EventPage> {
  return (await opsGet(target, `/ops/v1/events?${query}`, signal)).body as EventPage;
}

/** `jinliu events tail`. */
export const eventsTailSpec: CommandSpec = {
  words: ['events', 'tail'],
  args: [],
  summary: 'print the latest outbox events, then follow new ones (like tail -f)',
  description:
    'Prints the newest outbox events of every merchant (payment.approved, payment.captured, …) in order,\n' +
    'then by default keeps polling every second for new ones until Ctrl+C / SIGTERM (exit 0).\n' +
    '--no-follow prints and exits. --json prints one JSON object per line (NDJSON).\n' +
    'Sends JINLIU_OPS_TOKEN as a bearer token when it is set.',
  options: {
    type: {
      type: 'string',
      label: '--type <prefix>',
      help: 'only events whose type starts with this, e.g. payment.captured',
    },
    limit: {
      type: 'string',
      label: '--limit <n>',
      help: 'how many recent events to print first, 1 to 500 (default 20)',
    },
    follow: {
      type: 'boolean',
      label: '--follow|--no-follow',
      help: 'keep printing new events (default) or exit',
    },
  },
  remote: true,
  async run({ values, json }) {
    const target = platformTarget(stringValue(values, 'url'), process.env);
    const limitText = stringValue(values, 'limit') ?? '20';
    const limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
    if (limit < 1 || limit > 500) {
      throw usageFailure('--limit must be a whole number from 1 to 500');
    }
    const type = stringValue(values, 'type');
    if (type !== undefined && !/^[A-Za-z0-9._:-]{1,100}$/.test(type)) {
      throw usageFailure('--type must be an event type prefix such as "payment." or "payment.captured"');
    }
    const typed = (q: Record<string, string>) => new URLSearchParams({ ...q, ...(type ? { type } : {}) });
    const print = (events: readonly OpsEvent[]) => {
      for (const e of events) {
        if (json) {
          sayJson(e);
        } else {
          say(eventLine(e));
        }
      }
    };
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const first = await page(target, typed({ last: String(limit) }), stop.signal);
      print(first.events);
      if (values.follow === false) {
        return 0;
      }
      if (!json && process.stdout.isTTY) {
        process.stderr.write(
          paint('dim', `Following new events at ${target.url} — Ctrl+C to stop.\n`, process.stderr),
        );
      }
      let after = BigInt(first.nextAfter);
      while (!stop.signal.aborted) {
        const next = await page(
          target,
          typed({ after: after.toString(), limit: String(pageSize) }),
          stop.signal,
        );
        print(next.events);
        after = BigInt(next.nextAfter);
        if (next.events.length < pageSize) {
          await sleep(pollMs, undefined, { signal: stop.signal });
        }
      }
      return 0;
    } catch (error) {
      if (stop.signal.aborted) {
        return 0;
      }
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
