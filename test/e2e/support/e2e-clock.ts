// The one clock of an end-to-end run, so that its journeys pass on any day: it reads a chosen
// instant when the stack starts (TEST_CLOCK, as `npm run test:calendar` sets it, or a fixed
// day) and runs on with real time. Every process of the run (the demo seed, the bot,
// `npm run remind:now`) is started with FIXED_CLOCK at this clock's reading at that moment, so
// they all agree on what time it is.

/** The 1st of a month, when the digest holds two sections (requests waiting, windows closing). */
export const DEFAULT_E2E_CLOCK = "2026-12-01T09:30:00+01:00";

export interface E2eClock {
  /** The instant the run's clock read when the stack started. */
  startAt: string;
  /** The machine's Date.now() at that moment. */
  startedAtMs: number;
}

export function startE2eClock(env: NodeJS.ProcessEnv = process.env): E2eClock {
  const startAt = new Date(env.TEST_CLOCK || DEFAULT_E2E_CLOCK);
  if (Number.isNaN(startAt.getTime())) throw new Error(`TEST_CLOCK "${env.TEST_CLOCK}" is not an ISO 8601 instant`);
  return { startAt: startAt.toISOString(), startedAtMs: Date.now() };
}

/** What the run's clock reads now, as FIXED_CLOCK for a process started now. */
export function fixedClockNow(clock: E2eClock): string {
  return new Date(Date.parse(clock.startAt) + (Date.now() - clock.startedAtMs)).toISOString();
}
