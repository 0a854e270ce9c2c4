// Every way a usage-report rule says no. Each code has words in the catalogs
// (usageReport.refusal.<code>), with the refusal's facts as the message's arguments.
import { type RefusalFacts, type Result, refuse } from "../../../platform/domain/result";

export const USAGE_REPORT_REFUSALS = [
  "not_found",
  "not_permitted",
  "reporting_not_available",
  "not_editable",
  "edited_meanwhile",
  "line_unknown",
  "units_invalid",
  "comment_too_long",
  "comment_required",
  "auto_submission_due",
  "auto_submission_not_due",
  "auto_submission_passed",
  "not_in_review",
  "decision_id_reused",
  "rejection_note_required",
  "note_too_long",
  "timestamp_in_future",
  "timestamp_before_event",
  "cycle_invalid",
  "line_duplicated",
  "report_facts_conflict",
  "report_not_in_preparation",
  "year_invalid",
] as const;
export type UsageReportRefusal = (typeof USAGE_REPORT_REFUSALS)[number];

export type UsageReportResult<T> = Result<T, UsageReportRefusal>;

export const refuseReport = <T = never>(code: UsageReportRefusal, facts: RefusalFacts = {}): UsageReportResult<T> => refuse<T, UsageReportRefusal>(code, facts);
