// Automatic submission: counted in calendar days from the day the report opened, in the
// organisation's zone, through daylight-saving changes, month ends and leap years; once only.
import { describe, expect, it } from "vitest";
import {
  autoSubmissionTime,
  autoSubmitReport,
  awaitsAutoSubmission,
  daysUntilAutoSubmission,
  scheduledAt,
} from "../../../../src/workflows/usage-reports/domain/auto-submission";
import type { DistributorDecisionRecord } from "../../../../src/workflows/usage-reports/domain/report";
import { accepted, line, opened, refusal, report } from "./fixtures";

const PARIS = "Europe/Paris";
const JAKARTA = "Asia/Jakarta";

function rejectedAt(decidedAt: Date): DistributorDecisionRecord {
  return { decisionId: "d-1", outcome: "rejected", note: "Seats do not match", lineNotes: [], decidedAt, receivedAt: decidedAt };
}

describe("when a report submits automatically", () => {
  it("submits at the end of the account's last day, 23:59 being the last minute shown", () => {
    // Opened on 1 December (00:30 in Paris) with a 4-day delay: editable through 5 December.
    const time = autoSubmissionTime(opened, 4, PARIS);
    expect(time.lastDay).toBe("2026-12-05");
    expect(time.at.toISOString()).toBe("2026-12-05T23:00:00.000Z");
    expect(time.lastMoment.toISOString()).toBe("2026-12-05T22:59:00.000Z");
  });

  it("counts from the opening day in the organisation's zone, not in UTC", () => {
    // 30 November 23:30 UTC is already 1 December in Paris, still 30 November in UTC.
    expect(autoSubmissionTime(opened, 4, "UTC").lastDay).toBe("2026-12-04");
  });

  it("says how many local days are left: 3 on 2 December for a last day of 5 December", () => {
    const time = autoSubmissionTime(opened, 4, PARIS);
    expect(daysUntilAutoSubmission(time, PARIS, new Date("2026-12-02T10:00:00Z"))).toBe(3);
    expect(daysUntilAutoSubmission(time, PARIS, new Date("2026-12-05T22:58:00Z"))).toBe(0);
  });

  it("counts whole days across the autumn daylight-saving change in Paris", () => {
    // Clocks go back on 25 October 2026: that day lasts 25 hours.
    const time = autoSubmissionTime(new Date("2026-10-22T08:00:00Z"), 3, PARIS);
    expect(time.lastDay).toBe("2026-10-25");
    expect(time.at.toISOString()).toBe("2026-10-25T23:00:00.000Z"); // 26 October 00:00 CET
  });

  it("counts whole days across the spring daylight-saving change in Paris", () => {
    // Clocks go forward on 29 March 2026: that day lasts 23 hours.
    const time = autoSubmissionTime(new Date("2026-03-27T08:00:00Z"), 2, PARIS);
    expect(time.lastDay).toBe("2026-03-29");
    expect(time.at.toISOString()).toBe("2026-03-29T22:00:00.000Z"); // 30 March 00:00 CEST
  });

  it("places the opening day at Jakarta's midnight, seven hours ahead of UTC", () => {
    expect(autoSubmissionTime(new Date("2026-11-30T16:59:59Z"), 5, JAKARTA).lastDay).toBe("2026-12-05");
    const time = autoSubmissionTime(new Date("2026-11-30T17:00:00Z"), 5, JAKARTA);
    expect(time.lastDay).toBe("2026-12-06");
    expect(time.at.toISOString()).toBe("2026-12-06T17:00:00.000Z");
  });

  it("rolls over month ends, with 29 February in a leap year", () => {
    expect(autoSubmissionTime(new Date("2027-01-30T12:00:00Z"), 30, PARIS).lastDay).toBe("2027-03-01");
    expect(autoSubmissionTime(new Date("2028-01-30T12:00:00Z"), 30, PARIS).lastDay).toBe("2028-02-29");
  });

  it("submits at the end of the opening day itself when the account's delay is zero", () => {
    expect(autoSubmissionTime(opened, 0, PARIS).lastDay).toBe("2026-12-01");
  });
});

describe("the platform's automatic submission", () => {
  const due = new Date("2026-12-05T23:00:00Z"); // the fixture's report: opened 1 December in Paris, 4 days
  const jakartaOpened = new Date("2026-11-30T17:00:00Z");
  const jakartaReport = report({ openedAt: jakartaOpened, autoSubmitAt: autoSubmissionTime(jakartaOpened, 5, JAKARTA).at });

  it("does not submit one second before the end of the last day in Paris", () => {
    expect(refusal(autoSubmitReport(report(), new Date(due.getTime() - 1000)))).toEqual({
      code: "auto_submission_not_due",
      facts: { at: new Date("2026-12-05T22:59:00Z") },
    });
  });

  it("submits at local midnight in Paris", () => {
    expect(accepted(autoSubmitReport(report(), due)).record.state).toBe("in_review");
  });

  it("submits at local midnight in Jakarta, and not a second before", () => {
    expect(refusal(autoSubmitReport(jakartaReport, new Date("2026-12-06T16:59:59Z")))?.code).toBe("auto_submission_not_due");
    expect(autoSubmitReport(jakartaReport, new Date("2026-12-06T17:00:00Z")).ok).toBe(true);
  });

  it("submits at the edge of the delay across the daylight-saving change", () => {
    const octoberOpened = new Date("2026-10-22T08:00:00Z");
    const october = report({ openedAt: octoberOpened, autoSubmitAt: autoSubmissionTime(octoberOpened, 3, PARIS).at });
    expect(autoSubmitReport(october, new Date("2026-10-25T22:59:59Z")).ok).toBe(false);
    expect(autoSubmitReport(october, new Date("2026-10-25T23:00:00Z")).ok).toBe(true);
  });

  it("records it as submitted automatically, with the uncommented discrepancies as penalties incurred", () => {
    const lines = [line("seats", "10", "8"), line("gb", "5", "4", { comment: "Archive deleted" }), line("edr", "40")];
    const submitted = accepted(autoSubmitReport(report({ lines }), due));
    const penalty = {
      lineId: "seats",
      product: "Product seats",
      unit: "license seats",
      provisionedUnits: "10",
      billableUnits: "8",
      chargedUnits: "10",
      kind: "over_provisioned",
    };
    expect(submitted.record.submission).toEqual({ how: "automatic", at: due, dueAt: due, penalties: [penalty] });
    expect(submitted.record.version).toBe(4);
    expect(submitted.audit).toEqual({
      action: "submitted_automatically",
      before: { state: "in_preparation" },
      after: { state: "in_review", dueAt: due.toISOString(), penalties: [penalty] },
    });
  });

  it("still submits when the schedule runs late, recording when it was due", () => {
    const late = new Date("2026-12-06T07:00:00Z");
    const submitted = accepted(autoSubmitReport(report(), late)).record.submission;
    expect(submitted).toMatchObject({ how: "automatic", at: late, dueAt: due });
  });

  it("submits exactly once: a second instance finds the report in review", () => {
    const first = accepted(autoSubmitReport(report(), due)).record;
    expect(refusal(autoSubmitReport(first, due))).toEqual({
      code: "not_editable",
      facts: { state: "in_review", how: "automatic", by: "", at: due },
    });
  });

  it("leaves alone a report the MSP submitted in time", () => {
    const submitted = report({
      state: "in_review",
      submission: { how: "manual", at: new Date("2026-12-03T10:00:00Z"), by: { userId: "aad-ana", name: "Ana" } },
    });
    expect(refusal(autoSubmitReport(submitted, due))?.code).toBe("not_editable");
  });

  it("submits a report rejected before its time and not resubmitted", () => {
    const rejected = report({ state: "rejected", decisions: [rejectedAt(new Date("2026-12-04T09:00:00Z"))] });
    expect(awaitsAutoSubmission(rejected)).toBe(true);
    expect(accepted(autoSubmitReport(rejected, due)).record.state).toBe("in_review");
  });

  it("leaves a report rejected after its time to a correction by hand", () => {
    const rejected = report({ state: "rejected", decisions: [rejectedAt(new Date("2026-12-07T09:00:00Z"))] });
    expect(awaitsAutoSubmission(rejected)).toBe(false);
    expect(refusal(autoSubmitReport(rejected, new Date("2026-12-08T00:00:00Z")))).toEqual({
      code: "auto_submission_passed",
      facts: { at: new Date("2026-12-05T22:59:00Z"), rejectedAt: new Date("2026-12-07T09:00:00Z") },
    });
  });

  it("shows a stored time as the last day and minute in the organisation's zone", () => {
    expect(scheduledAt(due, PARIS)).toEqual({ at: due, lastDay: "2026-12-05", lastMoment: new Date("2026-12-05T22:59:00Z") });
    expect(scheduledAt(due, JAKARTA).lastDay).toBe("2026-12-06");
  });
});
