// The platform's accounts, reports and the distributor's decisions through the import file:
// applied twice, the second time changes nothing; new counts update a report in preparation
// and keep the MSP's comments; a decision for a report not in review is refused, naming it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../../../src/platform/import/run-import";
import { findReportByPlatformId } from "../../../../src/workflows/usage-reports/store/reports";
import { saveDraftOnce } from "../../../../src/workflows/usage-reports/store/commands";
import { findOrganisationByTenant } from "../../../../src/platform/store/organisations";
import { createTestDatabase, type TestDatabase } from "../../../support/database";
import { IMPORT_FORMAT } from "../../../support/tables";

let database: TestDatabase;
const now = new Date("2026-12-02T09:00:00Z");
const tenantId = "tenant-usage-import";

const file = (sections: Record<string, unknown[]>) => ({ version: 1, organisation: { tenantId, name: "Contoso", timeZone: "Europe/Paris" }, ...sections });
const account = { platformAccountId: "LMP-77", name: "Contoso MSP", distributorName: "Northwind", autoSubmitDelayDays: 4, usageReporting: true };
const reportRecord = (provisioned: string) => ({
  platformReportId: "R-77-2026-11",
  platformAccountId: "LMP-77",
  cycle: "2026-11",
  openedAt: "2026-12-01T00:30:00+01:00",
  lines: [
    { lineId: "seats", product: "Endpoint security", unit: "license seats", provisionedUnits: provisioned, billableUnits: "8" },
    { lineId: "gb", product: "Email archive", unit: "GB-months", provisionedUnits: "120.5" },
  ],
});

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => database?.destroy());

describe("importing usage reports", () => {
  it("creates accounts and reports once, idempotent by the platform's ids", async () => {
    const first = await runImport(IMPORT_FORMAT, database.db, file({ mspAccounts: [account], usageReports: [reportRecord("10")] }), now);
    expect(first).toMatchObject({ ok: true });
    const again = await runImport(IMPORT_FORMAT, database.db, file({ mspAccounts: [account], usageReports: [reportRecord("10")] }), now);
    expect(JSON.stringify(again)).toMatch(/"unchanged":1/);
    const organisation = await findOrganisationByTenant(database.db, tenantId);
    const stored = await findReportByPlatformId(database.db, organisation?.id ?? "", "R-77-2026-11");
    expect(stored?.lines.map((line) => [line.id, line.provisionedUnits, line.billableUnits])).toEqual([
      ["seats", "10", "8"],
      ["gb", "120.5", "120.5"],
    ]);
    expect(stored?.autoSubmitAt).toEqual(new Date("2026-12-05T23:00:00Z"));
  });

  it("updates the counts of a report in preparation and keeps the MSP's comment", async () => {
    const organisation = await findOrganisationByTenant(database.db, tenantId);
    const organisationId = organisation?.id ?? "";
    const report = await findReportByPlatformId(database.db, organisationId, "R-77-2026-11");
    await saveDraftOnce(database.db, {
      organisationId,
      reportId: report?.id ?? "",
      edit: { baseVersion: report?.version ?? 0, lines: [{ lineId: "seats", comment: "Two cancelled" }] },
      actor: { userId: "aad-ana", name: "Ana", role: "billing" },
      now,
    });
    expect(await runImport(IMPORT_FORMAT, database.db, file({ usageReports: [reportRecord("11")] }), now)).toMatchObject({ ok: true });
    const updated = await findReportByPlatformId(database.db, organisationId, "R-77-2026-11");
    expect(updated?.lines[0]).toMatchObject({ provisionedUnits: "11", comment: "Two cancelled" });
  });

  it("refuses a decision on a report not in review, naming the record", async () => {
    const decision = { decisionId: "D-1", platformReportId: "R-77-2026-11", outcome: "approved" };
    const report = await runImport(IMPORT_FORMAT, database.db, file({ usageReportDecisions: [decision] }), now);
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toMatch(/usageReportDecisions/);
  });
});
