// Turns billing records into the data of cards/billing-form.json, billing-review.json and
// billing-entries.json. Every string is resolved from the catalog (or Intl, for months and
// amounts) here; templates only place them.
import { type BillingEntry, isOverdue } from "../domain/billing";
import { BILLING_UNITS, type BillingDraft, type BillingDraftInput, type DraftProblems, NOTES_MAX } from "../domain/billing-draft";
import { billingWindowFor } from "../domain/billing-window";
import { monthlyTotals } from "../domain/billing-totals";
import type { Engagement } from "../domain/engagements";
import type { Refusal } from "../../../platform/domain/result";
import type { EventDelivery } from "../../../platform/events/delivery-status";
import { type AdaptiveCard, renderCard } from "../../../platform/cards/render";
import { formatMoney, formatMonth } from "../../../platform/i18n/format";
import type { Translator } from "../../../platform/i18n/translator";
import { refusalText } from "../../../platform/i18n/refusal-words";
import { engagementHeader, noticeData } from "./engagements";

export type Notice = { text: string; style: "good" | "attention" | "warning" | "accent" };

/** What the form sends back besides its inputs; the nonce makes one form one entry. */
export interface FormIdentity {
  engagementId: string;
  nonce: string;
  /** "" for a new entry: card data has no way to leave a key out. */
  supersedesId: string;
}

const ENTRY_STATE_COLOR = { submitted: "Accent", rated: "Good", rejected: "Attention" } as const;

/** A calendar day "YYYY-MM-DD" as the reader writes it, whatever their zone. */
export function dayLabel(locale: string, day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, date)));
}

function formatDecimal(locale: string, value: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value as unknown as number);
}

/** "1 hour", "2,5 heures": the quantity with its unit, the unit's plural chosen by the quantity. */
export function quantityText(t: Translator, quantity: string, unit: string): string {
  return t.t(`billing.quantity.${unit}`, { quantity: formatDecimal(t.locale, quantity), count: Number(quantity) });
}

/** A refusal in words, with its raw facts made readable (months and days in the reader's language). */
export function billingRefusalText(t: Translator, refusal: Refusal): string {
  const facts = { ...refusal.facts };
  if (typeof facts.month === "string" && /^\d{4}-\d{2}$/.test(facts.month)) facts.month = formatMonth(t.locale, facts.month);
  if (typeof facts.lastDay === "string") facts.lastDay = dayLabel(t.locale, facts.lastDay);
  return refusalText(t, { code: refusal.code, facts });
}

export interface BillingFormInput {
  engagement: Engagement;
  t: Translator;
  identity: FormIdentity;
  values: BillingDraftInput;
  problems?: DraftProblems;
  /** Months the engagement can bill now, the one whose window closes first first: it is preselected. */
  openMonths: string[];
  organisationTimeZone: string;
  currencies: string[];
  supersedes?: BillingEntry;
}

export function billingFormCard(input: BillingFormInput): AdaptiveCard {
  const { t, values, engagement } = input;
  const problems = input.problems ?? {};
  const error = (field: keyof DraftProblems) => (problems[field] ? billingRefusalText(t, problems[field]) : "");
  const month = chosen(values.month?.trim(), input.openMonths, input.openMonths[0] ?? "");
  const supersedes = input.supersedes;
  return renderCard("billing-form", {
    engagement: { id: engagement.id, reference: engagement.reference, title: engagement.title },
    title: supersedes ? t.t("billing.form.correctTitle", { entry: supersedes.reference }) : t.t("billing.form.title"),
    intro: supersedes?.decision?.reason ? t.t("billing.form.rejectedBecause", { entry: supersedes.reference, reason: supersedes.decision.reason }) : "",
    notice: Object.keys(problems).length > 0 ? t.t("billing.form.fixFields") : input.openMonths.length === 0 ? t.t("billing.form.noOpenMonth") : "",
    nonce: input.identity.nonce,
    supersedesId: input.identity.supersedesId,
    windowHints: input.openMonths.map((open) => ({ text: windowCloses(t, open, input.organisationTimeZone) })),
    fields: {
      quantity: {
        label: t.t("billing.form.quantity"),
        required: t.t("refusal.field_required", { field: "quantity" }),
        value: numberValue(values.quantity),
        error: error("quantity"),
      },
      unit: {
        label: t.t("billing.form.unit"),
        required: t.t("refusal.field_required", { field: "unit" }),
        value: chosen(values.unit?.trim(), BILLING_UNITS, "hour"),
        error: error("unit"),
        choices: BILLING_UNITS.map((unit) => ({ title: t.t(`billing.unit.${unit}`), value: unit })),
      },
      unitCost: {
        label: t.t("billing.form.unitCost"),
        required: t.t("refusal.field_required", { field: "unitCost" }),
        value: numberValue(values.unitCost),
        error: error("unitCost"),
      },
      currency: {
        label: t.t("billing.form.currency"),
        required: t.t("refusal.field_required", { field: "currency" }),
        value: chosen(values.currency?.trim().toUpperCase(), input.currencies, input.currencies[0] ?? ""),
        error: error("currency"),
        choices: input.currencies.map((code) => ({ title: code, value: code })),
      },
      month: {
        label: t.t("billing.form.month"),
        required: t.t("refusal.field_required", { field: "month" }),
        value: month,
        error: error("month"),
        choices: input.openMonths.map((open) => ({ title: formatMonth(t.locale, open), value: open })),
      },
      notes: {
        label: t.t("billing.form.notes"),
        placeholder: t.t("billing.form.notesPlaceholder"),
        value: values.notes ?? "",
        maxLength: NOTES_MAX,
        error: error("notes"),
      },
    },
    text: { review: t.t("billing.form.review"), entries: t.t("billing.action.entries") },
  });
}

/**
 * What a choice list shows as chosen: the default on a fresh form, the user's value when it is
 * one of the choices, and nothing otherwise. Card data can be forged and a month can close
 * while the form is open: a refused value is never offered back, its error says why.
 */
function chosen(value: string | undefined, choices: readonly string[], fresh: string): string {
  if (value === undefined) return fresh;
  return choices.includes(value) ? value : "";
}

/**
 * When a month's window closes, as the organisation's zone reads it and with that zone named:
 * the deadline is the organisation's, whatever the reader's own zone. The last billable
 * minute reads better than the first closed one ("23:59", not "00:00").
 */
function windowCloses(t: Translator, month: string, timeZone: string): string {
  const lastMoment = new Date(billingWindowFor(month, timeZone).closesAt.getTime() - 60_000);
  const closesAt = new Intl.DateTimeFormat(t.locale, { dateStyle: "full", timeStyle: "short", timeZone }).format(lastMoment);
  return t.t("billing.form.windowCloses", { month: formatMonth(t.locale, month), closesAt, zone: timeZone });
}

// Input.Number takes a number; what the user typed comes back as text. A value that is not a
// plain number is dropped (its error says what was wrong) rather than shown as 0.
function numberValue(value: string | number | undefined): number | null {
  if (value === undefined) return null;
  const text = String(value).trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

export function billingReviewCard(input: {
  engagement: Engagement;
  t: Translator;
  identity: FormIdentity;
  draft: BillingDraft;
  notice?: string;
  supersedes?: BillingEntry;
}): AdaptiveCard {
  const { t, draft, engagement } = input;
  return renderCard("billing-review", {
    engagement: { id: engagement.id, reference: engagement.reference, title: engagement.title },
    title: t.t("billing.review.title"),
    notice: input.notice ?? "",
    facts: [
      ...(input.supersedes ? [{ title: t.t("billing.fact.corrects"), value: input.supersedes.reference }] : []),
      { title: t.t("billing.fact.month"), value: formatMonth(t.locale, draft.month) },
      { title: t.t("billing.fact.quantity"), value: quantityText(t, draft.quantity, draft.unit) },
      { title: t.t("billing.fact.unitCost"), value: formatMoney(t.locale, draft.unitCost, draft.currency) },
      ...(draft.notes ? [{ title: t.t("billing.fact.notes"), value: draft.notes }] : []),
    ],
    amount: formatMoney(t.locale, draft.amount, draft.currency),
    // Sent back on submit and re-checked there: the review card has no inputs of its own.
    submitted: {
      ...input.identity,
      quantity: draft.quantity,
      unit: draft.unit,
      unitCost: draft.unitCost,
      currency: draft.currency,
      month: draft.month,
      notes: draft.notes ?? "",
    },
    text: { amount: t.t("billing.review.amount"), submit: t.t("billing.review.submit"), edit: t.t("billing.review.edit") },
  });
}

export const ENTRIES_SHOWN = 25;

export function billingEntriesCard(input: {
  engagement: Engagement;
  entries: BillingEntry[];
  /** How each submitted entry's event stands with the vendor's integration. */
  deliveries?: ReadonlyMap<string, EventDelivery>;
  t: Translator;
  now: Date;
  /** The reader may add entries and the engagement takes them now: "Add" and "Correct" show. */
  canAdd: boolean;
  notice?: Notice;
}): AdaptiveCard {
  const { t, engagement, entries } = input;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return renderCard("billing-entries", {
    engagement: engagementHeader(t, engagement),
    ...noticeData(input.notice),
    totals: monthlyTotals(entries).map((total) => ({
      label: t.t("billing.entries.monthTotal", { month: formatMonth(t.locale, total.month), amount: formatMoney(t.locale, total.total, total.currency) }),
      breakdown: t.t("billing.entries.monthBreakdown", {
        rated: formatMoney(t.locale, total.rated, total.currency),
        pending: formatMoney(t.locale, total.pending, total.currency),
        rejected: total.rejected,
      }),
    })),
    entries: entries.slice(0, ENTRIES_SHOWN).map((entry) => entryRow(t, entry, byId, input.now, input.canAdd, input.deliveries?.get(entry.id))),
    more: entries.length > ENTRIES_SHOWN ? t.t("billing.entries.more", { shown: ENTRIES_SHOWN }) : "",
    canAdd: input.canAdd,
    text: {
      title: t.t("billing.entries.title"),
      empty: t.t("billing.entries.empty"),
      add: t.t("billing.action.add"),
      correct: t.t("billing.action.correct"),
      details: t.t("engagement.action.details"),
      history: t.t("engagement.action.history"),
    },
  });
}

/** A submitted entry's label says whether it reached the vendor's side, not only that it was recorded. */
function submittedLabel(t: Translator, delivery: EventDelivery | undefined): string {
  if (!delivery || delivery.state === "no_endpoint") return t.t("billing.state.submitted");
  if (delivery.state === "sent") return t.t("billing.delivery.sent", { at: delivery.at });
  if (delivery.state === "failing") return t.t("billing.delivery.failing", { since: delivery.since });
  return t.t("billing.delivery.pending");
}

function entryRow(t: Translator, entry: BillingEntry, byId: Map<string, BillingEntry>, now: Date, canAdd: boolean, delivery?: EventDelivery) {
  const decision = entry.decision;
  const decisionText =
    entry.state === "rated" && decision
      ? t.t("billing.entries.rated", {
          amount: formatMoney(t.locale, decision.ratedAmount ?? entry.amount, decision.ratedCurrency ?? entry.currency),
          at: decision.decidedAt,
        })
      : entry.state === "rejected" && decision
        ? t.t("billing.entries.rejected", { at: decision.decidedAt, reason: decision.reason ?? "" })
        : "";
  const links = [
    ...(entry.supersedesId ? [t.t("billing.entries.corrects", { entry: byId.get(entry.supersedesId)?.reference ?? "…" })] : []),
    ...(entry.supersededById ? [t.t("billing.entries.correctedBy", { entry: byId.get(entry.supersededById)?.reference ?? "…" })] : []),
  ];
  return {
    id: entry.id,
    reference: entry.reference,
    month: formatMonth(t.locale, entry.usageMonth),
    stateLabel: entry.state === "submitted" ? submittedLabel(t, delivery) : t.t(`billing.state.${entry.state}`),
    stateColor: entry.state === "submitted" && delivery?.state === "failing" ? "Warning" : ENTRY_STATE_COLOR[entry.state],
    line: t.t("billing.entries.line", {
      quantity: quantityText(t, entry.quantity, entry.unit),
      unitCost: formatMoney(t.locale, entry.unitCost, entry.currency),
      amount: formatMoney(t.locale, entry.amount, entry.currency),
    }),
    decision: decisionText,
    overdue: isOverdue(entry, now) ? t.t("billing.entries.overdue") : "",
    notes: entry.notes ?? "",
    meta: [t.t("billing.entries.submittedBy", { name: entry.submittedByName, at: entry.submittedAt }), ...links].join(" · "),
    canCorrect: canAdd && entry.state === "rejected" && !entry.supersededById,
  };
}
