// Times that other systems report to us: when the vendor decided, when a client asked for
// something. History is ordered by them, so one later than our own clock
// would show an event that has not happened yet; one a little later is only the two clocks
// disagreeing, which servers synchronised by NTP do by seconds, not minutes.
import { type Result, accept, refuse } from "./result";

/** How far ahead of our clock a reported time may be before it is refused. */
export const CLOCK_SKEW_ALLOWANCE_MS = 5 * 60_000;

/**
 * Refuses `at` when it lies before the event it answers (a decision before the submission it
 * answers, a request before the approval it needs): such an order would read backwards in the history.
 */
export function checkNotBefore(field: string, at: Date, earliest: Date, event: string): Result<Date> {
  if (at.getTime() >= earliest.getTime()) return accept(at);
  return refuse("timestamp_before_event", { field, at: at.toISOString(), earliest: earliest.toISOString(), event });
}

/** Refuses `at` when it is more than the clock-skew allowance after `now`, naming the field. */
export function checkNotInFuture(field: string, at: Date, now: Date): Result<Date> {
  if (at.getTime() - now.getTime() <= CLOCK_SKEW_ALLOWANCE_MS) return accept(at);
  return refuse("timestamp_in_future", {
    field,
    at: at.toISOString(),
    now: now.toISOString(),
    minutes: CLOCK_SKEW_ALLOWANCE_MS / 60_000,
  });
}
