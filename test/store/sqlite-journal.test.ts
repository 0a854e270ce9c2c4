// SQLite keeps a write-ahead log and syncs every commit: a commit is as durable as before and
// costs one log append instead of three syncs of a rollback journal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testProvider } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

describe.skipIf(testProvider !== "sqlite")("the SQLite file", () => {
  it("is written through a write-ahead log, each commit synced", async () => {
    await database.db.organisation.create({ data: { tenantId: "tenant-journal", name: "Journal", timeZone: "UTC" } });
    const [mode] = await database.db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [sync] = await database.db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    expect(mode?.journal_mode).toBe("wal");
    expect(Number(sync?.synchronous)).toBe(2);
  });
});
