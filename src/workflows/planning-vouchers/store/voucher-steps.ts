// One step on one voucher through the platform's decide-once: the voucher and what its rules
// need (engagement type, standing, consultants) are read in the transaction, the domain
// decides, the new version is saved with the version check, its history appended to the
// audit table and the vendor's event emitted, all at once. Twenty Reserve clicks: one
// reservation, nineteen "already reserved".
import { accept } from "../../../platform/domain/result";
import { emitEvent } from "../../../platform/events/emit";
import type { Db, DbTx } from "../../../platform/store/db";
import { type DecideOnceOutcome, decideOnce } from "../../../platform/store/decide-once";
import { type CompletionReportCommand, type ScheduleCommand, fileCompletionReport, rescheduleVoucher, scheduleVoucher } from "../domain/delivery";
import type { Consultant, EngagementType, PartnerStanding } from "../domain/eligibility";
import type { VoucherActor } from "../domain/permissions";
import type { VoucherRefusal } from "../domain/refusals";
import { type CancelReservationCommand, type ReserveCommand, cancelReservation, reserveVoucher } from "../domain/reservation";
import { type InvoiceCommand, type PaymentConfirmation, confirmPayment, invoiceVoucher, redeemVoucher } from "../domain/settlement";
import type { VoucherAudit, VoucherTransition } from "../domain/steps";
import { vendorEventFor } from "../domain/vendor-events";
import type { Voucher } from "../domain/voucher";
import { vendorEventData } from "../events";
import { findEngagementType, listConsultants, loadStanding } from "./standing";
import { findVoucher, findVoucherByVendorId, saveVoucherVersion, voucherAuditEntry } from "./vouchers";

export type VoucherCommand =
  | { step: "reserve"; command: ReserveCommand }
  | { step: "cancel_reservation"; command: CancelReservationCommand }
  | { step: "schedule"; command: ScheduleCommand }
  | { step: "reschedule"; command: ScheduleCommand }
  | { step: "file_completion_report"; command: CompletionReportCommand }
  | { step: "redeem" }
  | { step: "invoice"; command: InvoiceCommand };

export type VoucherOutcome = DecideOnceOutcome<Voucher, Voucher, VoucherRefusal>;

type Stepped = { record: Voucher; audit: VoucherAudit };

interface Loaded {
  voucher: Voucher;
  engagementType: EngagementType | undefined;
  standing: PartnerStanding;
  consultants: readonly Consultant[];
}

export interface VoucherStepInput {
  organisationId: string;
  voucherId: string;
  actor: VoucherActor;
  timeZone: string;
  now: Date;
}

function decideStep(loaded: Loaded, command: VoucherCommand, input: VoucherStepInput): VoucherTransition {
  const { voucher, engagementType, standing, consultants } = loaded;
  const { actor, now, timeZone } = input;
  switch (command.step) {
    case "reserve":
      return reserveVoucher(voucher, command.command, actor, now, { timeZone, engagementType, standing });
    case "cancel_reservation":
      return cancelReservation(voucher, command.command, actor, now, timeZone);
    case "schedule":
      return scheduleVoucher(voucher, command.command, actor, now, { timeZone, engagementType, consultants });
    case "reschedule":
      return rescheduleVoucher(voucher, command.command, actor, now, { timeZone, engagementType, consultants });
    case "file_completion_report":
      return fileCompletionReport(voucher, command.command, actor, now, timeZone);
    case "redeem":
      return redeemVoucher(voucher, actor, now, timeZone);
    case "invoice":
      return invoiceVoucher(voucher, command.command, actor, now, timeZone);
  }
}

async function loadFor(tx: DbTx, organisationId: string, voucher: Voucher | undefined, command: VoucherCommand): Promise<Loaded | undefined> {
  if (!voucher) return undefined;
  const needsType = command.step === "reserve" || command.step === "schedule" || command.step === "reschedule";
  const [engagementType, standing, consultants] = await Promise.all([
    needsType ? findEngagementType(tx, organisationId, voucher.engagementTypeCode) : undefined,
    command.step === "reserve" ? loadStanding(tx, organisationId) : { partnerIds: [], enrolments: [], competencies: [] },
    command.step === "schedule" || command.step === "reschedule" ? listConsultants(tx, organisationId) : [],
  ]);
  return { voucher, engagementType, standing, consultants };
}

/** Saves the step and, for the steps the vendor hears of, its event in the same transaction. */
async function saveStep(tx: DbTx, before: Voucher, next: Voucher, audit: VoucherAudit, now: Date): Promise<boolean> {
  if (!(await saveVoucherVersion(tx, before, next))) return false;
  const event = vendorEventFor(next, audit, now);
  if (event) {
    const { definition, data } = vendorEventData(event);
    await emitEvent(tx, definition, { organisationId: next.organisationId, data, now });
  }
  return true;
}

export async function takeVoucherStep(db: Db, input: VoucherStepInput, command: VoucherCommand): Promise<VoucherOutcome> {
  const outcome = await decideOnce<Loaded, Stepped, VoucherRefusal>(db, {
    load: async (tx) => loadFor(tx, input.organisationId, await findVoucher(tx, input.organisationId, input.voucherId), command),
    decide: (loaded) => {
      const decided = decideStep(loaded, command, input);
      if (!decided.ok) return decided;
      return accept({ next: decided.value, audit: voucherAuditEntry(decided.value.record, decided.value.audit, input.now, input.actor) });
    },
    save: (tx, loaded, next) => saveStep(tx, loaded.voucher, next.record, next.audit, input.now),
  });
  switch (outcome.outcome) {
    case "decided":
      return { outcome: "decided", record: outcome.record.record };
    case "not_found":
      return outcome;
    default:
      return { ...outcome, record: outcome.record.voucher };
  }
}

export type PaymentOutcome = VoucherOutcome;

/** The vendor's payment confirmation: applied once; the same confirmation again changes nothing. */
export async function confirmVoucherPayment(
  db: Db,
  organisationId: string,
  confirmation: PaymentConfirmation & { vendorVoucherId: string },
  timeZone: string,
  now: Date,
): Promise<PaymentOutcome> {
  const outcome = await decideOnce<Voucher, Voucher, VoucherRefusal>(db, {
    load: (tx) => findVoucherByVendorId(tx, organisationId, confirmation.vendorVoucherId),
    decide: (voucher) => {
      const decided = confirmPayment(voucher, confirmation, now, timeZone);
      if (!decided.ok) return decided;
      if (decided.value.kind === "replay") return accept({ unchanged: true as const });
      return accept({ next: decided.value.record, audit: voucherAuditEntry(decided.value.record, decided.value.audit, now) });
    },
    save: saveVoucherVersion,
  });
  return outcome;
}
