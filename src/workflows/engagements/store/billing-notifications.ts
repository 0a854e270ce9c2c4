// Teams messages that billing changes owe people, enqueued in the outbox IN the transaction
// that makes the change (transactional outbox): the submitter hears of the vendor's decision,
// approvers hear of a client's completion request, if and only if the change is saved. The
// words are catalog keys, rendered in each reader's language and zone at delivery
// (src/reminders/notifications.ts); the month, the amount and the day are stored as typed
// facts (src/i18n/format.ts), never as words, so each reader gets them in their own style.
import type { BillingEntry } from "../domain/billing";
import type { Engagement } from "../domain/engagements";
import type { LocalizedValue } from "../../../platform/i18n/format";
import type { DbTx } from "../../../platform/store/db";
import { findEngagement, findEngagementEvent } from "./engagements";
import { listUsersWithRoles } from "../../../platform/store/organisations";
import { enqueueNotification } from "../../../platform/store/outbox";

export const BILLING_DECISION_KIND = "billing.decision";
export const COMPLETION_REQUEST_KIND = "billing.completion-request";

/** To the person who submitted the entry: rated at what, or rejected why. */
export async function enqueueBillingDecisionNotice(tx: DbTx, entry: BillingEntry): Promise<void> {
  const decision = entry.decision;
  if (!decision) return;
  const engagement = await findEngagement(tx, entry.organisationId, entry.engagementId);
  const rated = entry.state === "rated";
  await enqueueNotification(tx, {
    organisationId: entry.organisationId,
    recipientAadObjectId: entry.submittedById,
    kind: BILLING_DECISION_KIND,
    // An entry is decided once: one notice per entry, whatever the deliveries of the decision.
    dedupeKey: `billing-decision:${entry.id}`,
    now: decision.receivedAt,
    payload: {
      messageKey: rated ? "billing.notification.rated" : "billing.notification.rejected",
      titleKey: rated ? "billing.notification.titleRated" : "billing.notification.titleRejected",
      values: {
        entry: entry.reference,
        reference: engagement?.reference ?? "",
        month: { type: "month", month: entry.usageMonth } satisfies LocalizedValue,
        ...(rated ? { amount: ratedAmount(entry) } : { reason: decision.reason ?? "" }),
      },
      open: { verb: "engagement.billing", data: { engagementId: entry.engagementId }, titleKey: "billing.notification.open" },
    },
  });
}

function ratedAmount(entry: BillingEntry): LocalizedValue {
  return { type: "money", amount: entry.decision?.ratedAmount ?? entry.amount, currency: entry.decision?.ratedCurrency ?? entry.currency };
}

/** To every approver and admin of the organisation: the completion card is one click away. */
export async function enqueueCompletionRequestNotices(tx: DbTx, engagement: Engagement, now: Date): Promise<void> {
  const deciders = await listUsersWithRoles(tx, engagement.organisationId, ["approver", "admin"]);
  const requestedAt = await completionRequestedAt(tx, engagement);
  for (const decider of deciders) {
    await enqueueNotification(tx, {
      organisationId: engagement.organisationId,
      recipientAadObjectId: decider.aadObjectId,
      kind: COMPLETION_REQUEST_KIND,
      // The version names this request: a later request, after a new approval, is news again.
      dedupeKey: `completion-request:${engagement.id}:${engagement.version}:${decider.aadObjectId}`,
      now,
      payload: {
        messageKey: "billing.notification.completionRequested",
        titleKey: "billing.completion.title",
        values: {
          reference: engagement.reference,
          client: engagement.clientName,
          title: engagement.title,
          requestedAt: { type: "date", at: (requestedAt ?? now).toISOString() } satisfies LocalizedValue,
        },
        open: { verb: "completion.open", data: { engagementId: engagement.id }, titleKey: "billing.completion.review" },
      },
    });
  }
}

// The request's own date (the client's), from the event this version recorded: the caller's
// clock says when we heard of it, which may be days later for an import.
async function completionRequestedAt(tx: DbTx, engagement: Engagement): Promise<Date | undefined> {
  return (await findEngagementEvent(tx, engagement, engagement.version, "completion_requested"))?.at;
}
