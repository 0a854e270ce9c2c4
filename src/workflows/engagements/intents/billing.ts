// Billing questions: "when does the October billing window close?" and "which submissions has
// the vendor not rated yet?". Answers use the billing domain's window rule and store, the same
// ones the billing form and the reminders use, within the asker's organisation.
import { isOverdue, OVERDUE_AFTER_MS } from "../domain/billing";
import { billingWindowFor } from "../domain/billing-window";
import { resolveRelativeMonth } from "../../../platform/conversation/month-resolution";
import { organisationMoment } from "../../../platform/i18n/organisation-time";
import { translator } from "../../../platform/i18n/translator";
import { listOverdueBillingEntries } from "../store/billing";
import { findEngagement } from "../store/engagements";
import { bulletList, monthName } from "../../../platform/bot/intents/suggestions";
import type { IntentHandler } from "../../../platform/bot/intents/types";

/** How many unrated submissions an answer lists; the count says how many there are in all. */
export const AWAITING_RATING_LIMIT = 10;

export const billingIntents: Record<string, IntentHandler> = {
  "billing.window": async (scope, recognition) => {
    const { t } = scope;
    const zone = scope.organisation.timeZone;
    const month = recognition.entities.month ?? resolveRelativeMonth(0, scope.now, zone);
    const window = billingWindowFor(`${month.year}-${String(month.month).padStart(2, "0")}`, zone);
    // The window is the organisation's rule: its end reads in the reader's zone, and in the
    // organisation's too when the two clocks differ. It opens on the 1st of the month, a day
    // of the organisation's calendar, so that day is named as the organisation counts it.
    const lastMoment = new Date(window.closesAt.getTime() - 60_000);
    const moment = organisationMoment(t, lastMoment, zone);
    const values = {
      month: monthName(t, month),
      lastMoment: t.formatDateTime(lastMoment),
      zones: moment.zones,
      organisationLastMoment: moment.inOrganisation,
      opensAt: translator(t.locale, zone).formatDate(window.opensAt),
    };
    if (scope.now < window.opensAt) return { text: t.t("conversation.billingWindow.future", values) };
    if (scope.now >= window.closesAt) return { text: t.t("conversation.billingWindow.closed", values) };
    const hoursLeft = Math.floor((window.closesAt.getTime() - scope.now.getTime()) / 3_600_000);
    return { text: t.t("conversation.billingWindow.open", { ...values, days: Math.floor(hoursLeft / 24) }) };
  },

  "billing.awaitingRating": async (scope) => {
    // Unrated means submitted and not yet decided: the store's overdue query with its cut-off
    // moved 24 h ahead lists exactly the submissions sent until now.
    const cutOff = new Date(scope.now.getTime() + OVERDUE_AFTER_MS);
    const entries = await listOverdueBillingEntries(scope.services.db, scope.organisation.id, cutOff, { limit: AWAITING_RATING_LIMIT + 1 });
    if (entries.length === 0) return { text: scope.t.t("conversation.awaitingRating.none") };
    const shown = entries.slice(0, AWAITING_RATING_LIMIT);
    const lines = await Promise.all(
      shown.map(async (entry) => {
        const engagement = await findEngagement(scope.services.db, scope.organisation.id, entry.engagementId);
        return scope.t.t("conversation.awaitingRating.line", {
          entry: entry.reference,
          title: engagement?.title ?? "",
          submittedAt: scope.t.formatDateTime(entry.submittedAt),
          overdue: isOverdue(entry, scope.now) ? "yes" : "no",
        });
      }),
    );
    const intro = scope.t.t("conversation.awaitingRating.intro", { count: shown.length, more: entries.length > shown.length ? "yes" : "no" });
    return { text: `${intro}\n\n${bulletList(lines)}` };
  },
};
