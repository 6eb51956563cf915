// "Now" for the shop. Against a Jinliu sandbox it is the payment platform's clock, so moving
// that clock (`jinliu clock advance 31d`) makes subscriptions due and requests expire for the
// shop exactly as for the platform; against real LINE Pay it is this machine's clock.
import type { Sandbox } from '@jinliu/sdk';

/** Where the shop reads the time. */
export interface ShopClock {
  readonly source: 'platform' | 'system';
  now(): Promise<Date>;
}

/** This machine's clock. */
export function systemClock(): ShopClock {
  return { source: 'system', now: async () => new Date() };
}

/** The Jinliu sandbox clock (one local GET per reading: it can move at any time). */
export function platformClock(sandbox: Pick<Sandbox, 'clock'>): ShopClock {
  return { source: 'platform', now: async () => (await sandbox.clock()).now };
}

/** A clock tests set by hand. */
export function fixedClock(start: Date): ShopClock & { set(at: Date): void; advance(ms: number): void } {
  let at = start;
  return {
    source: 'system',
    now: async () => at,
    set(next: Date) {
      at = next;
    },
    advance(ms: number) {
      at = new Date(at.getTime() + ms);
    },
  };
}
