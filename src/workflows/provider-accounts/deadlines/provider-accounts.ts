// Through the deadline registry: every day, one digest item per person with the number of
// unmapped provider accounts and the oldest first, until they are mapped (billing users from the
// start, admins once an account has waited three days, or from the start with no billing user);
// and a follow-up to the sender of each relationship request not accepted after the configured
// number of days. The threshold of the daily item is the organisation's local day, so the digest
// repeats once a day and stops the day nothing is left unmapped.
import type { Role } from "../../../platform/domain/roles";
import { wallClock } from "../../../platform/domain/zoned-time";
import type { DeadlineSource, DueItem } from "../../../platform/reminders/due-item";
import { listUsersWithRoles } from "../../../platform/store/organisations";
import { followUpDueAt, followUpReminders, unmappedDigestFor } from "../domain/deadlines";
import { providerAccountPermissions } from "../domain/permissions";
import { ZProviderAccountSettingsSchema } from "../domain/settings";
import { listUnmapped } from "../store/provider-accounts";
import { listAwaitingAcceptance } from "../store/relationship-requests";

export const UNMAPPED_KIND = "providerAccount.unmapped";
export const FOLLOW_UP_KIND = "providerAccount.invitationFollowUp";

/** The oldest accounts read for the digest: its count is exact up to this, the oldest always first. */
const SCAN_LIMIT = 500;

function localDay(now: Date, timeZone: string): string {
  const { year, month, day } = wallClock(now, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const unmappedSource: DeadlineSource = {
  kind: UNMAPPED_KIND,
  async due(db, organisation, now) {
    const { items: accounts } = await listUnmapped(db, organisation.id, { limit: SCAN_LIMIT });
    if (accounts.length === 0) return [];
    const people = await listUsersWithRoles(db, organisation.id, [...providerAccountPermissions.rolesWith("providerAccount.map")]);
    const billingUsers = people.filter((person) => person.role === "billing").length;
    const day = localDay(now, organisation.timeZone);
    const items: DueItem[] = [];
    for (const person of people) {
      const digest = unmappedDigestFor(person.role as Role, accounts, now, { billingUsers });
      const oldest = digest?.accounts[0];
      if (!digest || !oldest) continue;
      items.push({
        kind: UNMAPPED_KIND,
        deadlineKey: `provider-accounts-unmapped:${person.aadObjectId}`,
        threshold: `day:${day}`,
        deadlineAt: oldest.item.appearedAt,
        recipients: { aadObjectIds: [person.aadObjectId] },
        facts: { count: digest.count, oldestName: oldest.item.name, oldestProvider: oldest.item.provider, oldestDays: oldest.days },
        dates: { oldestAppearedAt: oldest.item.appearedAt },
        fix: { verb: "providerAccount.open", data: { providerAccountId: oldest.item.id }, titleKey: "providerAccount.fix.mapOldest" },
      });
    }
    return items;
  },
};

export const invitationFollowUpSource: DeadlineSource = {
  kind: FOLLOW_UP_KIND,
  async due(db, organisation, now) {
    // The domain's default delay; see the README for the setting.
    const settings = ZProviderAccountSettingsSchema.parse({});
    const requests = await listAwaitingAcceptance(db, organisation.id);
    return followUpReminders(requests, settings, organisation.timeZone, now).flatMap((reminder): DueItem[] => {
      const oldest = reminder.requests[0];
      const newest = reminder.requests[reminder.requests.length - 1];
      if (!oldest || !newest) return [];
      return [
        {
          kind: FOLLOW_UP_KIND,
          // A request newly due makes a new reminder, listing every request still waiting.
          deadlineKey: `relationship-follow-up:${reminder.senderId}`,
          threshold: `request:${newest.item.id}`,
          deadlineAt: followUpDueAt(oldest.item, settings, organisation.timeZone),
          recipients: { aadObjectIds: [reminder.senderId] },
          facts: {
            count: reminder.requests.length,
            customerName: oldest.item.customerName,
            customers: reminder.requests.map((request) => request.item.customerName).join(", "),
          },
          dates: { sentAt: oldest.item.sentAt },
          fix: { verb: "providerAccount.listInvitations", data: {}, titleKey: "providerAccount.fix.invitations" },
        },
      ];
    });
  },
};
