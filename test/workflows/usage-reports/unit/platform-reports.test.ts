// The platform's reports arriving: created once, updated while in preparation, replays change
// nothing, the same id for another report is a conflict, and the MSP's own work survives.
import { describe, expect, it } from "vitest";
import { type TPlatformReport, ZPlatformReportSchema, receivePlatformReport } from "../../../../src/workflows/usage-reports/domain/platform-reports";
import type { UsageReport } from "../../../../src/workflows/usage-reports/domain/report";
import { saveDraft } from "../../../../src/workflows/usage-reports/domain/editing";
import { accepted, account, ana, refusal } from "./fixtures";

const now = new Date("2026-12-01T08:00:00Z");
const context = { id: "rep-1", now, timeZone: "Europe/Paris" };

const platformReport = (overrides: Record<string, unknown> = {}): TPlatformReport =>
  ZPlatformReportSchema.parse({
    platformReportId: "LMP-R-2026-11",
    platformAccountId: "LMP-77",
    cycle: "2026-11",
    openedAt: "2026-12-01T00:30:00+01:00",
    lines: [
      { lineId: "seats", product: "Endpoint security", unit: "license seats", provisionedUnits: "10" },
      { lineId: "gb", product: "Email archive", unit: "GB-months", provisionedUnits: 120.5, billableUnits: "118" },
    ],
    ...overrides,
  });

function created(): UsageReport {
  const change = accepted(receivePlatformReport(undefined, platformReport(), account, context));
  if (!change.audit) throw new Error("expected a new report");
  return change.record;
}

describe("a report from the platform", () => {
  it("opens in preparation, billable units taken from the platform's chargeable ones or else the provisioned", () => {
    const change = accepted(receivePlatformReport(undefined, platformReport(), account, context));
    expect(change.record).toMatchObject({ state: "in_preparation", version: 0, cycle: "2026-11", accountId: "acct-1", organisationId: "org-1" });
    expect(change.record.lines.map(({ id, provisionedUnits, billableUnits }) => [id, provisionedUnits, billableUnits])).toEqual([
      ["seats", "10", "10"],
      ["gb", "120.5", "118"],
    ]);
    expect(change.audit).toEqual({
      action: "opened",
      after: { cycle: "2026-11", openedAt: "2026-11-30T23:30:00.000Z", autoSubmitAt: "2026-12-05T23:00:00.000Z", lines: 2 },
    });
  });

  it("fixes its automatic submission when it opens: the account's days from the opening day in the organisation's zone", () => {
    expect(created().autoSubmitAt).toEqual(new Date("2026-12-05T23:00:00Z"));
    const jakarta = accepted(
      receivePlatformReport(undefined, platformReport(), { ...account, autoSubmitDelayDays: 10 }, { ...context, timeZone: "Asia/Jakarta" }),
    ).record;
    // 1 December 06:30 in Jakarta + 10 days: editable through 11 December, submitted at its midnight.
    expect(jakarta.autoSubmitAt).toEqual(new Date("2026-12-11T17:00:00Z"));
  });

  it("is refused for an account other than the one it names", () => {
    expect(refusal(receivePlatformReport(undefined, platformReport({ platformAccountId: "LMP-78" }), account, context))?.code).toBe("not_found");
  });

  it("is refused for an account without usage reporting", () => {
    expect(refusal(receivePlatformReport(undefined, platformReport(), { ...account, usageReporting: false }, context))).toEqual({
      code: "reporting_not_available",
      facts: { account: "Contoso MSP" },
    });
  });

  it("is refused with a cycle that is not a month, negative units, or a line twice", () => {
    expect(refusal(receivePlatformReport(undefined, platformReport({ cycle: "2026-13" }), account, context))?.code).toBe("cycle_invalid");
    const negative = platformReport({ lines: [{ lineId: "a", product: "A", unit: "seats", provisionedUnits: "-1" }] });
    expect(refusal(receivePlatformReport(undefined, negative, account, context))).toEqual({
      code: "units_invalid",
      facts: { product: "A", rule: "negative", maxDecimals: 6 },
    });
    const twice = platformReport({
      lines: [
        { lineId: "a", product: "A", unit: "seats", provisionedUnits: "1" },
        { lineId: "a", product: "A", unit: "seats", provisionedUnits: "2" },
      ],
    });
    expect(refusal(receivePlatformReport(undefined, twice, account, context))?.code).toBe("line_duplicated");
  });

  it("is refused when it opens later than now", () => {
    expect(refusal(receivePlatformReport(undefined, platformReport({ openedAt: "2026-12-01T09:00:00Z" }), account, context))?.code).toBe("timestamp_in_future");
  });

  it("sent again with the same facts is a replay that changes nothing", () => {
    const existing = created();
    const again = accepted(receivePlatformReport(existing, platformReport(), account, context));
    expect(again.audit).toBeUndefined();
    expect(again.record).toBe(existing);
  });

  it("with the same id for another cycle, account or opening is a conflict", () => {
    const existing = created();
    expect(refusal(receivePlatformReport(existing, platformReport({ cycle: "2026-10" }), account, context))).toEqual({
      code: "report_facts_conflict",
      facts: { platformReportId: "LMP-R-2026-11", field: "cycle" },
    });
    expect(refusal(receivePlatformReport(existing, platformReport(), { ...account, id: "acct-2" }, context))?.code).toBe("report_facts_conflict");
    expect(refusal(receivePlatformReport(existing, platformReport({ openedAt: "2026-12-01T00:00:00Z" }), account, context))?.code).toBe(
      "report_facts_conflict",
    );
  });

  it("updates the provisioned lines while in preparation, keeping the billable units and comments the MSP set", () => {
    const edited = accepted(
      saveDraft(created(), { baseVersion: 0, lines: [{ lineId: "seats", billableUnits: "8", comment: "Two cancelled" }] }, ana, now),
    ).record;
    const update = platformReport({
      lines: [
        { lineId: "seats", product: "Endpoint security", unit: "license seats", provisionedUnits: "11" },
        { lineId: "gb", product: "Email archive", unit: "GB-months", provisionedUnits: "121" },
        { lineId: "edr", product: "Detection and response", unit: "license seats", provisionedUnits: "5" },
      ],
    });
    const change = accepted(receivePlatformReport(edited, update, account, { ...context, id: "ignored" }));
    expect(change.record.id).toBe("rep-1");
    expect(change.record.version).toBe(2);
    expect(change.record.lines.map(({ id, provisionedUnits, billableUnits, comment }) => [id, provisionedUnits, billableUnits, comment])).toEqual([
      ["seats", "11", "8", "Two cancelled"],
      ["gb", "121", "121", undefined],
      ["edr", "5", "5", undefined],
    ]);
    expect(change.audit?.action).toBe("platform_updated");
  });

  it("drops lines the platform no longer sends, recording them in the history", () => {
    const change = accepted(
      receivePlatformReport(
        created(),
        platformReport({ lines: [{ lineId: "seats", product: "Endpoint security", unit: "license seats", provisionedUnits: "10" }] }),
        account,
        context,
      ),
    );
    expect(change.record.lines.map(({ id }) => id)).toEqual(["seats"]);
    expect(change.audit?.after).toMatchObject({ removed: ["gb"] });
  });

  it("makes a card shown before the update see the platform's change instead of overwriting it", () => {
    const update = platformReport({ lines: [{ lineId: "seats", product: "Endpoint security", unit: "license seats", provisionedUnits: "12" }] });
    const updated = accepted(receivePlatformReport(created(), update, account, context)).record;
    expect(refusal(saveDraft(updated, { baseVersion: 0, lines: [{ lineId: "seats", billableUnits: "10" }] }, ana, now))).toMatchObject({
      code: "edited_meanwhile",
      facts: { by: "Licensing platform", count: 1 },
    });
  });

  it("refuses new counts once the report has left preparation", () => {
    const submitted: UsageReport = { ...created(), state: "in_review" };
    expect(refusal(receivePlatformReport(submitted, platformReport({ lines: [] }), account, context))).toEqual({
      code: "report_not_in_preparation",
      facts: { platformReportId: "LMP-R-2026-11", state: "in_review" },
    });
  });
});
