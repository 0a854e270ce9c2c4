// The usage-report workflow's outbound event: a submission, by a person or by the platform's
// schedule, carries the report's lines, billable units and comments for the integration that
// submits it to the licensing platform. Emitted in the transaction of the submission.
import { defineEvent, type EventCatalog } from "../../platform/events/define-event";
import { USAGE_REPORT_SUBMITTED, ZUsageReportSubmittedSchema } from "./domain/submission-event";

export const usageReportSubmitted = defineEvent(
  USAGE_REPORT_SUBMITTED,
  ZUsageReportSubmittedSchema.meta({ id: "UsageReportSubmission" }),
  "A usage report was submitted for the distributor's review, by a billing user or automatically at its deadline.",
);

export const USAGE_REPORT_EVENTS: EventCatalog = [usageReportSubmitted];

/** One event per submission: a report's version at its submission names it. */
export function submissionEventId(reportId: string, version: number): string {
  return `evt_usage_${reportId.replaceAll("-", "")}_${version}`;
}
