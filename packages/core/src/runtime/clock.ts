/** The platform's notion of "now"; injected everywhere so tests and the sandbox can move time. */
export interface Clock {
  now(): Date;
}

/** The machine's wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is told, for tests. */
export interface ManualClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
}

/** Creates a manual clock starting at `start`. */
export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** A clock that runs with a base clock but is shifted by an adjustable offset (the sandbox test clock). */
export interface OffsetClock extends Clock {
  offsetMs(): number;
  setOffsetMs(ms: number): void;
}

/** Wraps `base` with an offset that the sandbox clock endpoint moves forward. */
export function offsetClock(base: Clock, initialOffsetMs = 0): OffsetClock {
  let offset = initialOffsetMs;
  return {
    now: () => new Date(base.now().getTime() + offset),
    offsetMs: () => offset,
    setOffsetMs: (ms) => {
      offset = ms;
    },
  };
}
