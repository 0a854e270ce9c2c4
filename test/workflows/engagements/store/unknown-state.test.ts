// A state no release wrote is never read as a known one (it used to read as "pending", which an
// approver could then approve): PostgreSQL's enum type refuses to store it, and on SQLite, where
// an enum is plain TEXT, the client refuses to read it with an error that names value and enum.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureOrganisation } from "../../../../src/platform/store/organisations";
import { findEngagement } from "../../../../src/workflows/engagements/store/engagements";
import { createTestDatabase, type TestDatabase, testProvider } from "../../../support/database";
import { engagementRequest, insertImported } from "../../../support/fixtures";

let database: TestDatabase;
let organisationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  organisationId = (await ensureOrganisation(database.db, "tenant-unknown-state", { timeZone: "UTC" })).id;
});

afterAll(async () => database?.destroy());

describe("an engagement in a state no release knows", () => {
  it("is refused by the database or by the store, never read as pending", async () => {
    const engagement = await insertImported(database.db, engagementRequest(organisationId, "ENG-9001"));
    const write = database.db.$executeRaw`UPDATE "Engagement" SET "state" = ${"on_hold"} WHERE "id" = ${engagement.id}`;
    if (testProvider === "postgres") {
      await expect(write).rejects.toThrow();
      return;
    }
    await write;
    await expect(findEngagement(database.db, organisationId, engagement.id)).rejects.toThrow(/'on_hold' not found in enum 'EngagementState'/);
  });
});
