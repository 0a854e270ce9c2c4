// `npm run seed:demo` loads the demo organisation through the import, the domain's decisions
// and the once-only billing submission; running it again changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATION, seedDemo } from "../../src/platform/import/demo/seed-demo";
import { PLAYGROUND_CURRENT_USER, PLAYGROUND_TENANT_ID } from "../../src/platform/import/demo/playground-identities";
import { findEngagementByReference, listEngagementEvents } from "../../src/workflows/engagements/store/engagements";
import { findUser } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { TABLES } from "../support/tables";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

async function counts(organisationId: string) {
  const where = { organisationId };
  const byState = await database.db.engagement.groupBy({ by: ["state"], where, _count: { _all: true }, orderBy: { state: "asc" } });
  return {
    users: await database.db.partnerUser.count({ where }),
    states: Object.fromEntries(byState.map((row) => [row.state, row._count._all])),
    events: await database.db.auditEntry.count({ where: { ...where, recordKind: "engagement" } }),
    billingEntries: await database.db.billingEntry.count({ where }),
    lastChange: (await database.db.engagement.aggregate({ where, _max: { updatedAt: true } }))._max.updatedAt,
  };
}

describe("seeding the demo", () => {
  it("creates Contoso Partners on the Playground's tenant, with the Playground user as admin and engagements in every state", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const { summary, steps } = await seedDemo(database.db, TABLES, now);
    expect(summary.organisation).toMatchObject({ tenantId: PLAYGROUND_TENANT_ID, name: "Contoso Partners", timeZone: "Europe/Paris" });
    expect((await findUser(database.db, summary.organisation.id, PLAYGROUND_CURRENT_USER.aadObjectId))?.role).toBe("admin");
    expect(await counts(summary.organisation.id)).toMatchObject({ users: 5, states: { approved: 4, pending: 6, rejected: 2 } });
    // The engagement workflow's steps, among every shipped workflow's (each tested in its folder).
    expect(steps).toEqual(
      expect.arrayContaining([
        { step: "engagement decisions", applied: 6, unchanged: 0 },
        { step: "billing submissions", applied: 2, unchanged: 0 },
      ]),
    );
    expect(steps.every((step) => step.applied > 0)).toBe(true);

    const old = await database.db.engagement.count({
      where: { organisationId: summary.organisation.id, state: "pending", requestedAt: { lt: new Date(now.getTime() - 7 * 86_400_000) } },
    });
    expect(old).toBeGreaterThanOrEqual(2);
    const rejected = await findEngagementByReference(database.db, summary.organisation.id, "ENG-1035");
    expect(rejected?.decision?.reason).toMatch(/500 TB/);
    const history = await listEngagementEvents(database.db, summary.organisation.id, rejected?.id ?? "");
    expect(history.map((e) => [e.action, e.actorName])).toEqual([
      ["created", "Vendor portal import"],
      ["rejected", "Patti Fernandez"],
    ]);
  });

  it("leaves two billing submissions by the Playground user waiting for the vendor, overdue by now", async () => {
    const organisation = await database.db.organisation.findUniqueOrThrow({ where: { tenantId: DEMO_ORGANISATION.tenantId } });
    const entries = await database.db.billingEntry.findMany({ where: { organisationId: organisation.id }, orderBy: { reference: "asc" } });
    expect(
      entries.map(({ reference, usageMonth, amount, currency, state, submittedById }) => ({ reference, usageMonth, amount, currency, state, submittedById })),
    ).toEqual([
      {
        reference: "ENG-1003-B1",
        usageMonth: "2026-11",
        amount: "1140.00",
        currency: "EUR",
        state: "submitted",
        submittedById: PLAYGROUND_CURRENT_USER.aadObjectId,
      },
      {
        reference: "ENG-991-B1",
        usageMonth: "2026-11",
        amount: "1250.00",
        currency: "EUR",
        state: "submitted",
        submittedById: PLAYGROUND_CURRENT_USER.aadObjectId,
      },
    ]);
    // Seeded at 2026-11-25T12:00Z: submitted two and three days before, each after its approval.
    expect(entries.map((entry) => entry.submittedAt.toISOString())).toEqual(["2026-11-23T07:00:00.000Z", "2026-11-22T10:00:00.000Z"]);
  });

  it("changes nothing when run again later: same counts, same dates, no new history", async () => {
    const organisation = await database.db.organisation.findUniqueOrThrow({ where: { tenantId: DEMO_ORGANISATION.tenantId } });
    const before = await counts(organisation.id);
    const { summary, steps } = await seedDemo(database.db, TABLES, new Date("2026-11-28T08:00:00Z"));
    expect(summary.organisationOutcome).toBe("unchanged");
    expect(summary.sections.users).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(summary.sections.engagements).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
    expect(steps).toEqual(
      expect.arrayContaining([
        { step: "engagement decisions", applied: 0, unchanged: 6 },
        { step: "billing submissions", applied: 0, unchanged: 2 },
      ]),
    );
    expect(steps.filter((step) => step.applied > 0)).toEqual([]);
    expect(await counts(organisation.id)).toEqual(before);
  });
});
