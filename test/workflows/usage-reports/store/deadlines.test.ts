// Reminders of usage reports through the deadline registry: three mornings before the automatic
// submission (with the uncommented discrepancies counted, to billing users and admins, the
// report one click away), nothing once it is submitted, and a rejected report every morning
// to its submitter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureOrganisation, type Organisation } from "../../../../src/platform/store/organisations";
import { defaultReminderSettings } from "../../../../src/platform/reminders/settings";
import { autoSubmissionSource, correctionSource } from "../../../../src/workflows/usage-reports/deadlines/reports";
import { recordDecision, submitOnce } from "../../../../src/workflows/usage-reports/store/commands";
import { createTestDatabase, type TestDatabase } from "../../../support/database";
import { mspAccount, openReport } from "./fixtures";

let database: TestDatabase;
let organisation: Organisation;
const opened = new Date("2026-11-30T23:30:00Z"); // 1 December in Paris; 4 days: last day 5 December
const ana = { userId: "aad-ana", name: "Ana", role: "billing" as const };
const due = (source: typeof autoSubmissionSource, now: Date) => source.due(database.db, organisation, now, defaultReminderSettings());

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await ensureOrganisation(database.db, "tenant-usage-deadlines", { timeZone: "Europe/Paris" });
});

afterAll(async () => database?.destroy());

describe("usage report reminders", () => {
  it("reminds three days before the last day, the day before and that morning, with the uncommented count", async () => {
    const report = await openReport(database.db, await mspAccount(database.db, organisation.id), { openedAt: opened });
    const at = (iso: string) => due(autoSubmissionSource, new Date(iso)).then((items) => items.filter((item) => item.fix?.data.reportId === report.id));
    expect(await at("2026-12-02T06:59:00Z")).toEqual([]);
    const first = await at("2026-12-02T07:00:00Z"); // 08:00 in Paris on 2 December
    expect(first).toMatchObject([
      { threshold: "threeDays", recipients: { roles: expect.arrayContaining(["billing"]) }, facts: { uncommented: 1 }, fix: { verb: "usageReport.open" } },
    ]);
    expect((await at("2026-12-04T07:00:00Z"))[0]?.threshold).toBe("oneDay");
    expect((await at("2026-12-05T07:00:00Z"))[0]?.threshold).toBe("lastDay");
    expect(await at("2026-12-05T23:00:00Z")).toEqual([]);
  });

  it("says nothing of a submitted report, and reminds its submitter daily once the distributor rejects it", async () => {
    const report = await openReport(database.db, await mspAccount(database.db, organisation.id), { openedAt: opened });
    await submitOnce(database.db, {
      organisationId: organisation.id,
      reportId: report.id,
      edit: { baseVersion: 0, lines: [{ lineId: "L0001", comment: "Two cancelled" }] },
      actor: ana,
      now: new Date("2026-12-02T08:00:00Z"),
    });
    const mine = (items: Awaited<ReturnType<typeof due>>) => items.filter((item) => item.fix?.data.reportId === report.id);
    expect(mine(await due(autoSubmissionSource, new Date("2026-12-04T07:00:00Z")))).toEqual([]);
    const rejectedAt = new Date("2026-12-02T10:00:00Z");
    await recordDecision(
      database.db,
      organisation.id,
      { decisionId: `D-${report.id}`, platformReportId: report.platformReportId, outcome: "rejected", note: "Fix the seats", lineNotes: [] },
      rejectedAt,
    );
    expect(mine(await due(correctionSource, new Date("2026-12-02T12:00:00Z")))).toEqual([]);
    const nextMorning = mine(await due(correctionSource, new Date("2026-12-03T07:00:00Z")));
    expect(nextMorning).toMatchObject([{ threshold: "2026-12-03", recipients: { aadObjectIds: ["aad-ana"] } }]);
    expect(mine(await due(correctionSource, new Date("2026-12-04T07:30:00Z")))[0]?.threshold).toBe("2026-12-04");
  });
});
