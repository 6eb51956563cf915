import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { checkoutEventsUrl, getCheckout } from '../../api/endpoints.ts';
import type { Checkout } from '../../api/types.ts';

const notFound = (e: unknown) => e instanceof ApiError && (e.code === '1150' || e.status === 404);

/** How often the page polls when server-sent events are unavailable. */
export const pollIntervalMs = 2000;

/** The live state of one checkout and how it is followed. */
export interface LiveCheckout {
  readonly checkout: Checkout | undefined;
  readonly error: string | undefined;
  readonly transport: 'events' | 'polling';
}

/**
 * Follows a checkout live: first a GET, then server-sent `status` events; if EventSource is
 * missing or the stream fails, GET every 2 s instead. Stops at a final state.
 */
export function useLiveCheckout(reserveId: string): LiveCheckout {
  const [checkout, setCheckout] = useState<Checkout | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [transport, setTransport] = useState<'events' | 'polling'>('events');

  useEffect(() => {
    let stopped = false;
    let source: EventSource | undefined;
    let timer: number | undefined;

    const apply = (c: Checkout): boolean => {
      setCheckout(c);
      return c.status !== 'WAITING';
    };
    const poll = async () => {
      if (stopped) {
        return;
      }
      try {
        if (apply(await getCheckout(reserveId))) {
          return;
        }
      } catch (e) {
        if (notFound(e)) {
          setError('1150');
          return;
        }
      }
      timer = window.setTimeout(poll, pollIntervalMs);
    };
    const startPolling = () => {
      source?.close();
      source = undefined;
      if (!stopped && timer === undefined) {
        setTransport('polling');
        timer = window.setTimeout(poll, pollIntervalMs);
      }
    };
    const start = async () => {
      try {
        if (apply(await getCheckout(reserveId))) {
          return;
        }
      } catch (e) {
        if (notFound(e)) {
          setError('1150');
          return;
        }
      }
      if (stopped) {
        return;
      }
      if (typeof window.EventSource !== 'function') {
        startPolling();
        return;
      }
      source = new EventSource(checkoutEventsUrl(reserveId));
      source.addEventListener('status', (event) => {
        try {
          if (apply(JSON.parse((event as MessageEvent<string>).data) as Checkout)) {
            source?.close();
          }
        } catch {
          startPolling();
        }
      });
      source.onerror = () => startPolling();
    };
    void start();
    return () => {
      stopped = true;
      source?.close();
      window.clearTimeout(timer);
    };
  }, [reserveId]);

  return { checkout, error, transport };
}
