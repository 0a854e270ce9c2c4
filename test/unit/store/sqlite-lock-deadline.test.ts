// The one SQLite connection of a process is held by a transaction while it runs: a query that
// waits for it gives up after the lock deadline (DATABASE_LOCK_WAIT_MS) instead of waiting
// forever. The disk-full case, where the lock was never released, is in test/faults.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type OpenedDatabase, openDatabase } from "../../../src/platform/store/db";
import { createTestDatabaseUrl } from "../../support/database";

let database: OpenedDatabase;
let drop: () => Promise<void>;
beforeEach(async () => {
  const created = await createTestDatabaseUrl();
  drop = created.drop;
  database = openDatabase(created.url, { timeouts: { lockWaitMs: 1_000 } });
});
afterEach(async () => {
  await database.close();
  await drop();
});

describe("the SQLite connection lock", () => {
  it("gives up waiting for the connection after the lock deadline instead of waiting forever", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const isHolding = new Promise<void>((resolve) => (holding = resolve));
    const holder = database.db.$transaction(
      async (tx) => {
        await tx.organisation.count();
        holding();
        await held;
      },
      { timeout: 10_000 },
    );
    await isHolding;
    const started = performance.now();
    const waited = await database.db.organisation.count().then(
      () => "answered",
      (error: Error) => error.message,
    );
    const elapsed = performance.now() - started;
    release();
    await holder;
    expect(waited).toMatch(/busy/i);
    expect(elapsed).toBeGreaterThan(900);
    expect(elapsed).toBeLessThan(3_000);
  });
});
