// Two imports of the same file at once (a retried upload, two admins, two instances): each
// either applies the whole file or finds it applied, and the records exist once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeProblem } from "../../src/platform/import/problems";
import { runImport } from "../../src/platform/import/run-import";
import type { Db } from "../../src/platform/store/db";
import { findOrganisationByTenant } from "../../src/platform/store/organisations";
import { createTwoInstanceDatabase, type TestDatabase, type TwoInstanceDatabase } from "../support/database";
import { IMPORT_FORMAT } from "../support/tables";

let twin: TwoInstanceDatabase;
let database: TestDatabase;
let clients: [Db, Db];
beforeAll(async () => {
  twin = await createTwoInstanceDatabase();
  ({ database, clients } = twin);
});
afterAll(async () => twin?.destroy());

const NOW = new Date("2026-11-25T10:00:00Z");

const file = (tenantId: string, title = "Managed service") => ({
  version: 1,
  organisation: { tenantId, name: "Northwind", timeZone: "Europe/Berlin" },
  users: [
    { aadObjectId: "aad-admin", name: "Jana Krüger", role: "admin" },
    { aadObjectId: "aad-approver", name: "Tobias Weber", role: "approver" },
  ],
  engagements: Array.from({ length: 25 }, (_, n) => ({
    externalId: `PI-${n}`,
    reference: `ENG-${n}`,
    title: `${title} ${n}`,
    clientName: "Fabrikam",
    productName: "Backup as a service",
    requestedAt: "2026-11-03T09:30:00+01:00",
  })),
});

async function importedOnce(tenantId: string) {
  const organisation = await findOrganisationByTenant(database.db, tenantId);
  const where = { organisationId: organisation?.id ?? "none" };
  return {
    organisations: await database.db.organisation.count({ where: { tenantId } }),
    users: await database.db.partnerUser.count({ where }),
    engagements: await database.db.engagement.count({ where }),
    events: await database.db.auditEntry.count({ where: { ...where, recordKind: "engagement" } }),
  };
}

describe("the same file imported twice at once", () => {
  it("applies it once for a new tenant: both imports answer, one created everything, the other found it all unchanged", async () => {
    const reports = await Promise.all(clients.map((db) => runImport(IMPORT_FORMAT, db, file("tenant-twice"), NOW)));
    const summaries = reports.map((report) => {
      if (!report.ok) throw new Error(report.problems.map(describeProblem).join("\n"));
      return report.summary;
    });
    expect(summaries.map((s) => s.sections.engagements?.created).sort()).toEqual([0, 25]);
    expect(summaries.map((s) => s.organisationOutcome).sort()).toEqual(["created", "unchanged"]);
    expect(await importedOnce("tenant-twice")).toEqual({ organisations: 1, users: 2, engagements: 25, events: 25 });
  });

  it("keeps one copy when five imports of one file race", async () => {
    const reports = await Promise.all(Array.from({ length: 5 }, (_, i) => runImport(IMPORT_FORMAT, clients[i % 2] as Db, file("tenant-five"), NOW)));
    expect(reports.every((report) => report.ok)).toBe(true);
    expect(await importedOnce("tenant-five")).toEqual({ organisations: 1, users: 2, engagements: 25, events: 25 });
  });
});

describe("the same changes imported twice at once", () => {
  it("updates each pending engagement once: one import applies the changes, the other finds them applied", async () => {
    const first = await runImport(IMPORT_FORMAT, database.db, file("tenant-changes"), NOW);
    expect(first.ok).toBe(true);
    const reports = await Promise.all(clients.map((db) => runImport(IMPORT_FORMAT, db, file("tenant-changes", "Managed backup"), NOW)));
    const summaries = reports.map((report) => {
      if (!report.ok) throw new Error(report.problems.map(describeProblem).join("\n"));
      return report.summary;
    });
    expect(summaries.map((s) => s.sections.engagements?.updated).sort()).toEqual([0, 25]);
    expect(await importedOnce("tenant-changes")).toEqual({ organisations: 1, users: 2, engagements: 25, events: 50 });
  });
});
