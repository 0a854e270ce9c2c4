// Validating and reserving a voucher, and cancelling the reservation (VENDOR-FACTS "Validate
// and reserve", "Cancel reservation"): the partner gives the customer's voucher administrator
// e-mail, accepts the programme terms and must be eligible for the engagement type on the day
// it reserves. Cancelling puts the voucher back to assigned, with one of the vendor's reasons.
import { accept, refuse } from "../../../platform/domain/result";
import { today } from "./calendar-days";
import { type EngagementType, type PartnerStanding, ineligibilityFacts, partnerEligibility } from "./eligibility";
import type { VoucherActor } from "./permissions";
import { type VoucherTransition, advance, checkStep, checkWhileReserved, stamp } from "./steps";
import { NOTE_MAX, cleanText, isEmail, sameEmail } from "./text-fields";
import type { Voucher } from "./voucher";

export interface ReserveCommand {
  administratorEmail: string;
  termsAccepted: boolean;
}

export interface EligibilityContext {
  timeZone: string;
  /** The engagement type the voucher names, as imported from the vendor (undefined when not known). */
  engagementType: EngagementType | undefined;
  standing: PartnerStanding;
}

export function reserveVoucher(voucher: Voucher, command: ReserveCommand, actor: VoucherActor, now: Date, context: EligibilityContext): VoucherTransition {
  const { timeZone, engagementType, standing } = context;
  const step = checkStep(voucher, "reserve", actor, timeZone, now);
  if (!step.ok) return step;
  if (!standing.partnerIds.includes(voucher.assignedPartnerId)) return refuse("voucher_assigned_elsewhere", { reference: voucher.reference });
  if (!engagementType || engagementType.code !== voucher.engagementTypeCode) {
    return refuse("engagement_type_unknown", { engagementType: voucher.engagementTypeCode });
  }
  const email = command.administratorEmail.trim();
  if (!isEmail(email)) return refuse("email_invalid", { field: "administratorEmail" });
  if (!sameEmail(email, voucher.administratorEmail)) return refuse("administrator_email_mismatch", { reference: voucher.reference });
  if (!command.termsAccepted) return refuse("terms_not_accepted");
  const eligibility = partnerEligibility(engagementType, standing, today(timeZone, now));
  if (!eligibility.eligible) {
    const [first] = eligibility.reasons;
    return refuse("partner_not_eligible", {
      engagementType: engagementType.name,
      reasons: eligibility.reasons.length,
      ...(first ? ineligibilityFacts(first, timeZone) : {}),
    });
  }
  const reservation = {
    ...stamp(actor, now),
    qualifyingCompetency: eligibility.competency.name,
    competencyValidThrough: eligibility.competency.validThrough,
    enrolmentAnniversary: eligibility.enrolment.anniversaryOn,
  };
  const record = advance(voucher, "reserved", { reservation });
  return accept({
    record,
    audit: {
      action: "reserved",
      before: { state: voucher.state },
      after: { state: record.state, qualifyingCompetency: reservation.qualifyingCompetency, enrolmentAnniversary: reservation.enrolmentAnniversary },
    },
  });
}

/** The vendor's valid reasons to cancel a reservation, and ours for anything else (with a note). */
export const CANCELLATION_REASONS = ["offer_changed", "engagement_not_happening", "customer_chose_another_partner", "other"] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

export interface CancelReservationCommand {
  reason: CancellationReason | undefined;
  note?: string;
}

export function cancelReservation(voucher: Voucher, command: CancelReservationCommand, actor: VoucherActor, now: Date, timeZone: string): VoucherTransition {
  const allowed = checkWhileReserved(voucher, "cancel_reservation", ["reserved", "scheduled"], actor, timeZone, now);
  if (!allowed.ok) return allowed;
  if (!command.reason || !(CANCELLATION_REASONS as readonly string[]).includes(command.reason)) return refuse("cancellation_reason_required");
  const note = cleanText(command.note);
  if (command.reason === "other" && !note) return refuse("note_required");
  if (note.length > NOTE_MAX) return refuse("note_too_long", { max: NOTE_MAX });
  const { reservation: _reservation, schedule: _schedule, ...rest } = voucher;
  const record = advance(rest, "assigned", {});
  return accept({
    record,
    audit: {
      action: "reservation_cancelled",
      reason: note || command.reason,
      before: { state: voucher.state, reservedBy: voucher.reservation?.byName, schedule: scheduleFacts(voucher) },
      after: { state: record.state, cancellationReason: command.reason },
    },
  });
}

function scheduleFacts(voucher: Voucher): object | undefined {
  const schedule = voucher.schedule;
  return schedule && { startOn: schedule.startOn, endOn: schedule.endOn, consultant: schedule.consultantName };
}
