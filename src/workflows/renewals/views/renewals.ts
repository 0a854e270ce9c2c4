// Turns renewal line items into the data of cards/renewal.json and cards/renewal-list.json.
// Every string is resolved from the catalog here; templates only place them.
import { type AdaptiveCard, largestFittingCard, renderCard } from "../../../platform/cards/render";
import { formatMoney } from "../../../platform/i18n/format";
import type { Translator } from "../../../platform/i18n/translator";
import type { AuditEntry } from "../../../platform/store/audit";
import { dayOf } from "../domain/calendar-dates";
import type { CustomerRenewals } from "../domain/due-lists";
import { DUE_WINDOWS } from "../domain/due-lists";
import type { RenewalLineItem, RenewalState } from "../domain/line-items";
import { LOST_REASON_MAX } from "../domain/renewal-outcomes";
import { QUOTE_NUMBER_MAX } from "../domain/line-items";

const STATE_COLOR: Record<RenewalState, string> = { open: "Warning", quoted: "Accent", renewed: "Good", lost: "Attention" };

/** Customers one page of the list shows at most, and line items under each. */
export const CUSTOMERS_PER_PAGE = 10;
export const ITEMS_PER_CUSTOMER = 8;

export type Notice = { text: string; style: "good" | "attention" | "warning" | "accent" };

/** A calendar day ("2027-03-31") in the reader's language: a day, never shifted by a zone. */
export function formatCalendarDate(t: Translator, date: string): string {
  const { year, month, day } = dayOf(date);
  return new Intl.DateTimeFormat(t.locale, { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(year, month - 1, day));
}

function dueText(t: Translator, daysLeft: number, endDate: string): string {
  return daysLeft < 0 ? t.t("renewal.due.lapsedOn", { endDate: formatCalendarDate(t, endDate) }) : t.t("renewal.due.inDays", { days: daysLeft });
}

export interface RenewalCardInput {
  item: RenewalLineItem;
  t: Translator;
  daysLeft: number;
  canWork: boolean;
  history?: readonly AuditEntry[];
  notice?: Notice;
  ownerName?: string;
}

export function renewalCard(input: RenewalCardInput): AdaptiveCard {
  const { item, t } = input;
  const open = item.state === "open" || item.state === "quoted";
  const facts = [
    { title: t.t("renewal.field.customerName"), value: item.customerName },
    { title: t.t("renewal.field.siteName"), value: item.siteNumber ? `${item.siteName} (${item.siteNumber})` : item.siteName },
    { title: t.t("renewal.field.endDate"), value: `${formatCalendarDate(t, item.endDate)} · ${dueText(t, input.daysLeft, item.endDate)}` },
    { title: t.t("renewal.field.amount"), value: formatMoney(t.locale, item.amount, item.currency) },
    ...(item.quoteNumber ? [{ title: t.t("renewal.field.quoteNumber"), value: item.quoteNumber }] : []),
    ...(item.accountOwner || input.ownerName ? [{ title: t.t("renewal.field.accountOwner"), value: input.ownerName ?? item.accountOwner ?? "" }] : []),
    ...(item.lostReason ? [{ title: t.t("renewal.field.lostReason"), value: item.lostReason }] : []),
  ];
  return renderCard("renewal", {
    id: item.id,
    title: t.t("renewal.card.title", { agreementNumber: item.agreementNumber, lineItem: item.lineItem }),
    description: item.description ?? "",
    stateLabel: t.t(`renewal.state.${item.state}`),
    stateColor: STATE_COLOR[item.state],
    facts,
    notice: input.notice?.text ?? "",
    noticeStyle: input.notice?.style ?? "default",
    canWork: input.canWork && open,
    quoteNumber: item.quoteNumber ?? "",
    quoteMax: QUOTE_NUMBER_MAX,
    reasonMax: LOST_REASON_MAX,
    history: (input.history ?? []).map((entry) => ({
      at: t.formatDateTime(entry.at),
      summary: t.t("renewal.history.entry", { action: t.t(`renewal.audit.${entry.action}`), actor: entry.actorName }),
      reason: entry.reason ?? "",
    })),
    text: {
      quoteLabel: t.t("renewal.field.quoteNumber"),
      quote: t.t(item.state === "quoted" ? "renewal.action.requote" : "renewal.action.quote"),
      renew: t.t("renewal.action.renew"),
      lose: t.t("renewal.action.lose"),
      reasonLabel: t.t("renewal.field.lostReason"),
      historyTitle: t.t("renewal.history.title"),
    },
  });
}

export interface RenewalListInput {
  t: Translator;
  days: number;
  customers: readonly CustomerRenewals[];
  /** Days left per line item id, from the organisation's today. */
  daysLeft: (item: RenewalLineItem) => number;
  /** The first customer shown (0: the first page); the next page starts where this one ended. */
  start: number;
  /** The list names one customer: all of its line items are shown, page by page. */
  customer?: string;
}

function totalsText(t: Translator, group: CustomerRenewals): string {
  return group.totals.map((total) => formatMoney(t.locale, total.amount, total.currency)).join(" + ");
}

export function renewalListCard(input: RenewalListInput): AdaptiveCard {
  const { t, days, customers } = input;
  const { start } = input;
  const pageGroups = customers.slice(start, start + CUSTOMERS_PER_PAGE);
  const perCustomer = input.customer ? 40 : ITEMS_PER_CUSTOMER;
  const title = input.customer ? t.t("renewal.list.titleFor", { days, customer: input.customer }) : t.t("renewal.list.title", { days });
  const render = (count: number) =>
    renderCard("renewal-list", {
      title,
      empty: customers.length === 0 ? t.t(input.customer ? "renewal.list.emptyFor" : "renewal.list.empty", { days, customer: input.customer ?? "" }) : "",
      customers: pageGroups.slice(0, count).map((group) => ({
        name: group.customerName,
        summary: t.t("renewal.list.customerTotal", { customer: group.customerName, count: group.items.length, totals: totalsText(t, group) }),
        items: group.items.slice(0, perCustomer).map((item) => ({
          id: item.id,
          title: `${item.agreementNumber}/${item.lineItem}${item.description ? ` · ${item.description}` : ""}`,
          subtitle: `${formatCalendarDate(t, item.endDate)} · ${dueText(t, input.daysLeft(item), item.endDate)} · ${formatMoney(t.locale, item.amount, item.currency)}`,
          stateLabel: t.t(`renewal.state.${item.state}`),
          stateColor: STATE_COLOR[item.state],
        })),
        more: group.items.length > perCustomer ? t.t("renewal.list.moreItems", { count: group.items.length - perCustomer }) : "",
      })),
      windows: DUE_WINDOWS.map((window) => ({ days: window, label: t.t("renewal.list.window", { days: window }) })),
      customer: input.customer ?? "",
      listDays: days,
      // A card too big for all of its customers ends early: the next page starts after the last one shown.
      hasNext: start + Math.max(count, 1) < customers.length,
      nextStart: start + Math.max(count, 1),
      text: { open: t.t("renewal.action.open"), next: t.t("renewal.list.next") },
    });
  return largestFittingCard(pageGroups.length, render);
}
