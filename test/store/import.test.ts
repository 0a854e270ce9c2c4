// Applying an import file: one transaction for everything, upserts by external id, history
// only for real changes. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideEngagement } from "../../src/workflows/engagements/domain/engagements";
import { describeProblem } from "../../src/platform/import/problems";
import { runImport } from "../../src/platform/import/run-import";
import { findEngagementByExternalId, listEngagementEvents, saveTransition } from "../../src/workflows/engagements/store/engagements";
import { findOrganisationByTenant, findUser } from "../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { IMPORT_FORMAT } from "../support/tables";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

const NOW = new Date("2026-11-25T10:00:00Z");
const LATER = new Date("2026-11-26T10:00:00Z");

const engagement = (n: number, overrides: Record<string, unknown> = {}) => ({
  externalId: `PI-${n}`,
  reference: `ENG-${n}`,
  title: `Managed service ${n}`,
  clientName: "Fabrikam",
  productName: "Backup as a service",
  requestedAt: "2026-11-03T09:30:00+01:00",
  ...overrides,
});

const file = (tenantId: string, overrides: Record<string, unknown> = {}) => ({
  version: 1,
  organisation: { tenantId, name: "Northwind", timeZone: "Europe/Berlin" },
  users: [
    { aadObjectId: "aad-admin", name: "Jana Krüger", role: "admin" },
    { aadObjectId: "aad-approver", name: "Tobias Weber", role: "approver" },
  ],
  engagements: [engagement(1), engagement(2), engagement(3)],
  ...overrides,
});

async function importOk(input: unknown, now = NOW) {
  const report = await runImport(IMPORT_FORMAT, database.db, input, now);
  if (!report.ok) throw new Error(report.problems.map(describeProblem).join("\n"));
  return report.summary;
}

async function snapshot(tenantId: string) {
  const organisation = await findOrganisationByTenant(database.db, tenantId);
  if (!organisation) return { organisation: undefined, users: 0, engagements: [], events: 0 };
  const where = { organisationId: organisation.id };
  return {
    organisation,
    users: await database.db.partnerUser.count({ where }),
    engagements: await database.db.engagement.findMany({ where, orderBy: { externalId: "asc" } }),
    events: await database.db.auditEntry.count({ where: { ...where, recordKind: "engagement" } }),
  };
}

describe("importing vendor portal records", () => {
  it("creates the organisation, the users with their roles and pending engagements, each with a created event by the import", async () => {
    const summary = await importOk(file("tenant-create"));
    expect(summary.organisationOutcome).toBe("created");
    expect(summary.sections.users).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(summary.sections.engagements).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const organisationId = summary.organisation.id;
    expect((await findUser(database.db, organisationId, "aad-approver"))?.role).toBe("approver");
    const stored = await findEngagementByExternalId(database.db, organisationId, "PI-2");
    expect(stored).toMatchObject({ reference: "ENG-2", state: "pending", version: 1 });
    const events = await listEngagementEvents(database.db, organisationId, stored?.id ?? "");
    expect(events).toMatchObject([{ action: "created", sequence: 1, actorName: "Vendor portal import", at: new Date("2026-11-03T08:30:00Z") }]);
  });

  it("changes nothing the second time the same file is imported: all unchanged, no new history", async () => {
    await importOk(file("tenant-again"));
    const before = await snapshot("tenant-again");
    const summary = await importOk(file("tenant-again"), LATER);
    expect(summary.organisationOutcome).toBe("unchanged");
    expect(summary.sections.users).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(summary.sections.engagements).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await snapshot("tenant-again")).toEqual(before);
  });

  it("updates a changed pending engagement, bumping its version and appending an updated event with what changed", async () => {
    const { organisation } = await importOk(file("tenant-update"));
    const changed = file("tenant-update", { engagements: [engagement(1), engagement(2, { title: "Managed backup, 42 servers" }), engagement(3)] });
    const summary = await importOk(changed, LATER);
    expect(summary.sections.engagements).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const stored = await findEngagementByExternalId(database.db, organisation.id, "PI-2");
    expect(stored).toMatchObject({ title: "Managed backup, 42 servers", version: 2, state: "pending" });
    const events = await listEngagementEvents(database.db, organisation.id, stored?.id ?? "");
    expect(events.map((e) => [e.sequence, e.action])).toEqual([
      [1, "created"],
      [2, "updated"],
    ]);
    expect(events[1]).toMatchObject({
      at: LATER,
      actorName: "Vendor portal import",
      details: { changed: { title: { from: "Managed service 2", to: "Managed backup, 42 servers" } } },
    });
  });

  it("keeps the details a decided engagement was decided on, and says the vendor's change was not applied", async () => {
    const { organisation } = await importOk(file("tenant-decided"));
    const current = await findEngagementByExternalId(database.db, organisation.id, "PI-1");
    if (!current) throw new Error("not imported");
    const approver = { organisationId: organisation.id, aadObjectId: "aad-approver", name: "Tobias Weber", role: "approver" as const };
    const decision = decideEngagement(current, { kind: "approve" }, approver, NOW);
    if (!decision.ok) throw new Error("refused");
    await saveTransition(database.db, current, decision.value);
    const summary = await importOk(file("tenant-decided", { engagements: [engagement(1, { title: "Changed after approval" })] }), LATER);
    expect(summary.sections.engagements).toMatchObject({ updated: 0, skipped: 1 });
    expect(summary.sections.engagements?.notes).toEqual(['engagements[0] (externalId "PI-1"): approved, so the changes to title were not applied']);
    expect(await findEngagementByExternalId(database.db, organisation.id, "PI-1")).toMatchObject({ title: "Managed service 1", version: 2 });
  });

  it("updates a user's role and name, and the organisation's name and time zone", async () => {
    await importOk(file("tenant-roles"));
    const summary = await importOk(
      file("tenant-roles", {
        organisation: { tenantId: "tenant-roles", name: "Northwind IT", timeZone: "Europe/Paris" },
        users: [
          { aadObjectId: "aad-admin", name: "Jana Krüger", role: "admin" },
          { aadObjectId: "aad-approver", name: "Tobias Weber", role: "viewer" },
        ],
      }),
    );
    expect(summary.organisationOutcome).toBe("updated");
    expect(summary.organisation).toMatchObject({ name: "Northwind IT", timeZone: "Europe/Paris" });
    expect(summary.sections.users).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await findUser(database.db, summary.organisation.id, "aad-approver"))?.role).toBe("viewer");
  });
});

describe("an import that fails", () => {
  it("leaves nothing changed when its last record is refused while applying (all-or-nothing)", async () => {
    await importOk(file("tenant-atomic"));
    const before = await snapshot("tenant-atomic");
    // Every record but the last is valid and would change something; the last one takes a
    // reference another engagement already holds in the database.
    const input = file("tenant-atomic", {
      organisation: { tenantId: "tenant-atomic", name: "Renamed", timeZone: "UTC" },
      users: [
        { aadObjectId: "aad-admin", name: "Jana Krüger", role: "viewer" },
        { aadObjectId: "aad-new", name: "Lea", role: "billing" },
      ],
      engagements: [engagement(1, { title: "Changed" }), engagement(4), engagement(5), engagement(9, { reference: "ENG-2" })],
    });
    const report = await runImport(IMPORT_FORMAT, database.db, input, LATER);
    expect(report.ok).toBe(false);
    expect(report.ok ? [] : report.problems.map(describeProblem)).toEqual([
      'engagements[3] (externalId "PI-9").reference: ENG-2 already belongs to the engagement with externalId "PI-2"',
    ]);
    expect(await snapshot("tenant-atomic")).toEqual(before);
  });

  it("does not even create the organisation of a new tenant when a record is refused", async () => {
    const input = file("tenant-never", { engagements: [engagement(1), engagement(2, { reference: "ENG-1" })] });
    const report = await runImport(IMPORT_FORMAT, database.db, input, NOW);
    expect(report.ok ? [] : report.problems.map(describeProblem)).toEqual([
      'engagements[1] (externalId "PI-2").reference: "ENG-1" is already used by engagements[0]',
    ]);
    expect(await findOrganisationByTenant(database.db, "tenant-never")).toBeUndefined();
  });

  it("refuses a file with a duplicated externalId and writes nothing", async () => {
    await importOk(file("tenant-duplicate"));
    const before = await snapshot("tenant-duplicate");
    const report = await runImport(
      IMPORT_FORMAT,
      database.db,
      file("tenant-duplicate", { engagements: [engagement(6), engagement(6, { reference: "ENG-7" })] }),
      LATER,
    );
    expect(report.ok ? [] : report.problems.map(describeProblem)).toEqual([
      'engagements[1] (externalId "PI-6").externalId: "PI-6" is already used by engagements[0]',
    ]);
    expect(await snapshot("tenant-duplicate")).toEqual(before);
  });
});
