// Usage reports on a real database (SQLite and PostgreSQL): lines saved and read back exactly,
// a save over someone else's change refused with who changed what, one submission of 20
// concurrent clicks with one event, the distributor's decisions idempotent by id, and the
// automatic submission of 500 due reports exactly once from two instances at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../../../src/platform/store/audit";
import { ensureOrganisation } from "../../../../src/platform/store/organisations";
import type { UsageReportActor } from "../../../../src/workflows/usage-reports/domain/report";
import { runAutoSubmissions } from "../../../../src/workflows/usage-reports/store/auto-submission-job";
import { recordDecision, saveDraftOnce, submitOnce } from "../../../../src/workflows/usage-reports/store/commands";
import { USAGE_REPORT_RECORD_KIND, findReport } from "../../../../src/workflows/usage-reports/store/reports";
import { createTwoInstanceDatabase, type TwoInstanceDatabase } from "../../../support/database";
import { mspAccount, openReport, platformLines } from "./fixtures";

let database: TwoInstanceDatabase;
let organisationId: string;
const opened = new Date("2026-11-30T23:30:00Z"); // 1 December 00:30 in Paris
const now = new Date("2026-12-02T09:00:00Z");
const ana: UsageReportActor = { userId: "aad-ana", name: "Ana", role: "billing" };
const budi: UsageReportActor = { userId: "aad-budi", name: "Budi", role: "billing" };
const db = () => database.database.db;
const history = async (id: string) => (await listAudit(db(), organisationId, USAGE_REPORT_RECORD_KIND, id)).map((entry) => entry.action);
const events = (type: string) => db().organisationEvent.findMany({ where: { organisationId, type } });

beforeAll(async () => {
  database = await createTwoInstanceDatabase();
  organisationId = (await ensureOrganisation(db(), "tenant-usage-store", { timeZone: "Europe/Paris" })).id;
});

afterAll(async () => database?.destroy());

describe("usage reports in the store", () => {
  it("opens a report with its lines in the platform's order and its automatic submission fixed", async () => {
    const report = await openReport(db(), await mspAccount(db(), organisationId), { openedAt: opened });
    const stored = await findReport(db(), organisationId, report.id);
    expect(stored?.lines.map((line) => [line.id, line.provisionedUnits, line.billableUnits])).toEqual([
      ["L0001", "10", "8"],
      ["L0002", "11", "11"],
      ["L0003", "12", "12"],
    ]);
    expect(stored?.autoSubmitAt).toEqual(new Date("2026-12-05T23:00:00Z"));
    expect(await history(report.id)).toEqual(["opened"]);
    expect(await findReport(db(), "another-organisation", report.id)).toBeUndefined();
  });

  it("saves a draft, and refuses a save from an older card over a line changed meanwhile, naming who", async () => {
    const report = await openReport(db(), await mspAccount(db(), organisationId), { openedAt: opened });
    const first = await saveDraftOnce(db(), {
      organisationId,
      reportId: report.id,
      edit: { baseVersion: 0, lines: [{ lineId: "L0001", billableUnits: "8.5", comment: "Half a seat moved" }] },
      actor: ana,
      now,
    });
    expect(first.kind).toBe("changed");
    const second = await saveDraftOnce(db(), {
      organisationId,
      reportId: report.id,
      edit: {
        baseVersion: 0,
        lines: [
          { lineId: "L0001", billableUnits: "9" },
          { lineId: "L0002", comment: "checked" },
        ],
      },
      actor: budi,
      now,
    });
    expect(second).toMatchObject({ kind: "refused", refusal: { code: "edited_meanwhile", facts: { by: "Ana", count: 1, products: "Product 0001" } } });
    // A change to another line from the same old card is kept.
    const other = await saveDraftOnce(db(), {
      organisationId,
      reportId: report.id,
      edit: { baseVersion: 0, lines: [{ lineId: "L0002", comment: "checked" }] },
      actor: budi,
      now,
    });
    expect(other.kind).toBe("changed");
    const stored = await findReport(db(), organisationId, report.id);
    expect(stored?.lines.map((line) => [line.billableUnits, line.comment])).toEqual([
      ["8.5", "Half a seat moved"],
      ["11", "checked"],
      ["12", undefined],
    ]);
    expect(stored?.version).toBe(2);
    expect(await history(report.id)).toEqual(["opened", "draft_saved", "draft_saved"]);
  });

  it("submits once of 20 concurrent clicks on two instances, with one history entry and one event", async () => {
    const report = await openReport(db(), await mspAccount(db(), organisationId), { openedAt: opened });
    const edit = { baseVersion: 0, lines: [{ lineId: "L0001", comment: "Two seats cancelled on the 28th" }] };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submitOnce(database.clients[i % 2] ?? db(), { organisationId, reportId: report.id, edit, actor: i % 2 ? budi : ana, now }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === "changed")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === "refused" && outcome.refusal.code === "not_editable")).toHaveLength(19);
    expect(await history(report.id)).toEqual(["opened", "submitted"]);
    const submitted = (await events("usage.report.submitted")).filter((event) => event.payload.includes(report.id));
    expect(submitted).toHaveLength(1);
    expect(JSON.parse(submitted[0]?.payload ?? "{}")).toMatchObject({
      how: "manual",
      lines: expect.arrayContaining([expect.objectContaining({ comment: "Two seats cancelled on the 28th" })]),
    });
  });

  it("records the distributor's rejection once by its id, then the correction and the approval", async () => {
    const account = await mspAccount(db(), organisationId);
    const report = await openReport(db(), account, { openedAt: opened });
    await submitOnce(db(), { organisationId, reportId: report.id, edit: { baseVersion: 0, lines: [{ lineId: "L0001", comment: "ok" }] }, actor: ana, now });
    const rejection = {
      decisionId: `D-${report.id}`,
      platformReportId: report.platformReportId,
      outcome: "rejected" as const,
      note: "Seats do not match",
      lineNotes: [{ lineId: "L0001", note: "Show the cancellation" }],
    };
    const later = new Date(now.getTime() + 3_600_000);
    expect((await recordDecision(db(), organisationId, rejection, later)).kind).toBe("changed");
    expect((await recordDecision(db(), organisationId, rejection, later)).kind).toBe("unchanged");
    // Its submitter hears of it once, through the outbox, in the decision's transaction.
    const notices = await db().outboxMessage.findMany({ where: { organisationId, kind: "usageReport.rejected", dedupeKey: { contains: report.id } } });
    expect(notices.map((notice) => notice.recipient)).toEqual([expect.stringContaining("aad-ana")]);
    const rejected = await findReport(db(), organisationId, report.id);
    expect(rejected?.state).toBe("rejected");
    expect(rejected?.decisions[0]?.lineNotes).toEqual([{ lineId: "L0001", note: "Show the cancellation" }]);
    const corrected = await submitOnce(db(), {
      organisationId,
      reportId: report.id,
      edit: { baseVersion: rejected?.version ?? 0, lines: [{ lineId: "L0001", comment: "Cancelled on 28 Nov, ticket 4411" }] },
      actor: ana,
      now: new Date(later.getTime() + 60_000),
    });
    expect(corrected.kind).toBe("changed");
    const approval = { decisionId: `A-${report.id}`, platformReportId: report.platformReportId, outcome: "approved" as const };
    expect((await recordDecision(db(), organisationId, approval, new Date(later.getTime() + 120_000))).kind).toBe("changed");
    expect(await history(report.id)).toEqual(["opened", "submitted", "rejected", "submitted", "approved"]);
  });

  it("auto-submits 500 due reports exactly once when two instances run the job at once", async () => {
    const organisation = await ensureOrganisation(db(), "tenant-usage-auto", { timeZone: "Asia/Jakarta" });
    const account = await mspAccount(db(), organisation.id, { autoSubmitDelayDays: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 500; i += 1) {
      const cycle = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
      ids.push((await openReport(db(), account, { cycle, openedAt: opened, lines: platformLines(2), timeZone: "Asia/Jakarta" })).id);
    }
    // Opened on 1 December (06:30 in Jakarta) with 2 days: due at 4 December 00:00 in Jakarta.
    const due = new Date("2026-12-03T17:00:00Z");
    expect(await runAutoSubmissions(db(), new Date(due.getTime() - 1000))).toEqual({ submitted: 0, skipped: 0 });
    const [first, second] = await Promise.all([runAutoSubmissions(database.clients[0], due, 50), runAutoSubmissions(database.clients[1], due, 50)]);
    expect(first.submitted + second.submitted).toBe(500);
    const states = await db().usageReport.groupBy({ by: ["state", "submissionKind"], where: { organisationId: organisation.id }, _count: true });
    expect(states).toEqual([{ state: "in_review", submissionKind: "automatic", _count: 500 }]);
    const entries = await db().auditEntry.count({ where: { organisationId: organisation.id, action: "submitted_automatically" } });
    expect(entries).toBe(500);
    expect(await db().organisationEvent.count({ where: { organisationId: organisation.id, type: "usage.report.submitted" } })).toBe(500);
    // The uncommented discrepancy of each report is charged as a penalty.
    const one = await findReport(db(), organisation.id, ids[0] ?? "");
    expect(one?.submission).toMatchObject({ how: "automatic", penalties: [{ lineId: "L0001", chargedUnits: "10" }] });
    // A later run finds nothing left to do.
    expect(await runAutoSubmissions(db(), due)).toEqual({ submitted: 0, skipped: 0 });
  }, 240_000);

  it("does not auto-submit before the time, nor a report submitted by hand", async () => {
    const organisation = await ensureOrganisation(db(), "tenant-usage-early", { timeZone: "Europe/Paris" });
    const account = await mspAccount(db(), organisation.id);
    const report = await openReport(db(), account, { openedAt: opened });
    const lastMinute = new Date("2026-12-05T22:59:59Z");
    await runAutoSubmissions(db(), lastMinute);
    expect((await findReport(db(), organisation.id, report.id))?.state).toBe("in_preparation");
    const byHand = await openReport(db(), account, { openedAt: opened, cycle: "2026-10" });
    await submitOnce(db(), {
      organisationId: organisation.id,
      reportId: byHand.id,
      edit: { baseVersion: 0, lines: [{ lineId: "L0001", comment: "ok" }] },
      actor: ana,
      now,
    });
    await runAutoSubmissions(db(), new Date("2026-12-05T23:00:00Z"));
    expect((await findReport(db(), organisation.id, report.id))?.submission).toMatchObject({ how: "automatic" });
    expect((await findReport(db(), organisation.id, byHand.id))?.submission).toMatchObject({ how: "manual" });
    const entries = await listAudit(db(), organisation.id, USAGE_REPORT_RECORD_KIND, byHand.id);
    expect(entries.map((entry) => entry.action)).toEqual(["opened", "submitted"]);
  });
});
