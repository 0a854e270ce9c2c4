// The migration that added Engagement.completedAt also fills it for engagements completed
// before it existed, from their history's "completed" event: without it, such an engagement
// would lose the last billing window its completion still allows. A database of the release
// before it is filled, then migrated forward to today's schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEngagement } from "../../src/workflows/engagements/store/engagements";
import { type OpenedDatabase, openDatabase } from "../../src/platform/store/db";
import { migrateDatabase } from "../../src/platform/store/migrate";
import { createDatabaseBefore, migrationNamed } from "../support/migrations";
import { insertLegacyEngagement, insertLegacyEvent, insertLegacyOrganisation } from "../workflows/engagements/store/legacy-rows";

let database: { url: string; drop(): Promise<void> };
let opened: OpenedDatabase | undefined;
let organisationId: string;
const at = new Date("2026-11-30T16:45:00Z");

beforeAll(async () => {
  database = await createDatabaseBefore(migrationNamed("_engagement_completed_at"));
  const older = openDatabase(database.url);
  try {
    organisationId = "org-backfill";
    await insertLegacyOrganisation(older.db, { id: organisationId, tenantId: "tenant-backfill", timeZone: "UTC" });
    const requestedAt = new Date("2026-11-20T08:00:00Z");
    await insertLegacyEngagement(older.db, { id: "eng-completed", organisationId, reference: "ENG-8001", state: "completed", version: 5, requestedAt });
    await insertLegacyEngagement(older.db, { id: "eng-approved", organisationId, reference: "ENG-8002", state: "approved", version: 3, requestedAt });
    const event = { organisationId, actorId: "aad-bo", actorName: "Bo", reason: null, details: null, at };
    await insertLegacyEvent(older.db, { ...event, id: "evt-1", engagementId: "eng-completed", sequence: 5, action: "completed" });
    await insertLegacyEvent(older.db, { ...event, id: "evt-2", engagementId: "eng-approved", sequence: 3, action: "approved" });
  } finally {
    await older.close();
  }
  await migrateDatabase(database.url);
  opened = openDatabase(database.url);
});

afterAll(async () => {
  await opened?.close();
  await database?.drop();
});

describe("the completedAt migration", () => {
  it("takes a completed engagement's completion time from its history, and leaves other engagements alone", async () => {
    expect((await findEngagement(opened!.db, organisationId, "eng-completed"))?.completedAt).toEqual(at);
    expect((await findEngagement(opened!.db, organisationId, "eng-approved"))?.completedAt).toBeUndefined();
  });
});
