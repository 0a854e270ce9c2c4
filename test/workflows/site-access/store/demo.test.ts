// The demo's site access: site 1234567 with its Primary Contact and an approving Secondary
// Contact, and one pending request; seeding again later changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../../src/platform/import/demo/seed-demo";
import { listPendingRequests } from "../../../../src/workflows/site-access/store/access-requests";
import { findSiteByNumber, listSiteMembers } from "../../../../src/workflows/site-access/store/sites";
import { createTestDatabase, type TestDatabase } from "../../../support/database";
import { TABLES } from "../../../support/tables";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => database?.destroy());

describe("the demo's site access", () => {
  it("has a site with its Primary Contact and a pending request, and a second seeding changes nothing", async () => {
    const first = await seedDemo(database.db, TABLES, new Date("2026-11-25T12:00:00Z"));
    expect(first.steps).toContainEqual({ step: "site access request", applied: 1, unchanged: 0 });
    const organisationId = first.summary.organisation.id;
    const site = await findSiteByNumber(database.db, organisationId, "1234567");
    expect(site?.primaryContact?.name).toBe("Megan Bowen");
    expect((await listSiteMembers(database.db, site!)).map((m) => [m.name, m.mayApprove])).toEqual([["Patti Fernandez", true]]);
    const pending = await listPendingRequests(database.db, organisationId, { limit: 10 });
    expect(pending.items.map((r) => [r.requester.name, r.requestedAt.toISOString()])).toEqual([["Isaiah Langer", "2026-11-24T10:00:00.000Z"]]);

    const again = await seedDemo(database.db, TABLES, new Date("2026-11-28T08:00:00Z"));
    expect(again.steps).toContainEqual({ step: "site access request", applied: 0, unchanged: 1 });
    expect(again.summary.sections.resellerSites).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.summary.sections.siteContacts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await listPendingRequests(database.db, organisationId, { limit: 10 })).items).toHaveLength(1);
  });
});
