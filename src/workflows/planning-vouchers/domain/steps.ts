// What every voucher step checks before its own rules: an admin acts, the step comes next in
// the strict order (none skipped, none repeated), and an unredeemed voucher has not expired in
// the organisation's zone. Also how a step is stamped and recorded.
import { type Result, accept, refuse } from "../../../platform/domain/result";
import { hasLapsed, startOfDay } from "./calendar-days";
import { VOUCHER_PERMISSIONS, type VoucherActor } from "./permissions";
import type { VoucherRefusal } from "./refusals";
import { STEP_FROM, type StepRecord, type Voucher, type VoucherState, type VoucherStep, stateIndex } from "./voucher";

export const VOUCHER_ACTIONS = [
  "imported",
  "import_updated",
  "reserved",
  "reservation_cancelled",
  "scheduled",
  "rescheduled",
  "completion_report_filed",
  "redeemed",
  "invoiced",
  "payment_confirmed",
] as const;
export type VoucherAction = (typeof VOUCHER_ACTIONS)[number];

/** One history entry; who and when are added by the store. */
export interface VoucherAudit {
  action: VoucherAction;
  reason?: string;
  before?: object;
  after?: object;
}

export type VoucherTransition = Result<{ record: Voucher; audit: VoucherAudit }, VoucherRefusal>;

/** The steps a person takes; the last one, the payment, is the vendor's (settlement.ts, confirmPayment). */
export type PartnerStep = Exclude<VoucherStep, "confirm_payment">;

/**
 * Steps the expiry date closes: everything up to redemption (and, in checkWhileReserved, any
 * change to a reservation). A redeemed voucher is spent, not lost: it is invoiced and paid as
 * the vendor allows.
 */
const CLOSED_BY_EXPIRY: ReadonlySet<PartnerStep> = new Set(["reserve", "schedule", "file_completion_report", "redeem"]);

export function mayManage(actor: VoucherActor): Result<true, VoucherRefusal> {
  return VOUCHER_PERMISSIONS.can(actor.role, "voucher.manage") ? accept(true) : refuse("not_admin", { role: actor.role });
}

/** The expiry refusal, when an unredeemed voucher is past its last valid day at `now`. */
export function checkNotExpired(voucher: Voucher, timeZone: string, now: Date): Result<true, VoucherRefusal> {
  if (!hasLapsed(voucher.expiresOn, timeZone, now)) return accept(true);
  return refuse("voucher_expired", { reference: voucher.reference, expiresOn: startOfDay(voucher.expiresOn, timeZone) });
}

/** Permission, order, then expiry: the checks every forward step shares. */
export function checkStep(voucher: Voucher, step: PartnerStep, actor: VoucherActor, timeZone: string, now: Date): Result<true, VoucherRefusal> {
  const permitted = mayManage(actor);
  if (!permitted.ok) return permitted;
  const from = STEP_FROM[step];
  if (stateIndex(voucher.state) > stateIndex(from)) {
    const done = doneBy(voucher, step);
    return refuse("step_already_done", { step, state: voucher.state, reference: voucher.reference, by: done?.by, at: done?.at });
  }
  if (voucher.state !== from) return refuse("step_out_of_order", { step, state: voucher.state, expected: from, reference: voucher.reference });
  return CLOSED_BY_EXPIRY.has(step) ? checkNotExpired(voucher, timeZone, now) : accept(true);
}

/** Checks for the changes made while a voucher is reserved (rescheduling, cancelling). */
export function checkWhileReserved(
  voucher: Voucher,
  change: "cancel_reservation" | "reschedule",
  allowed: readonly VoucherState[],
  actor: VoucherActor,
  timeZone: string,
  now: Date,
): Result<true, VoucherRefusal> {
  const permitted = mayManage(actor);
  if (!permitted.ok) return permitted;
  if (!allowed.includes(voucher.state)) {
    return refuse("step_out_of_order", { step: change, state: voucher.state, expected: allowed.join(", "), reference: voucher.reference });
  }
  return checkNotExpired(voucher, timeZone, now);
}

function doneBy(voucher: Voucher, step: PartnerStep): { by: string; at: Date } | undefined {
  const records = {
    reserve: voucher.reservation,
    schedule: voucher.schedule,
    file_completion_report: voucher.completion,
    redeem: voucher.redemption,
    invoice: voucher.invoice,
  };
  const record: StepRecord | undefined = records[step];
  return record && { by: record.byName, at: record.at };
}

export function stamp(actor: VoucherActor, now: Date): StepRecord {
  return { at: now, byUserId: actor.userId, byName: actor.name };
}

/** The voucher after a step: its new state and facts, one version later. */
export function advance(voucher: Voucher, state: VoucherState, changes: Partial<Voucher>): Voucher {
  return { ...voucher, ...changes, state, version: voucher.version + 1 };
}
