// The event a submission emits, for the integration that submits the report to the platform.
import { describe, expect, it } from "vitest";
import { ZMspAccountSchema, checkReportingAvailable } from "../../../../src/workflows/usage-reports/domain/accounts";
import { autoSubmitReport } from "../../../../src/workflows/usage-reports/domain/auto-submission";
import { submitReport } from "../../../../src/workflows/usage-reports/domain/editing";
import { ZUsageReportSubmittedSchema, submittedEvent } from "../../../../src/workflows/usage-reports/domain/submission-event";
import { accepted, account, ana, line, refusal, report } from "./fixtures";

const now = new Date("2026-12-02T09:15:00Z");

describe("the submission event", () => {
  it("carries the lines, billable units and comments of a report submitted by a person", () => {
    const submitted = accepted(
      submitReport(report(), { baseVersion: 3, lines: [{ lineId: "seats", billableUnits: "8", comment: "Two cancelled" }] }, ana, now),
    ).record;
    const event = ZUsageReportSubmittedSchema.parse(submittedEvent(submitted, account));
    expect(event).toMatchObject({
      platformReportId: "LMP-R-2026-11",
      platformAccountId: "LMP-77",
      cycle: "2026-11",
      how: "manual",
      submittedAt: now.toISOString(),
      submittedBy: { userId: "aad-ana", name: "Ana" },
      penalties: [],
    });
    expect(event.lines[0]).toEqual({
      lineId: "seats",
      product: "Product seats",
      unit: "license seats",
      provisionedUnits: "10",
      billableUnits: "8",
      comment: "Two cancelled",
    });
  });

  it("carries the penalties of an automatic submission and names no person", () => {
    const due = new Date("2026-12-05T23:00:00Z");
    const submitted = accepted(autoSubmitReport(report({ lines: [line("seats", "10", "8")] }), due)).record;
    const event = ZUsageReportSubmittedSchema.parse(submittedEvent(submitted, account));
    expect(event.how).toBe("automatic");
    expect(event.submittedBy).toBeUndefined();
    expect(event.penalties).toEqual([{ lineId: "seats", chargedUnits: "10", kind: "over_provisioned" }]);
  });

  it("is never made for a report that is not submitted", () => {
    expect(() => submittedEvent(report(), account)).toThrow(/not submitted/);
  });
});

describe("MSP accounts", () => {
  it("read from the import with a whole, non-negative delay in days", () => {
    const input = { platformAccountId: "LMP-77", name: "Contoso MSP", distributorName: "Northwind", autoSubmitDelayDays: 5, usageReporting: true };
    expect(ZMspAccountSchema.safeParse(input).success).toBe(true);
    for (const autoSubmitDelayDays of [-1, 2.5, 91])
      expect(ZMspAccountSchema.safeParse({ ...input, autoSubmitDelayDays }).success, String(autoSubmitDelayDays)).toBe(false);
  });

  it("show reports only where usage reporting applies", () => {
    expect(checkReportingAvailable(account).ok).toBe(true);
    expect(refusal(checkReportingAvailable({ ...account, usageReporting: false }))).toEqual({
      code: "reporting_not_available",
      facts: { account: "Contoso MSP" },
    });
  });
});
