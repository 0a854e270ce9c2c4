// Editing a report: who may, in which states, what is checked, how two editors meet, and the
// one submission.
import { describe, expect, it } from "vitest";
import { saveDraft, submitReport } from "../../../../src/workflows/usage-reports/domain/editing";
import { checkLineEdits } from "../../../../src/workflows/usage-reports/domain/line-edits";
import { usageReportPermissions } from "../../../../src/workflows/usage-reports/domain/permissions";
import type { UsageReport } from "../../../../src/workflows/usage-reports/domain/report";
import { accepted, ana, budi, line, person, refusal, report } from "./fixtures";

const now = new Date("2026-12-02T09:15:00Z");
const later = new Date("2026-12-02T09:20:00Z");

describe("saving a draft", () => {
  it("keeps the typed billable units and comments without submitting", () => {
    const saved = accepted(
      saveDraft(report(), { baseVersion: 3, lines: [{ lineId: "seats", billableUnits: "8", comment: " Two seats cancelled " }] }, ana, now),
    );
    const seats = saved.record.lines.find((item) => item.id === "seats");
    expect(saved.record.state).toBe("in_preparation");
    expect(saved.record.version).toBe(4);
    expect(seats).toMatchObject({
      billableUnits: "8",
      comment: "Two seats cancelled",
      billableSetByMsp: true,
      changedInVersion: 4,
      changedBy: { userId: "aad-ana", name: "Ana", at: now },
    });
    expect(saved.audit).toEqual({
      action: "draft_saved",
      before: { lines: { seats: { billableUnits: "10" } } },
      after: { lines: { seats: { billableUnits: "8", comment: "Two seats cancelled" } } },
    });
  });

  it("saves a draft that still has uncommented discrepancies", () => {
    const saved = accepted(saveDraft(report(), { baseVersion: 3, lines: [{ lineId: "seats", billableUnits: "8" }] }, ana, now));
    expect(saved.record.lines[0]?.billableUnits).toBe("8");
  });

  it("clears a comment left empty", () => {
    const commented = report({ lines: [line("seats", "10", "10", { comment: "Checked" })] });
    const saved = accepted(saveDraft(commented, { baseVersion: 3, lines: [{ lineId: "seats", comment: "  " }] }, ana, now));
    expect(saved.record.lines[0]?.comment).toBeUndefined();
  });

  it("changes nothing and writes no history when the values are already saved (a replay)", () => {
    const first = accepted(saveDraft(report(), { baseVersion: 3, lines: [{ lineId: "seats", billableUnits: "8" }] }, ana, now));
    const again = accepted(
      saveDraft(
        first.record,
        {
          baseVersion: 3,
          lines: [
            { lineId: "seats", billableUnits: "8.0" },
            { lineId: "gb", billableUnits: "120.5" },
          ],
        },
        ana,
        later,
      ),
    );
    expect(again.audit).toBeUndefined();
    expect(again.record).toBe(first.record);
  });

  it("lets viewers and approvers read but not edit", () => {
    for (const role of ["viewer", "approver"] as const) {
      expect(refusal(saveDraft(report(), { baseVersion: 3, lines: [] }, person(role), now))).toEqual({ code: "not_permitted", facts: { role } });
    }
  });

  it("lets admins edit", () => {
    expect(saveDraft(report(), { baseVersion: 3, lines: [{ lineId: "seats", billableUnits: "9" }] }, person("admin"), now).ok).toBe(true);
  });

  it("refuses to edit a report in review, naming who submitted it and when", () => {
    const inReview = report({ state: "in_review", submission: { how: "manual", at: now, by: { userId: "aad-budi", name: "Budi" } } });
    expect(refusal(saveDraft(inReview, { baseVersion: 3, lines: [] }, ana, later))).toEqual({
      code: "not_editable",
      facts: { state: "in_review", how: "manual", by: "Budi", at: now },
    });
  });

  it("refuses to edit an approved report", () => {
    const decision = { decisionId: "d-1", outcome: "approved" as const, lineNotes: [], decidedAt: now, receivedAt: now };
    expect(refusal(saveDraft(report({ state: "approved", decisions: [decision] }), { baseVersion: 3, lines: [] }, person("admin"), later))?.code).toBe(
      "not_editable",
    );
  });

  it("edits a rejected report again", () => {
    expect(saveDraft(report({ state: "rejected" }), { baseVersion: 3, lines: [{ lineId: "seats", comment: "Fixed" }] }, ana, now).ok).toBe(true);
  });
});

describe("once the automatic submission's time has come", () => {
  const due = new Date("2026-12-05T23:00:00Z");

  it("refuses to save or submit a report the platform is submitting, even before the bot has recorded it", () => {
    const expected = { code: "auto_submission_due", facts: { at: new Date("2026-12-05T22:59:00Z") } };
    expect(refusal(saveDraft(report(), { baseVersion: 3, lines: [{ lineId: "seats", comment: "Late" }] }, ana, due))).toEqual(expected);
    expect(refusal(submitReport(report(), { baseVersion: 3, lines: [] }, ana, due))).toEqual(expected);
  });

  it("still saves in the last minute of the last day", () => {
    expect(saveDraft(report(), { baseVersion: 3, lines: [{ lineId: "seats", comment: "Just in time" }] }, ana, new Date(due.getTime() - 1)).ok).toBe(true);
  });

  it("lets a report rejected after its time be corrected and resubmitted by hand", () => {
    const decision = {
      decisionId: "d-1",
      outcome: "rejected" as const,
      note: "Seats",
      lineNotes: [],
      decidedAt: new Date("2026-12-07T09:00:00Z"),
      receivedAt: new Date("2026-12-07T09:00:00Z"),
    };
    const rejected = report({ state: "rejected", decisions: [decision] });
    expect(submitReport(rejected, { baseVersion: 3, lines: [] }, ana, new Date("2026-12-08T10:00:00Z")).ok).toBe(true);
  });
});

describe("every typed value is checked on the server", () => {
  it("names every problem next to its line and field", () => {
    const checked = checkLineEdits(report(), [
      { lineId: "seats", billableUnits: "-2", comment: "x".repeat(501) },
      { lineId: "gb", billableUnits: "" },
      { lineId: "nope", billableUnits: "1" },
      { lineId: "edr", billableUnits: "40" },
      { lineId: "edr", billableUnits: "41" },
    ]);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const codes = Object.fromEntries(
      Object.entries(checked.problems).map(([id, fields]) => [id, Object.fromEntries(Object.entries(fields).map(([field, found]) => [field, found?.code]))]),
    );
    expect(codes).toEqual({
      seats: { billableUnits: "units_invalid", comment: "comment_too_long" },
      gb: { billableUnits: "units_invalid" },
      nope: { line: "line_unknown" },
      edr: { line: "line_duplicated" },
    });
    expect(checked.problems.seats?.billableUnits?.facts).toEqual({ product: "Product seats", rule: "negative", maxDecimals: 6 });
    expect(checked.problems.gb?.billableUnits?.facts.rule).toBe("missing");
  });

  it('treats a line id of "__proto__" as just an unknown line', () => {
    const checked = checkLineEdits(report(), [{ lineId: "__proto__", billableUnits: "1" }]);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.problems)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).line).toBeUndefined();
  });

  it("refuses a save with a wrong value, giving the first problem", () => {
    expect(refusal(saveDraft(report(), { baseVersion: 3, lines: [{ lineId: "gb", billableUnits: "1.1234567" }] }, ana, now))).toEqual({
      code: "units_invalid",
      facts: { product: "Product gb", rule: "too_many_decimals", maxDecimals: 6 },
    });
  });
});

describe("two people editing one report at once", () => {
  const base = report();
  const budiSaved = accepted(saveDraft(base, { baseVersion: 3, lines: [{ lineId: "seats", billableUnits: "7", comment: "Seven in use" }] }, budi, now)).record;

  it("refuses the second save over a line changed meanwhile, saying who changed what and when", () => {
    expect(refusal(saveDraft(budiSaved, { baseVersion: 3, lines: [{ lineId: "seats", billableUnits: "8" }] }, ana, later))).toEqual({
      code: "edited_meanwhile",
      facts: { by: "Budi", at: now, count: 1, products: "Product seats" },
    });
  });

  it("keeps the other lines' changes when the second save touches different lines", () => {
    const anaSaved = accepted(
      saveDraft(
        budiSaved,
        {
          baseVersion: 3,
          lines: [
            { lineId: "seats", billableUnits: "7" },
            { lineId: "gb", billableUnits: "100", comment: "Archive deleted" },
          ],
        },
        ana,
        later,
      ),
    );
    expect(anaSaved.record.lines.map((item) => [item.id, item.billableUnits])).toEqual([
      ["seats", "7"],
      ["gb", "100"],
      ["edr", "40"],
    ]);
    expect(anaSaved.record.lines[0]?.comment).toBe("Seven in use");
  });

  it("accepts the save made again from the refreshed card", () => {
    const retried = accepted(saveDraft(budiSaved, { baseVersion: budiSaved.version, lines: [{ lineId: "seats", billableUnits: "8" }] }, ana, later));
    expect(retried.record.lines[0]?.billableUnits).toBe("8");
  });
});

describe("who may do what", () => {
  it("lets everyone read, and only billing users and admins edit", () => {
    for (const role of ["admin", "approver", "billing", "viewer"] as const) expect(usageReportPermissions.can(role, "usage-report.view"), role).toBe(true);
    expect(usageReportPermissions.rolesWith("usage-report.edit")).toEqual(["admin", "billing"]);
  });
});

describe("submitting", () => {
  it("refuses to submit while a discrepancy has no comment, saying which", () => {
    expect(refusal(submitReport(report(), { baseVersion: 3, lines: [{ lineId: "seats", billableUnits: "8" }] }, ana, now))).toEqual({
      code: "comment_required",
      facts: { count: 1, product: "Product seats", provisioned: "10", billable: "8" },
    });
  });

  it("sends the report for review with the typed values once every discrepancy is commented", () => {
    const submitted = accepted(submitReport(report(), { baseVersion: 3, lines: [{ lineId: "seats", billableUnits: "8", comment: "Cancelled" }] }, ana, now));
    expect(submitted.record.state).toBe("in_review");
    expect(submitted.record.submission).toEqual({ how: "manual", at: now, by: { userId: "aad-ana", name: "Ana" } });
    expect(submitted.audit.action).toBe("submitted");
    expect(submitted.audit.after).toEqual({ state: "in_review", lines: { seats: { billableUnits: "8", comment: "Cancelled" } } });
  });

  it("submits exactly once: the second click finds it in review", () => {
    const first = accepted(submitReport(report(), { baseVersion: 3, lines: [] }, ana, now)).record;
    expect(refusal(submitReport(first, { baseVersion: 3, lines: [] }, budi, later))).toEqual({
      code: "not_editable",
      facts: { state: "in_review", how: "manual", by: "Ana", at: now },
    });
  });

  it("resubmits a corrected rejected report", () => {
    const rejected: UsageReport = report({ state: "rejected" });
    expect(accepted(submitReport(rejected, { baseVersion: 3, lines: [] }, ana, now)).record.state).toBe("in_review");
  });

  it("refuses viewers", () => {
    expect(refusal(submitReport(report(), { baseVersion: 3, lines: [] }, person("viewer"), now))?.code).toBe("not_permitted");
  });
});
