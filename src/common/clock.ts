/**
 * Where the service gets the current time from.
 *
 * Pure decision code never reads the wall clock; services ask a `Clock`. Tests inject a
 * {@link ManualClock} and move it, so deadline and escalation tests never sleep.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** Nest injection token for the {@link Clock}. */
export const CLOCK = Symbol('Clock');

/** The real clock: the operating system's time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to. For tests and simulations. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Jumps to an absolute instant. */
  set(to: Date | string): void {
    this.current = new Date(to);
  }

  /** Moves forward by the given amount. */
  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number; ms?: number }): void {
    const ms = (by.days ?? 0) * 86_400_000 + (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000 + (by.seconds ?? 0) * 1000 + (by.ms ?? 0);
    this.current = new Date(this.current.getTime() + ms);
  }
}
