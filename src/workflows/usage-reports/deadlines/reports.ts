// Reminders of usage reports, through the platform's deadline registry (so they also show in
// "what needs me?" and "anything due this week?"): the automatic submission approaching (three
// days before its last day, the day before and that morning, to billing users and admins, with
// the uncommented discrepancies counted), and a rejected report waiting for its correction
// (every morning, to its submitter). Each reminder opens the report in one click.
import { scheduledAt } from "../domain/auto-submission";
import { formatDay, localDay } from "../domain/calendar";
import { autoSubmissionReminder, autoSubmissionThresholds, correctionReminder } from "../domain/reminders";
import { EDITABLE_STATES } from "../domain/report";
import { listEditableReports } from "../store/reports";
import { currentThreshold, type DeadlineSource, type DueItem } from "../../../platform/reminders/due-item";

export const AUTO_SUBMISSION_KIND = "usageReport.auto-submission";
export const CORRECTION_KIND = "usageReport.correction";

/** Reports looked at per organisation and run: the soonest automatic submissions first. */
const REPORTS_PER_RUN = 500;
/** The first reminder comes three days before the last day: nothing further out is due. */
const LOOK_AHEAD_MS = 5 * 86_400_000;

const fix = (reportId: string) => ({ verb: "usageReport.open", data: { reportId }, titleKey: "usageReport.fix.open" });

export const autoSubmissionSource: DeadlineSource = {
  kind: AUTO_SUBMISSION_KIND,
  async due(db, organisation, now) {
    const zone = organisation.timeZone;
    const reports = await listEditableReports(db, organisation.id, {
      states: EDITABLE_STATES,
      until: new Date(now.getTime() + LOOK_AHEAD_MS),
      limit: REPORTS_PER_RUN,
    });
    const items: DueItem[] = [];
    for (const { report, account } of reports) {
      const reminder = autoSubmissionReminder(report);
      const threshold = reminder && currentThreshold(autoSubmissionThresholds(report, zone), now, report.autoSubmitAt);
      if (!reminder || !threshold) continue;
      items.push({
        kind: AUTO_SUBMISSION_KIND,
        deadlineKey: `usage-report-auto:${report.id}`,
        threshold,
        deadlineAt: report.autoSubmitAt,
        recipients: { roles: reminder.recipients.roles },
        facts: { account: account.name, cycle: report.cycle, uncommented: reminder.uncommented },
        dates: { lastMoment: scheduledAt(report.autoSubmitAt, zone).lastMoment },
        fix: fix(report.id),
      });
    }
    return items;
  },
};

export const correctionSource: DeadlineSource = {
  kind: CORRECTION_KIND,
  async due(db, organisation, now) {
    const zone = organisation.timeZone;
    const reports = await listEditableReports(db, organisation.id, { states: ["rejected"], limit: REPORTS_PER_RUN });
    const items: DueItem[] = [];
    for (const { report, account } of reports) {
      const reminder = correctionReminder(report, zone, now);
      if (!reminder) continue;
      items.push({
        kind: CORRECTION_KIND,
        deadlineKey: `usage-report-correction:${report.id}:${report.version}`,
        // One a morning: each day's reminder is sent once.
        threshold: formatDay(localDay(reminder.at, zone)),
        deadlineAt: reminder.at,
        recipients: "userIds" in reminder.recipients ? { aadObjectIds: reminder.recipients.userIds } : { roles: reminder.recipients.roles },
        facts: { account: account.name, cycle: report.cycle, distributor: account.distributorName },
        dates: { rejectedAt: reminder.rejectedAt },
        fix: fix(report.id),
      });
    }
    return items;
  },
};
