// The Teams message a rejection owes its submitter, enqueued in the outbox in the transaction
// that records the distributor's decision: the submitter hears of it if and only if it is saved.
// A report the platform submitted has no submitter: billing users and admins hear of it. Words
// are catalog keys rendered in each reader's language at delivery; the cycle is a typed month.
import type { MspAccount } from "../domain/accounts";
import { usageReportPermissions } from "../domain/permissions";
import { type UsageReport, openRejection } from "../domain/report";
import type { LocalizedValue } from "../../../platform/i18n/format";
import type { DbTx } from "../../../platform/store/db";
import { listUsersWithRoles } from "../../../platform/store/organisations";
import { enqueueNotification } from "../../../platform/store/outbox";

export const REJECTION_NOTICE_KIND = "usageReport.rejected";

export async function enqueueRejectionNotice(tx: DbTx, report: UsageReport, account: MspAccount): Promise<void> {
  const rejection = openRejection(report);
  if (!rejection) return;
  const submission = report.submission;
  const recipients =
    submission?.how === "manual"
      ? [submission.by.userId]
      : (await listUsersWithRoles(tx, report.organisationId, [...usageReportPermissions.rolesWith("usage-report.edit")])).map((user) => user.aadObjectId);
  for (const recipient of recipients) {
    await enqueueNotification(tx, {
      organisationId: report.organisationId,
      recipientAadObjectId: recipient,
      kind: REJECTION_NOTICE_KIND,
      // A decision is recorded once: one notice per decision and person.
      dedupeKey: `usage-report-rejected:${report.id}:${rejection.decisionId}:${recipient}`,
      now: rejection.receivedAt,
      payload: {
        messageKey: "usageReport.rejection.heard",
        titleKey: "usageReport.rejection.noticeTitle",
        values: { distributor: account.distributorName, account: account.name, cycle: { type: "month", month: report.cycle } satisfies LocalizedValue },
        open: { verb: "usageReport.open", data: { reportId: report.id }, titleKey: "usageReport.fix.open" },
      },
    });
  }
}
