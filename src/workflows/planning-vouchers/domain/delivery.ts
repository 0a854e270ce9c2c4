// Scheduling and delivering the engagement (VENDOR-FACTS "Engagement", "Completion report"):
// only a consultant eligible for the engagement type, from today through the last scheduled
// day, can be scheduled; a voucher that expires before that day is flagged, not refused (the
// partner may still deliver sooner). The start date can be changed later. After delivery the
// partner files the completion report: the delivered day, the deliverables given to the
// customer and the customer contact who accepted them.
import { type Result, accept, refuse } from "../../../platform/domain/result";
import { type CalendarDate, isCalendarDate, startOfDay, today } from "./calendar-days";
import { type Consultant, type EngagementType, type PassedExam, consultantEligibility, ineligibilityFacts } from "./eligibility";
import type { VoucherActor } from "./permissions";
import type { VoucherRefusal } from "./refusals";
import { type VoucherTransition, advance, checkStep, checkWhileReserved, stamp } from "./steps";
import { NAME_MAX, cleanText, isEmail } from "./text-fields";
import type { Schedule, Voucher } from "./voucher";

export interface ScheduleCommand {
  startOn: string;
  endOn: string;
  consultantId: string;
}

export interface StaffingContext {
  timeZone: string;
  engagementType: EngagementType | undefined;
  consultants: readonly Consultant[];
}

type PlannedSchedule = Omit<Schedule, "at" | "byUserId" | "byName">;

export function scheduleVoucher(voucher: Voucher, command: ScheduleCommand, actor: VoucherActor, now: Date, context: StaffingContext): VoucherTransition {
  const step = checkStep(voucher, "schedule", actor, context.timeZone, now);
  if (!step.ok) return step;
  const planned = planSchedule(voucher, command, context, now);
  if (!planned.ok) return planned;
  const schedule: Schedule = { ...stamp(actor, now), ...planned.value };
  const record = advance(voucher, "scheduled", { schedule });
  return accept({ record, audit: { action: "scheduled", before: { state: voucher.state }, after: { state: record.state, ...planned.value } } });
}

/** Moves the dates or changes the consultant of a scheduled engagement; the voucher stays scheduled. */
export function rescheduleVoucher(voucher: Voucher, command: ScheduleCommand, actor: VoucherActor, now: Date, context: StaffingContext): VoucherTransition {
  const allowed = checkWhileReserved(voucher, "reschedule", ["scheduled"], actor, context.timeZone, now);
  if (!allowed.ok) return allowed;
  const planned = planSchedule(voucher, command, context, now);
  if (!planned.ok) return planned;
  const before = voucher.schedule;
  const { startOn, endOn, consultantId } = planned.value;
  if (before && before.startOn === startOn && before.endOn === endOn && before.consultantId === consultantId) return refuse("schedule_unchanged");
  const schedule: Schedule = { ...stamp(actor, now), ...planned.value };
  const record = advance(voucher, "scheduled", { schedule });
  return accept({
    record,
    audit: {
      action: "rescheduled",
      before: before && { startOn: before.startOn, endOn: before.endOn, consultantName: before.consultantName },
      after: { startOn, endOn, consultantName: schedule.consultantName, expiresBeforeDelivery: schedule.expiresBeforeDelivery },
    },
  });
}

function planSchedule(voucher: Voucher, command: ScheduleCommand, context: StaffingContext, now: Date): Result<PlannedSchedule, VoucherRefusal> {
  const { timeZone, engagementType, consultants } = context;
  const startOn = command.startOn.trim();
  const endOn = command.endOn.trim();
  if (!isCalendarDate(startOn)) return refuse("date_invalid", { field: "startOn" });
  if (!isCalendarDate(endOn)) return refuse("date_invalid", { field: "endOn" });
  if (endOn < startOn) return refuse("schedule_ends_before_start", { startOn: startOfDay(startOn, timeZone), endOn: startOfDay(endOn, timeZone) });
  const day = today(timeZone, now);
  if (startOn < day) return refuse("schedule_in_past", { startOn: startOfDay(startOn, timeZone) });
  if (!engagementType || engagementType.code !== voucher.engagementTypeCode) {
    return refuse("engagement_type_unknown", { engagementType: voucher.engagementTypeCode });
  }
  const consultant = consultants.find((candidate) => candidate.id === command.consultantId);
  if (!consultant) return refuse("consultant_unknown");
  const checked = checkConsultant(engagementType, consultant, day, endOn, timeZone);
  if (!checked.ok) return checked;
  return accept({
    startOn,
    endOn,
    consultantId: consultant.id,
    consultantName: consultant.name,
    qualifyingExam: checked.value.name,
    ...(checked.value.validThrough ? { examValidThrough: checked.value.validThrough } : {}),
    expiresBeforeDelivery: voucher.expiresOn < endOn,
  });
}

/**
 * The consultant must qualify today and still on the engagement's last day. The exam found today
 * is the one valid longest, so it is the one that carries them through when any does.
 */
function checkConsultant(
  type: EngagementType,
  consultant: Consultant,
  day: CalendarDate,
  lastDay: CalendarDate,
  timeZone: string,
): Result<PassedExam, VoucherRefusal> {
  const now = consultantEligibility(type, consultant, day);
  const through = now.eligible ? consultantEligibility(type, consultant, lastDay) : now;
  if (!now.eligible || !through.eligible) {
    const reasons = through.eligible ? [] : through.reasons;
    return refuse("consultant_not_eligible", {
      consultant: consultant.name,
      onDay: startOfDay(now.eligible ? lastDay : day, timeZone),
      ...(reasons[0] ? ineligibilityFacts(reasons[0], timeZone) : {}),
    });
  }
  return accept(now.exam);
}

export const DELIVERABLES_MAX = 10;

export interface CompletionReportCommand {
  deliveredOn: string;
  deliverables: readonly string[];
  acceptedByName: string;
  acceptedByEmail: string;
}

export function fileCompletionReport(voucher: Voucher, command: CompletionReportCommand, actor: VoucherActor, now: Date, timeZone: string): VoucherTransition {
  const step = checkStep(voucher, "file_completion_report", actor, timeZone, now);
  if (!step.ok) return step;
  const deliveredOn = command.deliveredOn.trim();
  if (!isCalendarDate(deliveredOn)) return refuse("date_invalid", { field: "deliveredOn" });
  const startOn = voucher.schedule?.startOn;
  if (startOn && deliveredOn < startOn)
    return refuse("delivered_before_start", { deliveredOn: startOfDay(deliveredOn, timeZone), startOn: startOfDay(startOn, timeZone) });
  if (deliveredOn > today(timeZone, now)) return refuse("delivered_in_future", { deliveredOn: startOfDay(deliveredOn, timeZone) });
  const deliverables = command.deliverables.map(cleanText).filter(Boolean);
  if (deliverables.length === 0) return refuse("deliverables_required");
  if (deliverables.length > DELIVERABLES_MAX) return refuse("too_many_deliverables", { max: DELIVERABLES_MAX });
  if (deliverables.some((title) => title.length > NAME_MAX)) return refuse("text_too_long", { field: "deliverables", max: NAME_MAX });
  const acceptedByName = cleanText(command.acceptedByName);
  if (!acceptedByName) return refuse("contact_name_required");
  if (acceptedByName.length > NAME_MAX) return refuse("text_too_long", { field: "acceptedByName", max: NAME_MAX });
  const acceptedByEmail = command.acceptedByEmail.trim();
  if (!isEmail(acceptedByEmail)) return refuse("email_invalid", { field: "acceptedByEmail" });
  const completion = { ...stamp(actor, now), deliveredOn, deliverables, acceptedByName, acceptedByEmail };
  const record = advance(voucher, "delivered", { completion });
  return accept({
    record,
    audit: {
      action: "completion_report_filed",
      before: { state: voucher.state },
      after: { state: record.state, deliveredOn, deliverables, acceptedByName, acceptedByEmail },
    },
  });
}
