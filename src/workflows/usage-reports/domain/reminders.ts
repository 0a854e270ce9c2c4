// When the bot speaks up about a report (issue 14, "Reminders"): the automatic submission
// approaching, three days before its last day, the day before and on the morning of the day
// itself, to billing users and admins; a rejected report waiting for its correction, every
// morning, to its submitter. Mornings are at 08:00 in the organisation's zone.
import type { Role } from "../../../platform/domain/roles";
import { awaitsAutoSubmission, scheduledAt } from "./auto-submission";
import { addDays, atLocalTime, localDay } from "./calendar";
import { uncommentedDiscrepancies } from "./discrepancies";
import { usageReportPermissions } from "./permissions";
import { type UsageReport, openRejection } from "./report";

export const MORNING_HOUR = 8;

const AUTO_SUBMISSION_THRESHOLDS = [
  { name: "threeDays", daysBefore: 3 },
  { name: "oneDay", daysBefore: 1 },
  { name: "lastDay", daysBefore: 0 },
] as const;
export type AutoSubmissionThreshold = (typeof AUTO_SUBMISSION_THRESHOLDS)[number]["name"];

/** The reminders before one report's automatic submission; those before the report opened are dropped. */
export function autoSubmissionThresholds(
  report: Pick<UsageReport, "openedAt" | "autoSubmitAt">,
  timeZone: string,
): { name: AutoSubmissionThreshold; at: Date }[] {
  const [year, month, day] = scheduledAt(report.autoSubmitAt, timeZone).lastDay.split("-").map(Number) as [number, number, number];
  return AUTO_SUBMISSION_THRESHOLDS.map(({ name, daysBefore }) => ({
    name,
    at: atLocalTime(addDays({ year, month, day }, -daysBefore), MORNING_HOUR, timeZone),
  })).filter(({ at }) => at.getTime() >= report.openedAt.getTime());
}

export interface AutoSubmissionReminder {
  recipients: { roles: readonly Role[] };
  /** Counted in the reminder: what will cost a penalty if left so. */
  uncommented: number;
}

/** Who hears of an approaching automatic submission, or nothing when the schedule will not submit the report. */
export function autoSubmissionReminder(report: UsageReport): AutoSubmissionReminder | undefined {
  if (!awaitsAutoSubmission(report)) return undefined;
  return { recipients: { roles: usageReportPermissions.rolesWith("usage-report.edit") }, uncommented: uncommentedDiscrepancies(report.lines).length };
}

export interface CorrectionReminder {
  /** The submitter; for a report the platform submitted, whoever may edit it. */
  recipients: { userIds: readonly string[] } | { roles: readonly Role[] };
  /** This morning's reminder; the registry sends each at most once. */
  at: Date;
  rejectedAt: Date;
}

/** The daily reminder of a rejected report, from the first morning after the rejection reached us. */
export function correctionReminder(report: UsageReport, timeZone: string, now: Date): CorrectionReminder | undefined {
  const rejection = openRejection(report);
  if (!rejection) return undefined;
  const today = atLocalTime(localDay(now, timeZone), MORNING_HOUR, timeZone);
  const at = today.getTime() <= now.getTime() ? today : atLocalTime(addDays(localDay(now, timeZone), -1), MORNING_HOUR, timeZone);
  if (at.getTime() <= rejection.receivedAt.getTime()) return undefined;
  const submission = report.submission;
  const recipients = submission?.how === "manual" ? { userIds: [submission.by.userId] } : { roles: usageReportPermissions.rolesWith("usage-report.edit") };
  return { recipients, at, rejectedAt: rejection.decidedAt };
}
