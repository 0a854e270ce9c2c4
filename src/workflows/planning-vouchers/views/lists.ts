// The open vouchers by urgency (expiring first) with the validate form for admins, and the
// partner's enrolments and competencies with the day each must be renewed by.
import { type AdaptiveCard, renderCard } from "../../../platform/cards/render";
import type { Translator } from "../../../platform/i18n/translator";
import type { PartnerStanding } from "../domain/eligibility";
import { renewalsByDate } from "../domain/renewals";
import { daysUntilExpiry } from "../domain/urgency";
import { type Voucher, isUnredeemed, nextStep } from "../domain/voucher";
import { dayValue } from "./days";

/** Rows a list card shows; Teams refuses cards over 28 KB, and 25 rows stay far below. */
export const LIST_ROWS = 25;

export function voucherListCard(input: {
  t: Translator;
  title: string;
  vouchers: readonly Voucher[];
  canManage: boolean;
  timeZone: string;
  now: Date;
}): AdaptiveCard {
  const { t } = input;
  const shown = input.vouchers.slice(0, LIST_ROWS);
  return renderCard("voucher-list", {
    title: input.title,
    canManage: input.canManage,
    items: shown.map((v) => {
      const days = daysUntilExpiry(v, input.timeZone, input.now);
      const step = nextStep(v);
      return {
        id: v.id,
        reference: v.reference,
        customer: v.customerName,
        detail: `${t.t(`voucher.state.${v.state}`)}${step ? ` · ${t.t("voucher.card.next", { step: t.t(`voucher.step.${step}`) })}` : ""}`,
        urgency: isUnredeemed(v) ? t.t("voucher.expiry.countdown", { days }) : "",
        urgencyColor: isUnredeemed(v) && days <= 14 ? "Attention" : "Default",
      };
    }),
    more: input.vouchers.length > shown.length ? t.t("voucher.list.more", { count: input.vouchers.length - shown.length }) : "",
    text: {
      empty: t.t("voucher.list.empty"),
      validateLabel: t.t("voucher.card.validateLabel"),
      validate: t.t("voucher.card.validate"),
      standing: t.t("voucher.card.standing"),
    },
  });
}

export function standingCard(input: { t: Translator; standing: PartnerStanding; timeZone: string; now: Date }): AdaptiveCard {
  const { t } = input;
  const items = renewalsByDate(input.standing, input.timeZone, input.now).map((renewal) => ({
    text:
      renewal.daysLeft < 0
        ? t.t("voucher.renewal.lapsed", { name: renewal.name, lastDay: dayValue(t, renewal.lastDay) })
        : t.t(`voucher.renewal.${renewal.kind}`, { name: renewal.name, daysLeft: renewal.daysLeft, lastDay: dayValue(t, renewal.lastDay) }),
    color: renewal.daysLeft < 0 ? "Attention" : renewal.daysLeft <= 30 ? "Warning" : "Default",
  }));
  return renderCard("voucher-standing", {
    items,
    text: { title: t.t("voucher.standing.title"), empty: t.t("voucher.standing.empty"), list: t.t("voucher.card.openList") },
  });
}
