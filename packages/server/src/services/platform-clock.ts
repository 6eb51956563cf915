import { type Clock, type OffsetClock, offsetClock } from '@jinliu/core';
import { type Database, getSetting, setSetting } from '@jinliu/db';

const key = 'sandbox_clock_offset_ms';

/** The platform clock: the base clock plus the sandbox offset shared through the database. */
export interface PlatformClock extends Clock {
  /** Moves the clock forward and persists the offset so every node and restart follows. */
  advance(ms: number): Promise<Date>;
  /** Re-reads the offset another node may have moved. */
  refresh(): Promise<void>;
  offsetMs(): number;
}

/** Loads the persisted offset and wraps `base`. */
export async function createPlatformClock(db: Database, base: Clock): Promise<PlatformClock> {
  const clock: OffsetClock = offsetClock(base, Number((await getSetting(db, key)) ?? 0));
  return {
    now: () => clock.now(),
    offsetMs: () => clock.offsetMs(),
    async advance(ms) {
      const next = clock.offsetMs() + ms;
      await setSetting(db, key, String(next));
      clock.setOffsetMs(next);
      return clock.now();
    },
    async refresh() {
      clock.setOffsetMs(Number((await getSetting(db, key)) ?? 0));
    },
  };
}
