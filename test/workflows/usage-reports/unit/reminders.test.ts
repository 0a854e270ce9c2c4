// Reminders: before the automatic submission, to billing users and admins; after a rejection,
// every morning, to the submitter.
import { describe, expect, it } from "vitest";
import { autoSubmissionTime } from "../../../../src/workflows/usage-reports/domain/auto-submission";
import { autoSubmissionReminder, autoSubmissionThresholds, correctionReminder } from "../../../../src/workflows/usage-reports/domain/reminders";
import type { DistributorDecisionRecord } from "../../../../src/workflows/usage-reports/domain/report";
import { line, opened, report } from "./fixtures";

const PARIS = "Europe/Paris";

const rejection = (receivedAt: Date): DistributorDecisionRecord => ({
  decisionId: "d-1",
  outcome: "rejected",
  note: "Seats",
  lineNotes: [],
  decidedAt: new Date(receivedAt.getTime() - 60_000),
  receivedAt,
});

describe("reminders before the automatic submission", () => {
  it("fall at 08:00 in the organisation's zone three days before the last day, the day before, and on the day", () => {
    expect(autoSubmissionThresholds(report(), PARIS).map(({ name, at }) => [name, at.toISOString()])).toEqual([
      ["threeDays", "2026-12-02T07:00:00.000Z"],
      ["oneDay", "2026-12-04T07:00:00.000Z"],
      ["lastDay", "2026-12-05T07:00:00.000Z"],
    ]);
  });

  it("drop the ones that would come before the report opened", () => {
    const short = report({ autoSubmitAt: autoSubmissionTime(opened, 1, PARIS).at }); // last day 2 December
    expect(autoSubmissionThresholds(short, PARIS).map(({ name }) => name)).toEqual(["oneDay", "lastDay"]);
  });

  it("follow the zone's offset on the morning after a daylight-saving change", () => {
    const octoberOpened = new Date("2026-10-20T08:00:00Z");
    const october = report({ openedAt: octoberOpened, autoSubmitAt: autoSubmissionTime(octoberOpened, 6, PARIS).at }); // last day 26 October
    expect(autoSubmissionThresholds(october, PARIS).map(({ at }) => at.toISOString())).toEqual([
      "2026-10-23T06:00:00.000Z",
      "2026-10-25T07:00:00.000Z",
      "2026-10-26T07:00:00.000Z",
    ]);
  });

  it("go to billing users and admins, counting the uncommented discrepancies", () => {
    const waiting = report({ lines: [line("a", "10", "8"), line("b", "3", "4"), line("c", "1", "0", { comment: "Trial" })] });
    expect(autoSubmissionReminder(waiting)).toEqual({ recipients: { roles: ["admin", "billing"] }, uncommented: 2 });
  });

  it("remind of a report not yet submitted even when nothing is uncommented", () => {
    expect(autoSubmissionReminder(report())?.uncommented).toBe(0);
  });

  it("stop once the report is submitted", () => {
    expect(autoSubmissionReminder(report({ state: "in_review" }))).toBeUndefined();
  });
});

describe("the daily reminder of a rejected report", () => {
  const submitted = { how: "manual" as const, at: new Date("2026-12-03T10:00:00Z"), by: { userId: "aad-ana", name: "Ana" } };
  const rejected = report({ state: "rejected", submission: submitted, decisions: [rejection(new Date("2026-12-04T15:00:00Z"))] });

  it("goes to its submitter every morning from the first morning after the rejection", () => {
    expect(correctionReminder(rejected, PARIS, new Date("2026-12-04T20:00:00Z"))).toBeUndefined();
    expect(correctionReminder(rejected, PARIS, new Date("2026-12-05T06:59:00Z"))).toBeUndefined();
    expect(correctionReminder(rejected, PARIS, new Date("2026-12-05T07:00:00Z"))).toEqual({
      recipients: { userIds: ["aad-ana"] },
      at: new Date("2026-12-05T07:00:00Z"),
      rejectedAt: new Date("2026-12-04T14:59:00Z"),
    });
    expect(correctionReminder(rejected, PARIS, new Date("2026-12-07T06:00:00Z"))?.at).toEqual(new Date("2026-12-06T07:00:00Z"));
  });

  it("goes to billing users and admins when the platform submitted the report", () => {
    const automatic = report({
      ...rejected,
      submission: { how: "automatic", at: new Date("2026-12-05T23:00:00Z"), dueAt: new Date("2026-12-05T23:00:00Z"), penalties: [] },
    });
    expect(correctionReminder(automatic, PARIS, new Date("2026-12-06T07:00:00Z"))?.recipients).toEqual({ roles: ["admin", "billing"] });
  });

  it("stops once the report is resubmitted", () => {
    expect(correctionReminder({ ...rejected, state: "in_review" }, PARIS, new Date("2026-12-06T07:00:00Z"))).toBeUndefined();
  });
});
