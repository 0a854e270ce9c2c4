// SQLite on a real full disk (a small tmpfs): the write that meets it fails with an error, and
// the store keeps answering afterwards, reads at once and writes again once space is freed,
// instead of every later query (readiness included) hanging until a restart.
import { copyFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenedDatabase, openDatabase } from "../../src/platform/store/db";
import { createTestDatabaseUrl } from "../support/database";
import { mountSmallDisk, type SmallDisk, smallDiskUnavailable } from "../support/small-disk";

const unavailable = smallDiskUnavailable();
if (unavailable) console.warn(`skipping the SQLite disk-full tests: ${unavailable}`);

function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);
}

describe.skipIf(unavailable !== undefined)("SQLite when the disk is full", () => {
  let disk: SmallDisk;
  let database: OpenedDatabase;
  let template: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    template = await createTestDatabaseUrl();
    const source = template.url.slice("file:".length);
    const size = statSync(source).size;
    // Room for some writes first: the write-ahead log and its 32 KB index share the disk.
    disk = mountSmallDisk(size + 256 * 1024);
    const file = join(disk.folder, "bot.db");
    copyFileSync(source, file);
    database = openDatabase(`file:${file}`, { timeouts: { lockWaitMs: 1_000 } });
  });
  afterAll(async () => {
    await database?.close();
    disk?.destroy();
    await template?.drop();
  });

  it("fails the write, answers the next query at once, and writes again once space is freed", async () => {
    const failures: string[] = [];
    for (let round = 0; round < 50 && failures.length === 0; round += 1) {
      await database.db
        .$transaction(async (tx) => tx.organisation.create({ data: { tenantId: `tenant-${round}`, name: "x".repeat(32_000), timeZone: "UTC" } }))
        .catch((error: Error) => failures.push(error.message));
    }
    expect(failures[0]).toMatch(/full|disk|I\/O/i);
    expect(await withinMs(3_000, database.db.organisation.count())).toBeGreaterThan(0);
    expect(await withinMs(3_000, database.db.organisation.count())).toBeGreaterThan(0);
    disk.resize(64 * 1024 * 1024);
    const written = await withinMs(3_000, database.db.organisation.create({ data: { tenantId: "tenant-after", name: "After", timeZone: "UTC" } }));
    expect(written.tenantId).toBe("tenant-after");
  });
});
