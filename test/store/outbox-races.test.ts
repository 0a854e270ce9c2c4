// The outbox under writers that meet: a notification enqueued in a transaction that meets
// another transaction's row with the same dedupe key, and claims made by two bot instances
// (two pools), each racing for the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryLostRaces } from "../../src/store/billing-retry";
import { type Db, type OpenedDatabase, openDatabase } from "../../src/store/db";
import { ensureOrganisation, findOrganisationByTenant } from "../../src/store/organisations";
import { enqueueNotification } from "../../src/store/outbox";
import { createTestDatabase, type TestDatabase, testProvider } from "../support/database";

let database: TestDatabase;
let second: OpenedDatabase | undefined;
/** Two pools on PostgreSQL; on SQLite one client, since one process holds one connection. */
let clients: [Db, Db];
let organisationId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  second = testProvider === "postgres" ? openDatabase(database.url, { poolSize: 5 }) : undefined;
  clients = [database.db, second?.db ?? database.db];
  organisationId = (await ensureOrganisation(database.db, "tenant-outbox-races", { timeZone: "UTC" })).id;
});
afterAll(async () => {
  await second?.close();
  await database?.destroy();
});

const notice = (dedupeKey: string) => ({ organisationId, recipientAadObjectId: "aad-n", kind: "billing.decision", dedupeKey, payload: {} });

describe("a notification enqueued by two transactions at once", () => {
  it("keeps the later transaction's own writes when its notification turns out to be a duplicate", async () => {
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    const first = clients[0].$transaction(async (tx) => {
      await enqueueNotification(tx, notice("shared-key"));
      inserted();
      // Hold the row uncommitted while the second transaction reaches the same key.
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await firstInserted;
    const later = retryLostRaces(() =>
      clients[1].$transaction(async (tx) => {
        await tx.organisation.upsert({ where: { tenantId: "tenant-later" }, create: { tenantId: "tenant-later", name: "Later", timeZone: "UTC" }, update: {} });
        return enqueueNotification(tx, notice("shared-key"));
      }),
    );
    await first;
    expect(await later).toBe("duplicate");
    expect(await findOrganisationByTenant(database.db, "tenant-later")).toBeDefined();
    expect(await database.db.outboxMessage.count({ where: { dedupeKey: "shared-key" } })).toBe(1);
  });
});
