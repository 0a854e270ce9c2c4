// Two projects share one suite: unit tests run once (on the sqlite project), every test that
// touches storage runs on both SQLite and PostgreSQL (test/integration, test/store,
// test/platform/store, and test/workflows/<name>/{unit,store,integration} for each workflow).
import { defineConfig } from "vitest/config";

const storageTests = [
  "test/integration/**/*.test.ts",
  "test/store/**/*.test.ts",
  "test/platform/store/**/*.test.ts",
  "test/workflows/*/integration/**/*.test.ts",
  "test/workflows/*/store/**/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // TEST_CLOCK moves the workers' wall clock (npm run test:calendar).
    // The shipped workflows' tables, with their cards and catalogs handed to the renderer and translator.
    setupFiles: ["test/support/pinned-clock.ts", "test/support/tables.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["test/unit/**/*.test.ts", "test/workflows/*/unit/**/*.test.ts", ...storageTests],
          env: { TEST_DB_PROVIDER: "sqlite" },
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: storageTests,
          env: { TEST_DB_PROVIDER: "postgres" },
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
    ],
  },
});
