// The billing window closing (DOMAIN.md section 1): engagements that take entries for a month
// whose window is about to close (approved ones, and completed ones up to their completion
// month) and have no billing entry for it. Three reminders per engagement and month,
// each at 08:00 in the organisation's zone: three days before the last day, the day before,
// and the morning of the last day itself.
import { ENGAGEMENT_PERMISSIONS } from "../domain/permissions";
import { billingWindowFor, openBillingMonths, type UsageMonth } from "../domain/billing-window";
import { BILLABLE_STATES } from "../domain/billing-eligibility";
import { listEngagementsWithoutEntry } from "../store/billing";
import { currentThreshold, type DeadlineSource, type DueItem } from "../../../platform/reminders/due-item";
import { zonedTimeToUtc } from "../../../platform/domain/zoned-time";
import { monthName } from "../../../platform/bot/intents/suggestions";
import { organisationMoment } from "../../../platform/i18n/organisation-time";

export const BILLING_WINDOW_KIND = "billing.window-closing";

const THRESHOLDS = [
  { name: "threeDays", daysBefore: 3 },
  { name: "oneDay", daysBefore: 1 },
  { name: "lastDay", daysBefore: 0 },
] as const;
const MORNING_HOUR = 8;

/** The reminders of one month's window, as instants, and the instant it closes. */
export function billingWindowThresholds(month: UsageMonth, timeZone: string): { thresholds: { name: string; at: Date }[]; closesAt: Date } {
  const window = billingWindowFor(month, timeZone);
  const [year, monthNumber, day] = window.lastDay.split("-").map(Number) as [number, number, number];
  const thresholds = THRESHOLDS.map(({ name, daysBefore }) => {
    const local = new Date(Date.UTC(year, monthNumber - 1, day - daysBefore));
    const at = zonedTimeToUtc(
      { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: MORNING_HOUR, minute: 0 },
      timeZone,
    );
    return { name, at };
  });
  return { thresholds, closesAt: window.closesAt };
}

export const billingWindowSource: DeadlineSource = {
  kind: BILLING_WINDOW_KIND,
  async due(db, organisation, now) {
    const items: DueItem[] = [];
    for (const month of openBillingMonths(organisation.timeZone, now)) {
      const { thresholds, closesAt } = billingWindowThresholds(month, organisation.timeZone);
      const threshold = currentThreshold(thresholds, now, closesAt);
      if (!threshold) continue;
      const monthStart = billingWindowFor(month, organisation.timeZone).opensAt;
      for (const engagement of await listEngagementsWithoutEntry(db, organisation.id, month, { states: BILLABLE_STATES, monthStart })) {
        items.push({
          kind: BILLING_WINDOW_KIND,
          deadlineKey: `billing-window:${month}:${engagement.id}`,
          threshold,
          deadlineAt: closesAt,
          recipients: { roles: ENGAGEMENT_PERMISSIONS.rolesWith("billing.submit") },
          facts: { reference: engagement.reference, client: engagement.clientName, month },
          // The last billable minute reads better than the first closed one ("23:59", not "00:00").
          dates: { lastMoment: new Date(closesAt.getTime() - 60_000), monthStart },
          fix: { verb: "billing.form", data: { engagementId: engagement.id, month }, titleKey: "reminders.fix.add-entry" },
        });
      }
    }
    return items;
  },
  // "Anything due?" names each closing month once, at its last billable minute, not each engagement.
  async upcoming(_db, organisation, { now, until }, _settings, t) {
    const zone = organisation.timeZone;
    return openBillingMonths(zone, now).flatMap((month) => {
      const window = billingWindowFor(month, zone);
      if (window.closesAt > until) return [];
      const [year, number] = month.split("-").map(Number) as [number, number];
      const lastMoment = new Date(window.closesAt.getTime() - 60_000);
      const moment = organisationMoment(t, lastMoment, zone);
      const line = t.t("conversation.deadlines.billingWindow", {
        month: monthName(t, { year, month: number }),
        at: t.formatDateTime(lastMoment),
        zones: moment.zones,
        organisationAt: moment.inOrganisation,
      });
      return [{ at: lastMoment, line }];
    });
  },
};
