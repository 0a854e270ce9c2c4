// The migration that added Engagement.completedAt also fills it for engagements completed
// before it existed, from their history's "completed" event: without it, such an engagement
// would lose the last billing window its completion still allows.
import { readFileSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventFor } from "../../src/workflows/engagements/domain/engagements";
import { findEngagement } from "../../src/workflows/engagements/store/engagements";
import { ensureOrganisation } from "../../src/platform/store/organisations";
import { engagementRequest, insertImported } from "../support/fixtures";
import { createTestDatabase, type TestDatabase, testProvider } from "../support/database";

let database: TestDatabase;
let organisationId: string;

/** The UPDATE that backfills completedAt, as committed for this provider. */
function backfillStatement(): string {
  const folder = new URL(`../../prisma/${testProvider}/migrations/`, import.meta.url);
  const name = readdirSync(folder).find((entry) => entry.endsWith("_engagement_completed_at"));
  const sql = readFileSync(new URL(`${name}/migration.sql`, folder), "utf8");
  const update = sql.slice(sql.indexOf("UPDATE"));
  return update.slice(0, update.indexOf(";") + 1);
}

beforeAll(async () => {
  database = await createTestDatabase();
  organisationId = (await ensureOrganisation(database.db, "tenant-backfill", { timeZone: "UTC" })).id;
});

afterAll(async () => database?.destroy());

describe("the completedAt migration", () => {
  it("takes a completed engagement's completion time from its history, and leaves other engagements alone", async () => {
    const completed = await insertImported(database.db, engagementRequest(organisationId, "ENG-8001", { state: "completed", version: 4 }));
    const approved = await insertImported(database.db, engagementRequest(organisationId, "ENG-8002", { state: "approved", version: 2 }));
    const at = new Date("2026-11-30T16:45:00Z");
    const actor = { aadObjectId: "aad-bo", name: "Bo" };
    await database.db.engagementEvent.createMany({
      data: [
        { ...eventFor({ ...completed, version: 5 }, "completed", actor, at), actorId: actor.aadObjectId, details: null, reason: null },
        { ...eventFor({ ...approved, version: 3 }, "approved", actor, at), actorId: actor.aadObjectId, details: null, reason: null },
      ],
    });
    await database.db.engagement.updateMany({ where: { organisationId }, data: { completedAt: null } });

    await database.db.$executeRawUnsafe(backfillStatement());

    expect((await findEngagement(database.db, organisationId, completed.id))?.completedAt).toEqual(at);
    expect((await findEngagement(database.db, organisationId, approved.id))?.completedAt).toBeUndefined();
  });
});
