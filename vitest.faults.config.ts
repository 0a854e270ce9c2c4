// The fault tests (npm run test:faults): a hung or full database, a slow or failing Bot
// Connector. They stop servers, mount small file systems and wait for deadlines, so they run
// apart from `npm test`, on SQLite; tests that need PostgreSQL start a private server.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    setupFiles: ["test/support/pinned-clock.ts"],
    include: ["test/faults/**/*.test.ts"],
    env: { TEST_DB_PROVIDER: "sqlite" },
    globalSetup: ["test/support/global-setup.ts"],
  },
});
