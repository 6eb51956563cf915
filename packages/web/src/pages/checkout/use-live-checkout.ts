import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { checkoutEventsUrl, getCheckout } from '../../api/endpoints.ts';
import type { Checkout, OpenedCheckout } from '../../api/types.ts';
import { clockOffset } from '../../lib/server-clock.ts';

const notFound = (e: unknown) => e instanceof ApiError && (e.code === '1150' || e.status === 404);

/** How often the page polls when server-sent events are unavailable. */
export const pollIntervalMs = 2000;

/** The live state of one checkout and how it is followed. */
export interface LiveCheckout {
  readonly checkout: Checkout | undefined;
  readonly error: string | undefined;
  readonly transport: 'events' | 'polling';
  /** Milliseconds the platform clock is ahead of this device's (from the latest `serverTime`). */
  readonly offsetMs: number;
  /** True when this browser opened the payment link first (checkConfirmUrlBrowser); true until known. */
  readonly startedHere: boolean;
}

/**
 * Follows a checkout live: first a GET, then server-sent `status` events; if EventSource is
 * missing or the stream fails, GET every 2 s instead. Stops at a final state. Every view
 * carries the server's time, which sets the clock offset for the expiry countdown.
 */
export function useLiveCheckout(reserveId: string): LiveCheckout {
  const [checkout, setCheckout] = useState<Checkout | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [transport, setTransport] = useState<'events' | 'polling'>('events');
  const [offsetMs, setOffsetMs] = useState(0);
  const [startedHere, setStartedHere] = useState(true);

  useEffect(() => {
    let stopped = false;
    let source: EventSource | undefined;
    let timer: number | undefined;

    const apply = (c: Checkout): boolean => {
      setOffsetMs(clockOffset(c.serverTime));
      setCheckout(c);
      return c.status !== 'WAITING';
    };
    const applyOpened = (c: OpenedCheckout): boolean => {
      setStartedHere(c.startedHere);
      return apply(c);
    };
    const poll = async () => {
      if (stopped) {
        return;
      }
      try {
        if (applyOpened(await getCheckout(reserveId))) {
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
        if (applyOpened(await getCheckout(reserveId))) {
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

  return { checkout, error, transport, offsetMs, startedHere };
}
