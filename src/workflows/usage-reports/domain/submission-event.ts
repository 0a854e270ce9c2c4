// What leaves the bot when a report is submitted, by a person or by the platform's schedule:
// everything the partner's integration needs to submit it to the platform (DOMAIN.md, "The
// vendor's side"), written in the same transaction as the submission.
import { z } from "zod";
import type { MspAccount } from "./accounts";
import type { UsageReport } from "./report";

/** Dotted lower-case words, as every outbound event type (the platform refuses capitals and dashes). */
export const USAGE_REPORT_SUBMITTED = "usage.report.submitted";

const ZUnits = z.string().regex(/^\d+(\.\d+)?$/);

export const ZUsageReportSubmittedSchema = z.object({
  reportId: z.string(),
  platformReportId: z.string(),
  platformAccountId: z.string(),
  cycle: z.string(),
  how: z.enum(["manual", "automatic"]),
  submittedAt: z.iso.datetime(),
  /** Who submitted it; absent when the platform's schedule did. */
  submittedBy: z.object({ userId: z.string(), name: z.string() }).optional(),
  lines: z.array(
    z.object({
      lineId: z.string(),
      product: z.string(),
      unit: z.string(),
      provisionedUnits: ZUnits,
      billableUnits: ZUnits,
      comment: z.string().optional(),
    }),
  ),
  /** At an automatic submission, the uncommented discrepancies charged on the larger count. */
  penalties: z.array(z.object({ lineId: z.string(), chargedUnits: ZUnits, kind: z.enum(["over_provisioned", "under_provisioned"]) })),
});
export type TUsageReportSubmitted = z.infer<typeof ZUsageReportSubmittedSchema>;

/** The event of a report just submitted; throws for one that is not, a programming error. */
export function submittedEvent(report: UsageReport, account: MspAccount): TUsageReportSubmitted {
  const submission = report.submission;
  if (report.state !== "in_review" || !submission) throw new Error(`report ${report.id} is not submitted`);
  return {
    reportId: report.id,
    platformReportId: report.platformReportId,
    platformAccountId: account.platformAccountId,
    cycle: report.cycle,
    how: submission.how,
    submittedAt: submission.at.toISOString(),
    ...(submission.how === "manual" ? { submittedBy: submission.by } : {}),
    lines: report.lines.map((line) => ({
      lineId: line.id,
      product: line.product,
      unit: line.unit,
      provisionedUnits: line.provisionedUnits,
      billableUnits: line.billableUnits,
      ...(line.comment ? { comment: line.comment } : {}),
    })),
    penalties: submission.how === "automatic" ? submission.penalties.map(({ lineId, chargedUnits, kind }) => ({ lineId, chargedUnits, kind })) : [],
  };
}
