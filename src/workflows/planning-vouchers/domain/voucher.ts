// A Software Assurance planning voucher (DOMAIN.md section 3) as the partner holds it: the
// customer assigns it, the partner reserves it, schedules and delivers the engagement, files
// the completion report, redeems it, invoices the vendor and is paid. Each step records who,
// when and its facts; the record's `version` guards the store's conditional update.
import type { CalendarDate } from "./calendar-days";

export const VOUCHER_STATES = ["assigned", "reserved", "scheduled", "delivered", "redeemed", "invoiced", "paid"] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

/** Engagement lengths the vendor sells, in planning days; never more than 15. */
export const PLANNING_DAY_OPTIONS = [1, 3, 5, 10, 15] as const;
export type PlanningDays = (typeof PLANNING_DAY_OPTIONS)[number];

/** What the voucher is worth: planning days, or an amount (an exact decimal string) in a currency. */
export type VoucherValue = { kind: "days"; days: PlanningDays } | { kind: "amount"; amount: string; currency: string };

export interface StepRecord {
  at: Date;
  byUserId: string;
  byName: string;
}

export interface Reservation extends StepRecord {
  /** The competency that made the partner eligible when it reserved, and its last valid day. */
  qualifyingCompetency: string;
  competencyValidThrough: CalendarDate;
  enrolmentAnniversary: CalendarDate;
}

export interface Schedule extends StepRecord {
  startOn: CalendarDate;
  endOn: CalendarDate;
  consultantId: string;
  consultantName: string;
  /** The exam that qualified the consultant, and its last valid day when it has one. */
  qualifyingExam: string;
  examValidThrough?: CalendarDate;
  /** The voucher expires before the last scheduled day: flagged when scheduled, never silently. */
  expiresBeforeDelivery: boolean;
}

export interface CompletionReport extends StepRecord {
  deliveredOn: CalendarDate;
  deliverables: string[];
  acceptedByName: string;
  acceptedByEmail: string;
}

export interface Invoice extends StepRecord {
  number: string;
  amount: string;
  currency: string;
}

export interface Payment {
  /** When the vendor's confirmation reached us. */
  at: Date;
  reference: string;
  paidOn: CalendarDate;
}

export interface Voucher {
  id: string;
  organisationId: string;
  /** The ID as the vendor prints it and the customer forwards it. */
  vendorVoucherId: string;
  /** How the bot names it in chat: "VCH-" and digits. */
  reference: string;
  customerName: string;
  /** The customer's voucher administrator: the vendor asks for this e-mail at validation. */
  administratorEmail: string;
  /** The vendor's id of the partner (or partner location) the customer assigned it to. */
  assignedPartnerId: string;
  offering: string;
  engagementTypeCode: string;
  value: VoucherValue;
  assignedOn: CalendarDate;
  /** Its last valid day, from the voucher's own data. */
  expiresOn: CalendarDate;
  state: VoucherState;
  version: number;
  reservation?: Reservation;
  schedule?: Schedule;
  completion?: CompletionReport;
  redemption?: StepRecord;
  invoice?: Invoice;
  payment?: Payment;
}

/** The steps that move a voucher forward, each from exactly one state into the next. */
export const VOUCHER_STEPS = ["reserve", "schedule", "file_completion_report", "redeem", "invoice", "confirm_payment"] as const;
export type VoucherStep = (typeof VOUCHER_STEPS)[number];

export const STEP_FROM: Readonly<Record<VoucherStep, VoucherState>> = {
  reserve: "assigned",
  schedule: "reserved",
  file_completion_report: "scheduled",
  redeem: "delivered",
  invoice: "redeemed",
  confirm_payment: "invoiced",
};

export function stateIndex(state: VoucherState): number {
  return VOUCHER_STATES.indexOf(state);
}

/** The step that comes next, or none once paid. */
export function nextStep(voucher: Pick<Voucher, "state">): VoucherStep | undefined {
  return VOUCHER_STEPS.find((step) => STEP_FROM[step] === voucher.state);
}

/** What is left to do, in order: "what is left on VCH-7781?". */
export function remainingSteps(voucher: Pick<Voucher, "state">): VoucherStep[] {
  return VOUCHER_STEPS.filter((step) => stateIndex(STEP_FROM[step]) >= stateIndex(voucher.state));
}

/** Until it is redeemed a voucher is money that expiry can take away. */
export function isUnredeemed(voucher: Pick<Voucher, "state">): boolean {
  return stateIndex(voucher.state) < stateIndex("redeemed");
}

export function isOpen(voucher: Pick<Voucher, "state">): boolean {
  return voucher.state !== "paid";
}

/**
 * Normalises what people type for a voucher the bot names: "VCH-7781", "vch 7781", "vch7781"
 * and "#7781" all mean VCH-7781.
 */
export function normaliseVoucherReference(input: string): string | undefined {
  const match = /^\s*#?\s*(?:vch[\s_-]*)?(\d{1,9})\s*$/i.exec(input);
  return match ? `VCH-${match[1]}` : undefined;
}

/**
 * The vendor's ID in a form that survives copying from an e-mail: case, spaces and dashes
 * dropped. The vendor publishes no format, so nothing more is assumed about it.
 */
export function vendorIdKey(input: string): string {
  return input.replace(/[\s\u00a0\-‐‑–—]/g, "").toUpperCase();
}
