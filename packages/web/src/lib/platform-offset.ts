import { useEffect, useState } from 'react';
import { getSandboxClock } from '../api/endpoints.ts';

/**
 * Milliseconds the platform clock is ahead of this device's: the sandbox test clock can be
 * moved forward, and expiry countdowns must follow it. Zero outside sandbox mode.
 */
export function usePlatformOffset(sandbox: boolean): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (!sandbox) {
      return;
    }
    let live = true;
    const sentAt = Date.now();
    void getSandboxClock().then((clock) => {
      if (live && clock) {
        const midpoint = (sentAt + Date.now()) / 2;
        setOffset(Date.parse(clock.now) - midpoint);
      }
    });
    return () => {
      live = false;
    };
  }, [sandbox]);
  return offset;
}
