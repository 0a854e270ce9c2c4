// Vitest setup file: with TEST_CLOCK=<ISO instant> (set by `npm run test:calendar`), every test
// file starts with the wall clock at that instant, running on at real speed. Without it the
// clock is the machine's. Tests that pin their own `now` are unaffected either way.
import { shiftWallClock } from "./shifted-wall-clock";

const pinned = process.env.TEST_CLOCK;
if (pinned) {
  const startAt = new Date(pinned);
  if (Number.isNaN(startAt.getTime())) throw new Error(`TEST_CLOCK "${pinned}" is not an ISO 8601 instant`);
  shiftWallClock(startAt);
}
