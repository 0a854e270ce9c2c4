// Automatic submission (DOMAIN.md section 2): the platform submits a report the MSP has not
// submitted once the account's number of days after the report opened has passed. Days are
// calendar days in the organisation's zone: a report opened on 1 December with a 4-day delay
// stays editable through 5 December and is submitted at the first instant of 6 December.
//
// Which reports: one still in preparation, or one rejected before that time and not resubmitted
// (the schedule runs whatever the distributor did). A report rejected after its time, already
// submitted once by the schedule or by hand, waits for a correction by hand; its submitter is
// reminded daily instead. A report in review or approved is never touched: that is what makes a
// second instance running the same schedule a no-op.
import { accept } from "../../../platform/domain/result";
import { addDays, daysBetween, endOfDay, formatDay, localDay } from "./calendar";
import { penaltiesOf } from "./discrepancies";
import { type UsageReportResult, refuseReport } from "./refusals";
import { type UsageReport, type UsageReportChange, isEditable, lastDecision, stateFacts } from "./report";

export interface AutoSubmissionTime {
  /** The first instant of the day after `lastDay`: when the platform submits. */
  at: Date;
  /** The last local day on which the MSP can still submit, "YYYY-MM-DD". */
  lastDay: string;
  /** The last minute shown to people ("on 5 Dec at 23:59"). */
  lastMoment: Date;
}

/** When a report opened at `openedAt` submits automatically, for an account's delay in days. */
export function autoSubmissionTime(openedAt: Date, delayDays: number, timeZone: string): AutoSubmissionTime {
  return scheduledAt(endOfDay(addDays(localDay(openedAt, timeZone), delayDays), timeZone), timeZone);
}

/** A report's automatic submission as people read it, in the organisation's zone. */
export function scheduledAt(at: Date, timeZone: string): AutoSubmissionTime {
  const lastMoment = new Date(at.getTime() - 60_000);
  return { at, lastDay: formatDay(localDay(lastMoment, timeZone)), lastMoment };
}

/** Whether the schedule will still submit this report (or would have, had its time come). */
export function awaitsAutoSubmission(report: Pick<UsageReport, "state" | "decisions" | "autoSubmitAt">): boolean {
  if (!isEditable(report)) return false;
  if (report.state === "in_preparation") return true;
  const rejection = lastDecision(report);
  return rejection !== undefined && rejection.decidedAt.getTime() < report.autoSubmitAt.getTime();
}

/**
 * Once the time has come for a report the schedule submits, the platform has submitted it: a
 * change made before the bot records that would be a change the distributor never sees.
 */
export function checkBeforeAutoSubmission(report: UsageReport, now: Date): UsageReportResult<UsageReport> {
  if (awaitsAutoSubmission(report) && now.getTime() >= report.autoSubmitAt.getTime()) {
    return refuseReport("auto_submission_due", { at: new Date(report.autoSubmitAt.getTime() - 60_000) });
  }
  return accept(report);
}

/** Local calendar days from today to the last day: 0 on the last day itself ("submits automatically today"). */
export function daysUntilAutoSubmission(time: Pick<AutoSubmissionTime, "lastDay">, timeZone: string, now: Date): number {
  const [year, month, day] = time.lastDay.split("-").map(Number) as [number, number, number];
  return daysBetween(localDay(now, timeZone), { year, month, day });
}

/**
 * The platform's submission: recorded as "submitted automatically", with every discrepancy left
 * uncommented at that moment listed as a penalty incurred (charged on the larger count).
 */
export function autoSubmitReport(report: UsageReport, now: Date): UsageReportResult<UsageReportChange> {
  if (!isEditable(report)) return refuseReport("not_editable", stateFacts(report));
  const lastMoment = new Date(report.autoSubmitAt.getTime() - 60_000);
  if (now.getTime() < report.autoSubmitAt.getTime()) return refuseReport("auto_submission_not_due", { at: lastMoment });
  if (!awaitsAutoSubmission(report)) return refuseReport("auto_submission_passed", { at: lastMoment, rejectedAt: lastDecision(report)?.decidedAt });
  const penalties = penaltiesOf(report.lines);
  const record: UsageReport = {
    ...report,
    state: "in_review",
    version: report.version + 1,
    submission: { how: "automatic", at: now, dueAt: report.autoSubmitAt, penalties },
  };
  return accept({
    record,
    audit: {
      action: "submitted_automatically",
      before: { state: report.state },
      after: { state: record.state, dueAt: report.autoSubmitAt.toISOString(), penalties },
    },
  });
}
