// Billing submissions the vendor has not rated 24 h after they were sent (DOMAIN.md section
// 1): billing users and admins hear about each once, when it becomes overdue.
import { ENGAGEMENT_PERMISSIONS } from "../domain/permissions";
import { overdueAt } from "../domain/billing";
import { listOverdueBillingEntries } from "../store/billing";
import { findEngagement } from "../store/engagements";
import type { DeadlineSource, DueItem } from "../../../platform/reminders/due-item";

export const BILLING_UNRATED_KIND = "billing.unrated";

export const billingUnratedSource: DeadlineSource = {
  kind: BILLING_UNRATED_KIND,
  async due(db, organisation, now) {
    const entries = await listOverdueBillingEntries(db, organisation.id, now);
    const items: DueItem[] = [];
    for (const entry of entries) {
      const engagement = await findEngagement(db, organisation.id, entry.engagementId);
      items.push({
        kind: BILLING_UNRATED_KIND,
        deadlineKey: `billing-unrated:${entry.id}`,
        threshold: "24h",
        deadlineAt: overdueAt(entry),
        recipients: { roles: ENGAGEMENT_PERMISSIONS.rolesWith("billing.submit") },
        facts: { entry: entry.reference, reference: engagement?.reference ?? "", client: engagement?.clientName ?? "" },
        dates: { submittedAt: entry.submittedAt },
        fix: { verb: "engagement.open", data: { engagementId: entry.engagementId }, titleKey: "reminders.fix.open" },
      });
    }
    return items;
  },
};
