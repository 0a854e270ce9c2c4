// Engagements waiting for approval longer than the configured SLA: approvers and admins hear
// about each once, when it crosses the SLA.
import { ENGAGEMENT_PERMISSIONS } from "../domain/permissions";
import { listEngagements } from "../store/engagements";
import type { DeadlineSource, DueItem } from "../../../platform/reminders/due-item";

export const PENDING_APPROVAL_KIND = "engagement.pending-approval";

// Enough for any real queue; a longer one is itself the news, and the oldest come first.
const SCAN_LIMIT = 500;

export const pendingApprovalSource: DeadlineSource = {
  kind: PENDING_APPROVAL_KIND,
  async due(db, organisation, now, settings) {
    const slaMs = settings.pendingApprovalSlaHours * 3_600_000;
    const { items } = await listEngagements(db, organisation.id, { states: ["pending"], limit: SCAN_LIMIT });
    return items
      .filter((engagement) => engagement.requestedAt.getTime() + slaMs <= now.getTime())
      .map(
        (engagement): DueItem => ({
          kind: PENDING_APPROVAL_KIND,
          deadlineKey: `engagement-pending:${engagement.id}`,
          threshold: "sla",
          deadlineAt: new Date(engagement.requestedAt.getTime() + slaMs),
          recipients: { roles: ENGAGEMENT_PERMISSIONS.rolesWith("engagement.decide") },
          facts: { reference: engagement.reference, client: engagement.clientName, title: engagement.title },
          dates: { requestedAt: engagement.requestedAt },
          fix: { verb: "engagement.open", data: { engagementId: engagement.id }, titleKey: "reminders.fix.review" },
        }),
      );
  },
};
