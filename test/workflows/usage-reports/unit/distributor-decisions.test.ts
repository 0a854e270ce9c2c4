// The distributor's decisions: on reports in review only, notes required to reject, idempotent
// by decision id.
import { describe, expect, it } from "vitest";
import { type TDistributorDecision, ZDistributorDecisionSchema, decideReport } from "../../../../src/workflows/usage-reports/domain/distributor-decisions";
import { openRejection } from "../../../../src/workflows/usage-reports/domain/report";
import { accepted, refusal, report } from "./fixtures";

const submittedAt = new Date("2026-12-03T10:00:00Z");
const received = new Date("2026-12-04T09:00:00Z");
const inReview = report({ state: "in_review", submission: { how: "manual", at: submittedAt, by: { userId: "aad-ana", name: "Ana" } } });

const decision = (input: Record<string, unknown>): TDistributorDecision =>
  ZDistributorDecisionSchema.parse({ decisionId: "d-1", platformReportId: "LMP-R-2026-11", ...input });

describe("the distributor's decision", () => {
  it("approves a report in review", () => {
    const approved = accepted(decideReport(inReview, decision({ outcome: "approved" }), received));
    expect(approved.record.state).toBe("approved");
    expect(approved.record.decisions).toEqual([{ decisionId: "d-1", outcome: "approved", lineNotes: [], decidedAt: received, receivedAt: received }]);
    expect(approved.audit?.action).toBe("approved");
  });

  it("rejects with notes per line and for the whole report, shown until the report is resubmitted", () => {
    const rejected = accepted(
      decideReport(
        inReview,
        decision({
          outcome: "rejected",
          note: " Please check seats ",
          lineNotes: [
            { lineId: "seats", note: "We count 10" },
            { lineId: "gb", note: " " },
          ],
        }),
        received,
      ),
    );
    expect(rejected.record.state).toBe("rejected");
    expect(openRejection(rejected.record)).toMatchObject({ note: "Please check seats", lineNotes: [{ lineId: "seats", note: "We count 10" }] });
    expect(rejected.audit).toMatchObject({ action: "rejected", reason: "Please check seats", before: { state: "in_review" } });
    expect(openRejection({ ...rejected.record, state: "in_review" })).toBeUndefined();
  });

  it("refuses a rejection without any note", () => {
    expect(refusal(decideReport(inReview, decision({ outcome: "rejected", note: "  ", lineNotes: [{ lineId: "seats", note: "" }] }), received))?.code).toBe(
      "rejection_note_required",
    );
  });

  it("refuses notes on lines the report does not have, twice on one line, or too long", () => {
    expect(refusal(decideReport(inReview, decision({ outcome: "rejected", lineNotes: [{ lineId: "other", note: "?" }] }), received))?.code).toBe(
      "line_unknown",
    );
    expect(
      refusal(
        decideReport(
          inReview,
          decision({
            outcome: "rejected",
            lineNotes: [
              { lineId: "gb", note: "a" },
              { lineId: "gb", note: "b" },
            ],
          }),
          received,
        ),
      )?.code,
    ).toBe("line_duplicated");
    expect(refusal(decideReport(inReview, decision({ outcome: "rejected", note: "x".repeat(1001) }), received))).toEqual({
      code: "note_too_long",
      facts: { max: 1000, length: 1001, product: "" },
    });
  });

  it("refuses a decision meant for another report", () => {
    expect(refusal(decideReport(inReview, decision({ outcome: "approved", platformReportId: "LMP-R-2026-10" }), received))?.code).toBe("not_found");
  });

  it("refuses a decision on a report that is not in review", () => {
    expect(refusal(decideReport(report(), decision({ outcome: "approved" }), received))).toEqual({
      code: "not_in_review",
      facts: { state: "in_preparation", how: "none", by: "", at: undefined },
    });
  });

  it("treats the same decision sent again as a replay that changes nothing", () => {
    const first = accepted(decideReport(inReview, decision({ outcome: "rejected", lineNotes: [{ lineId: "seats", note: "We count 10" }] }), received)).record;
    const again = accepted(
      decideReport(first, decision({ outcome: "rejected", lineNotes: [{ lineId: "seats", note: " We count 10 " }] }), new Date("2026-12-04T09:05:00Z")),
    );
    expect(again.audit).toBeUndefined();
    expect(again.record).toBe(first);
  });

  it("refuses the same decision id with other facts", () => {
    const first = accepted(decideReport(inReview, decision({ outcome: "approved" }), received)).record;
    expect(refusal(decideReport(first, decision({ outcome: "rejected", note: "No" }), received))).toEqual({
      code: "decision_id_reused",
      facts: { decisionId: "d-1" },
    });
  });

  it("refuses a new decision on a report already decided", () => {
    const first = accepted(decideReport(inReview, decision({ outcome: "approved" }), received)).record;
    expect(refusal(decideReport(first, decision({ decisionId: "d-2", outcome: "approved" }), received))?.code).toBe("not_in_review");
  });

  it("refuses a decision dated before the submission it answers, or later than now", () => {
    expect(refusal(decideReport(inReview, decision({ outcome: "approved", decidedAt: "2026-12-03T09:59:00Z" }), received))?.code).toBe(
      "timestamp_before_event",
    );
    expect(refusal(decideReport(inReview, decision({ outcome: "approved", decidedAt: "2026-12-04T09:06:00Z" }), received))?.code).toBe("timestamp_in_future");
  });

  it("records the distributor's own time when it gives one", () => {
    const approved = accepted(decideReport(inReview, decision({ outcome: "approved", decidedAt: "2026-12-04T08:30:00+01:00" }), received));
    expect(approved.record.decisions[0]?.decidedAt).toEqual(new Date("2026-12-04T07:30:00Z"));
  });

  it("reads a decision at the boundary only with a known outcome and a dated offset", () => {
    expect(ZDistributorDecisionSchema.safeParse({ decisionId: "d", platformReportId: "r", outcome: "maybe" }).success).toBe(false);
    expect(ZDistributorDecisionSchema.safeParse({ decisionId: "d", platformReportId: "r", outcome: "approved", decidedAt: "4 Dec" }).success).toBe(false);
  });
});
