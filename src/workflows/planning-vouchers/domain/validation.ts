// Validating a voucher ID typed or pasted in Teams ("validate VCH-7781", or the vendor's ID from
// the customer's e-mail): the bot looks among the vouchers the vendor assigned to this
// organisation and says plainly whether it is unknown, assigned to another partner, already
// reserved or expired; otherwise it shows the partner's eligibility and offers Reserve.
import { type Result, accept, refuse } from "../../../platform/domain/result";
import { today } from "./calendar-days";
import { type EngagementType, type PartnerEligibility, type PartnerStanding, partnerEligibility } from "./eligibility";
import type { VoucherActor } from "./permissions";
import type { VoucherRefusal } from "./refusals";
import { checkNotExpired, mayManage } from "./steps";
import { type Voucher, normaliseVoucherReference, vendorIdKey } from "./voucher";

export const VOUCHER_ID_MAX = 64;

/** The voucher a typed ID names, by the bot's reference (VCH-7781) or the vendor's printed ID. */
export function findVoucher<V extends Pick<Voucher, "reference" | "vendorVoucherId">>(input: string, vouchers: readonly V[]): V | undefined {
  const reference = normaliseVoucherReference(input);
  const key = vendorIdKey(input);
  return (
    (reference ? vouchers.find((voucher) => voucher.reference === reference) : undefined) ??
    vouchers.find((voucher) => vendorIdKey(voucher.vendorVoucherId) === key)
  );
}

export interface ValidatedVoucher {
  voucher: Voucher;
  engagementType: EngagementType;
  eligibility: PartnerEligibility;
}

export interface ValidationContext {
  timeZone: string;
  /** Only this organisation's vouchers: another organisation's voucher is unknown here. */
  vouchers: readonly Voucher[];
  engagementTypes: readonly EngagementType[];
  standing: PartnerStanding;
}

export function validateVoucherId(input: string, actor: VoucherActor, now: Date, context: ValidationContext): Result<ValidatedVoucher, VoucherRefusal> {
  const permitted = mayManage(actor);
  if (!permitted.ok) return permitted;
  const typed = input.trim();
  if (!typed || typed.length > VOUCHER_ID_MAX) return refuse("voucher_id_invalid", { max: VOUCHER_ID_MAX });
  const voucher = findVoucher(typed, context.vouchers);
  if (!voucher) return refuse("voucher_unknown", { voucherId: typed });
  if (!context.standing.partnerIds.includes(voucher.assignedPartnerId)) return refuse("voucher_assigned_elsewhere", { reference: voucher.reference });
  if (voucher.state !== "assigned") {
    return refuse("voucher_already_reserved", {
      reference: voucher.reference,
      state: voucher.state,
      by: voucher.reservation?.byName,
      at: voucher.reservation?.at,
    });
  }
  const fresh = checkNotExpired(voucher, context.timeZone, now);
  if (!fresh.ok) return fresh;
  const engagementType = context.engagementTypes.find((type) => type.code === voucher.engagementTypeCode);
  if (!engagementType) return refuse("engagement_type_unknown", { engagementType: voucher.engagementTypeCode });
  return accept({ voucher, engagementType, eligibility: partnerEligibility(engagementType, context.standing, today(context.timeZone, now)) });
}
