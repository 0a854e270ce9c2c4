// Turns a voucher into the data of cards/voucher.json: its state as a step line, the expiry
// countdown, the facts of each step taken, the partner's eligibility with its reasons, and for
// an admin the form of the next step (the consultant choice limited to eligible consultants).
// Once expired, an unredeemed voucher only shows.
import { type AdaptiveCard, renderCard } from "../../../platform/cards/render";
import type { Translator } from "../../../platform/i18n/translator";
import type { AuditEntry } from "../../../platform/store/audit";
import { hasLapsed } from "../domain/calendar-days";
import type { Consultant, PartnerEligibility } from "../domain/eligibility";
import { CANCELLATION_REASONS } from "../domain/reservation";
import { DELIVERABLES_MAX } from "../domain/delivery";
import { daysUntilExpiry } from "../domain/urgency";
import { type Voucher, VOUCHER_STATES, isUnredeemed, nextStep, stateIndex } from "../domain/voucher";
import { dayValue, formatDay } from "./days";
import { eligibilityLines } from "./eligibility";

export interface Notice {
  text: string;
  style: "good" | "attention" | "warning" | "accent";
}

export interface VoucherCardInput {
  voucher: Voucher;
  t: Translator;
  now: Date;
  /** The organisation's zone: the one expiry is counted in. */
  timeZone: string;
  canManage: boolean;
  engagementTypeName?: string;
  eligibility?: PartnerEligibility;
  /** Consultants eligible for this engagement type today: the only ones the schedule form offers. */
  eligibleConsultants?: readonly Consultant[];
  notice?: Notice;
  history?: readonly AuditEntry[];
  /** What the reader typed in a refused form, shown again. */
  values?: Record<string, string>;
}

const STATE_COLORS: Record<Voucher["state"], string> = {
  assigned: "Accent",
  reserved: "Accent",
  scheduled: "Accent",
  delivered: "Warning",
  redeemed: "Warning",
  invoiced: "Warning",
  paid: "Good",
};

export function voucherCard(input: VoucherCardInput): AdaptiveCard {
  const { voucher: v, t, now, timeZone } = input;
  const expired = isUnredeemed(v) && hasLapsed(v.expiresOn, timeZone, now);
  const step = expired ? undefined : nextStep(v);
  const may = input.canManage && !expired;
  const values = input.values ?? {};
  return renderCard("voucher", {
    voucher: { id: v.id, reference: v.reference, customer: v.customerName, stateLabel: t.t(`voucher.state.${v.state}`), stateColor: STATE_COLORS[v.state] },
    steps: stepLine(t, v),
    expiry: expiryText(input, expired),
    expiryColor: expired ? "Attention" : daysUntilExpiry(v, timeZone, now) <= 14 && isUnredeemed(v) ? "Warning" : "Default",
    notice: input.notice?.text ?? "",
    noticeStyle: input.notice?.style ?? "default",
    facts: facts(input),
    flag:
      v.schedule?.expiresBeforeDelivery && isUnredeemed(v)
        ? t.t("voucher.expiry.beforeDelivery", { expiresOn: dayValue(t, v.expiresOn), endOn: dayValue(t, v.schedule.endOn) })
        : "",
    eligibility: input.eligibility && v.state === "assigned" ? eligibilityLines(t, input.eligibility, input.engagementTypeName ?? v.engagementTypeCode) : [],
    showReserve: may && step === "reserve",
    showSchedule: may && step === "schedule",
    showCompletion: may && step === "file_completion_report",
    showRedeem: may && step === "redeem",
    showInvoice: may && step === "invoice",
    showCancel: may && (v.state === "reserved" || v.state === "scheduled"),
    consultants: (input.eligibleConsultants ?? []).map((c) => ({ title: c.name, value: c.id })),
    noConsultant: (input.eligibleConsultants ?? []).length === 0 ? t.t("voucher.card.noEligibleConsultant") : "",
    reasons: CANCELLATION_REASONS.map((reason) => ({ title: t.t(`voucher.cancellationReason.${reason}`), value: reason })),
    deliverablesMax: DELIVERABLES_MAX,
    value: {
      administratorEmail: values.administratorEmail ?? "",
      startOn: values.startOn ?? "",
      endOn: values.endOn ?? "",
      deliveredOn: values.deliveredOn ?? "",
      deliverables: values.deliverables ?? "",
      acceptedByName: values.acceptedByName ?? "",
      acceptedByEmail: values.acceptedByEmail ?? "",
      number: values.number ?? "",
      amount: values.amount ?? (v.value.kind === "amount" ? v.value.amount : ""),
      currency: values.currency ?? (v.value.kind === "amount" ? v.value.currency : ""),
    },
    history: (input.history ?? []).map((entry) => ({
      title: t.formatDateTime(entry.at),
      value: t.t(`voucher.history.${entry.action}`, { actor: entry.actorName }),
    })),
    text: cardText(t),
  });
}

function stepLine(t: Translator, v: Voucher): string {
  const current = stateIndex(v.state);
  return VOUCHER_STATES.map((state, index) => {
    const label = t.t(`voucher.state.${state}`);
    if (index < current) return `✓ ${label}`;
    if (index === current) return `**${label}**`;
    return label;
  }).join(" → ");
}

function expiryText(input: VoucherCardInput, expired: boolean): string {
  const { voucher: v, t } = input;
  if (!isUnredeemed(v)) return t.t("voucher.card.expiresOn", { expiresOn: formatDay(t, v.expiresOn) });
  if (expired) return t.t("voucher.expiry.expired", { expiresOn: dayValue(t, v.expiresOn) });
  return `${t.t("voucher.expiry.countdown", { days: daysUntilExpiry(v, input.timeZone, input.now) })} (${formatDay(t, v.expiresOn)})`;
}

function facts(input: VoucherCardInput): { title: string; value: string }[] {
  const { voucher: v, t } = input;
  const rows: { title: string; value: string }[] = [
    { title: t.t("voucher.field.vendorVoucherId"), value: v.vendorVoucherId },
    { title: t.t("voucher.field.customer"), value: v.customerName },
    { title: t.t("voucher.field.engagementType"), value: `${input.engagementTypeName ?? v.engagementTypeCode} (${v.offering})` },
    {
      title: t.t("voucher.field.value"),
      value: v.value.kind === "days" ? t.t("voucher.value.days", { days: v.value.days }) : t.t("voucher.value.amount", v.value),
    },
  ];
  const add = (key: string, value: string) => rows.push({ title: t.t(key), value });
  if (v.reservation) add("voucher.card.reservedBy", t.t("voucher.card.byOn", { name: v.reservation.byName, at: t.formatDate(v.reservation.at) }));
  if (v.schedule) {
    add("voucher.field.consultant", v.schedule.consultantName);
    add("voucher.card.dates", `${formatDay(t, v.schedule.startOn)} – ${formatDay(t, v.schedule.endOn)}`);
  }
  if (v.completion) {
    add("voucher.field.deliveredOn", formatDay(t, v.completion.deliveredOn));
    add("voucher.field.deliverables", v.completion.deliverables.join("; "));
    add("voucher.field.acceptedByName", `${v.completion.acceptedByName} <${v.completion.acceptedByEmail}>`);
  }
  if (v.redemption) add("voucher.card.redeemedBy", t.t("voucher.card.byOn", { name: v.redemption.byName, at: t.formatDate(v.redemption.at) }));
  if (v.invoice) add("voucher.field.invoiceNumber", `${v.invoice.number} · ${v.invoice.amount} ${v.invoice.currency}`);
  if (v.payment) add("voucher.field.paymentReference", `${v.payment.reference} · ${formatDay(t, v.payment.paidOn)}`);
  return rows;
}

function cardText(t: Translator) {
  const keys = [
    "administratorEmail",
    "termsAccepted",
    "startOn",
    "endOn",
    "consultant",
    "deliveredOn",
    "deliverables",
    "acceptedByName",
    "acceptedByEmail",
    "invoiceNumber",
    "amount",
    "currency",
    "cancellationReason",
    "note",
  ];
  return {
    ...Object.fromEntries(keys.map((key) => [key, t.t(`voucher.field.${key}`)])),
    reserve: t.t("voucher.step.reserve"),
    schedule: t.t("voucher.step.schedule"),
    completion: t.t("voucher.step.file_completion_report"),
    redeem: t.t("voucher.step.redeem"),
    redeemConfirm: t.t("voucher.card.redeemConfirm"),
    invoice: t.t("voucher.step.invoice"),
    cancel: t.t("voucher.step.cancel_reservation"),
    history: t.t("voucher.card.history"),
    list: t.t("voucher.card.openList"),
    deliverablesHint: t.t("voucher.card.deliverablesHint"),
  };
}
