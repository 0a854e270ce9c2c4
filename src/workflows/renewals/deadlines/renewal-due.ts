// Renewals not yet quoted, reminded 180, 90, 60 and 30 days before their end date (each stage
// once: the outbox keeps one row per line item and stage), to the account's owner or, when the
// report named none the bot knows, to the billing users. They show in the digest, "what needs
// me?" and "anything due?" through the deadline registry.
import type { DeadlineSource, DueItem } from "../../../platform/reminders/due-item";
import { todayIn } from "../domain/calendar-dates";
import { RENEWAL_HORIZON_DAYS, renewalReminder } from "../domain/horizon";
import { renewalPermissions } from "../domain/permissions";
import { listOpenLineItemsEnding } from "../store/line-items";

export const RENEWAL_DUE_KIND = "renewal.due";

export const renewalDueSource: DeadlineSource = {
  kind: RENEWAL_DUE_KIND,
  async due(db, organisation, now) {
    const zone = organisation.timeZone;
    const items = await listOpenLineItemsEnding(db, organisation.id, todayIn(zone, now), RENEWAL_HORIZON_DAYS);
    return items.flatMap((item): DueItem[] => {
      const reminder = renewalReminder(item, zone, now);
      if (!reminder) return [];
      const { recipients } = reminder;
      return [
        {
          kind: RENEWAL_DUE_KIND,
          deadlineKey: `renewal:${item.id}`,
          threshold: `days${reminder.stage}`,
          deadlineAt: reminder.lapsesAt,
          recipients: recipients.kind === "owner" ? { aadObjectIds: [recipients.userId] } : { roles: renewalPermissions.rolesWith("renewal.manage") },
          facts: {
            customer: item.customerName,
            agreementNumber: item.agreementNumber,
            lineItem: item.lineItem,
            endDate: item.endDate,
            amount: item.amount,
            currency: item.currency,
            stage: reminder.stage,
          },
          dates: { endsAt: reminder.lapsesAt },
          fix: { verb: "renewal.open", data: { lineItemId: item.id }, titleKey: "renewal.fix.open" },
        },
      ];
    });
  },
};
