// What is due when on planning vouchers, for the platform's deadline registry ("what needs
// me?", reminders, the digest). Every reminder goes to those who may act: admins (the
// voucher.manage permission). Days are the organisation's: a voucher valid through 31 December
// is reminded of on 1, 17, 24 and 30 December and lapses at midnight starting 1 January there.
import { type CalendarDate, addDays, endOfDay, startOfDay, today } from "./calendar-days";
import { type Consultant, type EngagementType, type Enrolment, type PartnerStanding, competencyQualifiesThrough, examQualifiesThrough } from "./eligibility";
import type { VoucherPermission } from "./permissions";
import { type Voucher, type VoucherStep, isUnredeemed, nextStep } from "./voucher";

export const EXPIRY_REMINDER_DAYS = [30, 14, 7, 1] as const;
export const ENROLMENT_REMINDER_DAYS = [60, 30, 7] as const;
export const QUALIFICATION_REMINDER_DAYS = [30, 7] as const;
/** Days a step may wait before the next one is chased. */
export const STEP_WAIT_DAYS = { redeem: 7, invoice: 7, confirm_payment: 30 } as const;

export type VoucherDeadlineKind =
  | "expiring"
  | "redemption_waiting"
  | "invoice_waiting"
  | "payment_waiting"
  | "enrolment_anniversary"
  | "competency_lapsing"
  | "exam_lapsing";

export interface Reminder {
  at: Date;
  /** Days left on that day; 0 when it is the moment the deadline bites. */
  daysBefore: number;
}

export interface VoucherDeadline {
  kind: VoucherDeadlineKind;
  /** The voucher's reference, or the offering for an enrolment. */
  subject: string;
  voucherId?: string;
  /** When it bites: the voucher is lost, the enrolment lapses, or the wait is over. */
  dueAt: Date;
  reminders: Reminder[];
  permission: VoucherPermission;
  /** The step one click away on the reminder. */
  nextStep?: VoucherStep;
  facts: Record<string, string | number | Date>;
}

function ladder(lastDay: CalendarDate, daysBefore: readonly number[], timeZone: string, withLapse: boolean): Reminder[] {
  const before = daysBefore.map((days) => ({ at: startOfDay(addDays(lastDay, -days), timeZone), daysBefore: days }));
  return withLapse ? [...before, { at: endOfDay(lastDay, timeZone), daysBefore: 0 }] : before;
}

/**
 * The deadlines a voucher's state puts on it: its expiry until it is redeemed, and the wait for
 * the next step once delivered (redeem), redeemed (invoice) or invoiced (the vendor's payment).
 */
export function voucherDeadlines(voucher: Voucher, timeZone: string): VoucherDeadline[] {
  const base = { subject: voucher.reference, voucherId: voucher.id, permission: "voucher.manage" as const, ...stepOf(voucher) };
  const deadlines: VoucherDeadline[] = [];
  if (isUnredeemed(voucher)) {
    deadlines.push({
      ...base,
      kind: "expiring",
      dueAt: endOfDay(voucher.expiresOn, timeZone),
      reminders: ladder(voucher.expiresOn, EXPIRY_REMINDER_DAYS, timeZone, false),
      facts: { customer: voucher.customerName, expiresOn: startOfDay(voucher.expiresOn, timeZone), state: voucher.state },
    });
  }
  const waiting = waitingStep(voucher);
  if (waiting) {
    const days = STEP_WAIT_DAYS[waiting.step];
    const dueAt = startOfDay(addDays(today(timeZone, waiting.since), days), timeZone);
    deadlines.push({
      ...base,
      kind: waiting.kind,
      dueAt,
      reminders: [{ at: dueAt, daysBefore: 0 }],
      facts: { customer: voucher.customerName, since: waiting.since, days },
    });
  }
  return deadlines;
}

function stepOf(voucher: Voucher): { nextStep?: VoucherStep } {
  const step = nextStep(voucher);
  return step ? { nextStep: step } : {};
}

function waitingStep(voucher: Voucher): { step: keyof typeof STEP_WAIT_DAYS; kind: VoucherDeadlineKind; since: Date } | undefined {
  if (voucher.state === "delivered" && voucher.completion) return { step: "redeem", kind: "redemption_waiting", since: voucher.completion.at };
  if (voucher.state === "redeemed" && voucher.redemption) return { step: "invoice", kind: "invoice_waiting", since: voucher.redemption.at };
  if (voucher.state === "invoiced" && voucher.invoice) return { step: "confirm_payment", kind: "payment_waiting", since: voucher.invoice.at };
  return undefined;
}

/** Re-enrolment: 60, 30 and 7 days before the anniversary, and once it has lapsed. */
export function enrolmentDeadline(enrolment: Enrolment, timeZone: string): VoucherDeadline {
  return {
    kind: "enrolment_anniversary",
    subject: enrolment.offering,
    dueAt: endOfDay(enrolment.anniversaryOn, timeZone),
    reminders: ladder(enrolment.anniversaryOn, ENROLMENT_REMINDER_DAYS, timeZone, true),
    permission: "voucher.manage",
    facts: { offering: enrolment.offering, anniversaryOn: startOfDay(enrolment.anniversaryOn, timeZone) },
  };
}

export interface QualificationContext {
  timeZone: string;
  engagementTypes: readonly EngagementType[];
  standing: PartnerStanding;
  consultants: readonly Consultant[];
}

/**
 * A reserved voucher needs its qualifying competency until it is delivered, and its scheduled
 * consultant's exam through the engagement's last day: a lapse before then is a deadline.
 */
export function qualificationDeadlines(voucher: Voucher, context: QualificationContext): VoucherDeadline[] {
  if (voucher.state !== "reserved" && voucher.state !== "scheduled") return [];
  const type = context.engagementTypes.find((candidate) => candidate.code === voucher.engagementTypeCode);
  if (!type) return [];
  const needed = voucher.schedule?.endOn ?? voucher.expiresOn;
  const deadlines: VoucherDeadline[] = [];
  const competencyThrough = competencyQualifiesThrough(type, context.standing);
  if (competencyThrough && competencyThrough < needed) {
    deadlines.push(lapse(voucher, "competency_lapsing", competencyThrough, context.timeZone, { engagementType: type.name }));
  }
  const consultant = voucher.schedule && context.consultants.find((candidate) => candidate.id === voucher.schedule?.consultantId);
  const exam = consultant && examQualifiesThrough(type, consultant);
  if (consultant && exam?.through && exam.through < needed) {
    deadlines.push(lapse(voucher, "exam_lapsing", exam.through, context.timeZone, { consultant: consultant.name, exam: exam.exam }));
  }
  return deadlines;
}

function lapse(voucher: Voucher, kind: VoucherDeadlineKind, lastDay: CalendarDate, timeZone: string, facts: Record<string, string>): VoucherDeadline {
  return {
    kind,
    subject: voucher.reference,
    voucherId: voucher.id,
    dueAt: endOfDay(lastDay, timeZone),
    reminders: ladder(lastDay, QUALIFICATION_REMINDER_DAYS, timeZone, true),
    permission: "voucher.manage",
    ...stepOf(voucher),
    facts: { ...facts, lapsesAfter: startOfDay(lastDay, timeZone) },
  };
}

/** The latest reminder reached at `now`, if any: the one a digest shows. */
export function dueReminder(deadline: VoucherDeadline, now: Date): Reminder | undefined {
  return deadline.reminders.filter((reminder) => reminder.at.getTime() <= now.getTime()).at(-1);
}
