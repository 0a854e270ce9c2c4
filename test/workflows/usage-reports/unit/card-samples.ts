// Representative renderings of the usage-report templates, for the card validity and size tests
// (and for test/unit/cards/templates.test.ts, which wants a sample of every template).
import type { AdaptiveCard } from "../../../../src/platform/cards/render";
import type { Translator } from "../../../../src/platform/i18n/translator";
import type { UsageReport, UsageReportLine } from "../../../../src/workflows/usage-reports/domain/report";
import { usageReportCard, usageReportListCard } from "../../../../src/workflows/usage-reports/views/report";
import { account, line, report } from "./fixtures";

const now = new Date("2026-12-02T09:00:00Z");

/** A report of `count` lines with long product names: every seventh a discrepancy, some uncommented. */
export function longReport(count: number, overrides: Partial<UsageReport> = {}): UsageReport {
  const lines: UsageReportLine[] = Array.from({ length: count }, (_, i) => {
    const id = `L${String(i + 1).padStart(4, "0")}`;
    const product = `Microsoft 365 Business Premium, managed tenant ${i + 1} (annual commitment, monthly billing)`;
    if (i % 7 === 0)
      return line(id, "120.5", "118.25", {
        product,
        unit: "GB-months",
        ...(i % 14 === 0 ? { comment: "Storage freed on the 28th after the archive migration".repeat(3) } : {}),
      });
    return line(id, "40", "40", { product });
  });
  return report({ lines, ...overrides });
}

export const usageReportCardSamples: Record<string, (t: Translator) => AdaptiveCard[]> = {
  "usage-report": (t) => [
    usageReportCard({ report: longReport(500), account, t, organisationTimeZone: "Europe/Paris", now, canEdit: true }),
    usageReportCard({ report: longReport(500), account, t, organisationTimeZone: "Europe/Paris", now, canEdit: false, page: 25 }),
    usageReportCard({
      report: longReport(3, {
        state: "rejected",
        submission: { how: "manual", at: now, by: { userId: "aad-ana", name: "Ana" } },
        decisions: [
          {
            decisionId: "D-1",
            outcome: "rejected",
            note: "Storage does not match",
            lineNotes: [{ lineId: "L0001", note: "Explain the 2.25 GB-months" }],
            decidedAt: now,
            receivedAt: now,
          },
        ],
      }),
      account,
      t,
      organisationTimeZone: "Asia/Jakarta",
      now,
      canEdit: true,
      notice: { text: "Draft saved.", style: "good" },
    }),
  ],
  "usage-report-list": (t) => [
    usageReportListCard(
      t,
      "3 usage reports",
      [1, 2, 3].map((i) => ({ id: `rep-${i}`, text: `Contoso MSP · November 2026: MSP preparing` })),
    ),
  ],
};

/** The name test/unit/cards/templates.test.ts looks for in each workflow's card-samples.ts. */
export const cardSamples = usageReportCardSamples;
