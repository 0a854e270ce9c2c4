// `npm run test:e2e`: the browser journeys in the Microsoft 365 Agents Playground. One run
// starts one stack (bot + Playground, test/e2e/support/global-setup.ts) and the journeys share
// its chat in file order, as one person would, so files never run in parallel.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/support/global-setup.ts"],
    fileParallelism: false,
    // Threads, not forks: an interrupted run then takes its browser with it (Chromium exits
    // when the process driving it does) instead of leaving a worker process behind.
    pool: "threads",
    sequence: { shuffle: false },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A journey that fails once fails for a reason worth reading; no retries hide it.
    retry: 0,
  },
});
