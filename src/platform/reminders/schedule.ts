// When the planner runs for an organisation: the cron pattern from the settings, read in the
// organisation's own zone ("0 8 * * *" is 08:00 in Paris for a Paris organisation and 08:00
// in Jakarta for a Jakarta one). Missed ticks (a restart, a long pause) run once, not once
// per tick missed: planning is idempotent and always looks at the current state.
import { Cron } from "croner";

/** The first scheduled instant in (since, now], or undefined if none fell in that span. */
export function scheduledTickBetween(pattern: string, timeZone: string, since: Date, now: Date): Date | undefined {
  const cron = new Cron(pattern, { timezone: timeZone, paused: true });
  try {
    const next = cron.nextRun(since);
    return next && next.getTime() <= now.getTime() ? next : undefined;
  } finally {
    cron.stop();
  }
}
