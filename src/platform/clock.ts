// The app's clock: the machine's, or, for tests and demos only (FIXED_CLOCK), one that starts at
// a chosen instant when the process starts and runs on at real speed, so that a whole run sees
// one chosen day while leases, timeouts and retries still pass as they would.
import type { TConfig } from "./config";

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock reading `startAt` now and advancing with the monotonic clock (never jumps with NTP). */
export function clockStartingAt(startAt: Date, elapsedMs: () => number = () => performance.now()): Clock {
  const origin = elapsedMs();
  const start = startAt.getTime();
  return () => new Date(start + (elapsedMs() - origin));
}

/** The clock a process built from `config` runs on (main.ts and the npm scripts). */
export function configuredClock(config: Pick<TConfig, "FIXED_CLOCK">): Clock {
  return config.FIXED_CLOCK ? clockStartingAt(config.FIXED_CLOCK) : systemClock;
}
