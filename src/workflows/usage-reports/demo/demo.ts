// The usage-report part of the demo organisation: two MSP accounts with different delays, last
// month's report of the first in preparation with two uncommented discrepancies and its
// automatic submission in two days, the second account's report under review, and an older one
// rejected by the distributor with notes on its lines. Dates count back from the demo anchor.
import type { DemoContext, DemoStepReport, WorkflowDemo } from "../../../platform/import/demo/demo-context";
import type { UsageReportActor } from "../domain/report";
import { recordDecision, submitOnce } from "../store/commands";
import { findAccountByPlatformId, findReportByPlatformId } from "../store/reports";

const DAY = 86_400_000;
const FIRST = { platformAccountId: "LMP-DEMO-1", name: "Contoso MSP", distributorName: "Northwind Distribution", autoSubmitDelayDays: 5, usageReporting: true };
const SECOND = {
  platformAccountId: "LMP-DEMO-2",
  name: "Fabrikam Cloud MSP",
  distributorName: "Tailspin Distribution",
  autoSubmitDelayDays: 10,
  usageReporting: true,
};
/** Opened this many days before the anchor: the first account's report submits automatically in two days. */
const PREPARING_OPENED_DAYS = FIRST.autoSubmitDelayDays - 2;

function cycleBefore(anchor: Date, months: number): string {
  const month = anchor.getUTCFullYear() * 12 + anchor.getUTCMonth() - months;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
}

const lines = (discrepancies: boolean) => [
  {
    lineId: "m365-bp",
    product: "Microsoft 365 Business Premium",
    unit: "license seats",
    provisionedUnits: "48",
    ...(discrepancies ? { billableUnits: "45" } : {}),
  },
  { lineId: "defender", product: "Defender for Endpoint P1", unit: "license seats", provisionedUnits: "48" },
  { lineId: "backup", product: "Cloud backup storage", unit: "GB-months", provisionedUnits: "1250.5", ...(discrepancies ? { billableUnits: "1310.75" } : {}) },
  { lineId: "exchange", product: "Exchange Online Plan 1", unit: "license seats", provisionedUnits: "12" },
  { lineId: "teams-phone", product: "Teams Phone Standard", unit: "license seats", provisionedUnits: "20" },
];

const reportIds = (anchor: Date) => ({
  preparing: `LMP-R-DEMO-1-${cycleBefore(anchor, 1)}`,
  inReview: `LMP-R-DEMO-2-${cycleBefore(anchor, 1)}`,
  rejected: `LMP-R-DEMO-2-${cycleBefore(anchor, 2)}`,
});

const ago = (anchor: Date, days: number) => new Date(anchor.getTime() - days * DAY).toISOString();

function actorOf(demo: DemoContext): UsageReportActor {
  return { userId: demo.users.billing.aadObjectId, name: demo.users.billing.name, role: "billing" };
}

/** Submits a report by the demo's billing user, every discrepancy commented; done once. */
async function submitted(demo: DemoContext, platformReportId: string, at: Date): Promise<boolean> {
  const report = await findReportByPlatformId(demo.db, demo.organisation.id, platformReportId);
  if (report?.state !== "in_preparation") return false;
  const edit = {
    baseVersion: report.version,
    lines: report.lines.map((line) => ({ lineId: line.id, comment: line.billableUnits === line.provisionedUnits ? "" : "Seats released at month end" })),
  };
  const outcome = await submitOnce(demo.db, { organisationId: demo.organisation.id, reportId: report.id, edit, actor: actorOf(demo), now: at });
  return outcome.kind === "changed";
}

async function seedDemoUsageReports(demo: DemoContext): Promise<DemoStepReport> {
  const ids = reportIds(demo.anchor);
  let applied = 0;
  if (await submitted(demo, ids.inReview, new Date(demo.anchor.getTime() - DAY))) applied += 1;
  if (await submitted(demo, ids.rejected, new Date(demo.anchor.getTime() - 6 * DAY))) applied += 1;
  const rejectedAt = new Date(demo.anchor.getTime() - 5 * DAY);
  const rejection = await recordDecision(
    demo.db,
    demo.organisation.id,
    {
      decisionId: `DEMO-DECISION-${ids.rejected}`,
      platformReportId: ids.rejected,
      outcome: "rejected",
      note: "Seat counts do not match our records for the month.",
      lineNotes: [{ lineId: "m365-bp", note: "Attach the cancellation for the 3 seats." }],
      decidedAt: rejectedAt,
    },
    rejectedAt,
  );
  if (rejection.kind === "changed") applied += 1;
  return { step: "usage reports submitted and decided", applied, unchanged: 3 - applied };
}

export const usageReportDemo: WorkflowDemo = {
  records: (anchor) => {
    const ids = reportIds(anchor);
    return {
      mspAccounts: [FIRST, SECOND],
      usageReports: [
        {
          platformReportId: ids.preparing,
          platformAccountId: FIRST.platformAccountId,
          cycle: cycleBefore(anchor, 1),
          openedAt: ago(anchor, PREPARING_OPENED_DAYS),
          lines: lines(true),
        },
        {
          platformReportId: ids.inReview,
          platformAccountId: SECOND.platformAccountId,
          cycle: cycleBefore(anchor, 1),
          openedAt: ago(anchor, 3),
          lines: lines(true),
        },
        {
          platformReportId: ids.rejected,
          platformAccountId: SECOND.platformAccountId,
          cycle: cycleBefore(anchor, 2),
          openedAt: ago(anchor, 8),
          lines: lines(true),
        },
      ],
    };
  },
  async storedAnchor(db, organisation) {
    const account = await findAccountByPlatformId(db, organisation.id, FIRST.platformAccountId);
    if (!account) return undefined;
    const report = await db.usageReport.findFirst({
      where: { organisationId: organisation.id, accountId: account.id, platformReportId: { startsWith: "LMP-R-DEMO-1-" } },
      orderBy: { cycle: "desc" },
    });
    return report ? new Date(report.openedAt.getTime() + PREPARING_OPENED_DAYS * DAY) : undefined;
  },
  steps: [seedDemoUsageReports],
};
