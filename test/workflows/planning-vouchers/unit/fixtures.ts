// A partner enrolled in DDPS with the Windows and Devices competency, two consultants (one
// eligible), and a voucher assigned to it, expiring on 31 January 2027. Dates are fixed.
import type { Consultant, EngagementType, PartnerStanding } from "../../../../src/workflows/planning-vouchers/domain/eligibility";
import type { VoucherActor } from "../../../../src/workflows/planning-vouchers/domain/permissions";
import type { Voucher } from "../../../../src/workflows/planning-vouchers/domain/voucher";

export const zone = "Europe/Paris";
/** 1 December 2026, 10:00 in Paris. */
export const now = new Date("2026-12-01T09:00:00Z");

export const admin: VoucherActor = { userId: "aad-ana", name: "Ana", role: "admin" };

export const windowsPlanning: EngagementType = {
  code: "DDPS-WOD",
  offering: "DDPS",
  name: "Windows and Office Deployment Planning",
  qualifyingCompetencies: [{ competency: "Windows and Devices", minimumLevel: "silver", exams: ["MD-100", "MD-101"] }],
};

export const standing: PartnerStanding = {
  partnerIds: ["MPN-4410"],
  enrolments: [{ offering: "DDPS", enrolledOn: "2026-03-01", anniversaryOn: "2027-02-28" }],
  competencies: [{ name: "Windows and Devices", level: "gold", validThrough: "2027-06-30" }],
};

export const eligibleConsultant: Consultant = {
  id: "c-rina",
  name: "Rina",
  complianceTrainingOn: "2026-02-10",
  exams: [{ code: "MD-100", name: "Windows Client", passedOn: "2025-05-04", validThrough: "2027-05-04" }],
};

export const ineligibleConsultant: Consultant = {
  id: "c-tom",
  name: "Tom",
  complianceTrainingOn: "2026-02-10",
  exams: [{ code: "AZ-104", name: "Azure Administrator", passedOn: "2026-01-15" }],
};

export const consultants = [eligibleConsultant, ineligibleConsultant];

export const assigned: Voucher = {
  id: "v1",
  organisationId: "org-1",
  vendorVoucherId: "DDPS-7781-ab",
  reference: "VCH-7781",
  customerName: "Contoso",
  administratorEmail: "sa.admin@contoso.example",
  assignedPartnerId: "MPN-4410",
  offering: "DDPS",
  engagementTypeCode: "DDPS-WOD",
  value: { kind: "days", days: 5 },
  assignedOn: "2026-11-20",
  expiresOn: "2027-01-31",
  state: "assigned",
  version: 0,
};

export const reserveCommand = { administratorEmail: "SA.Admin@contoso.example", termsAccepted: true };
export const eligibilityContext = { timeZone: zone, engagementType: windowsPlanning, standing };
export const staffingContext = { timeZone: zone, engagementType: windowsPlanning, consultants };
export const scheduleCommand = { startOn: "2026-12-14", endOn: "2026-12-18", consultantId: "c-rina" };
export const completionCommand = {
  deliveredOn: "2026-12-18",
  deliverables: ["Planning Services Completion Report", "Customer Planning Deliverable"],
  acceptedByName: "Marie Dupont",
  acceptedByEmail: "marie.dupont@contoso.example",
};
export const invoiceCommand = { number: "INV-2027-001", amount: "6250.00", currency: "EUR" };

/** Unwraps an accepted result, or fails the test with the refusal's code. */
export function accepted<T>(result: { ok: true; value: T } | { ok: false; refusal: { code: string } }): T {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code}`);
  return result.value;
}

/** The refusal of a refused result, or undefined when it was accepted. */
export function refusal<T>(result: { ok: true; value: T } | { ok: false; refusal: { code: string; facts: object } }) {
  return result.ok ? undefined : result.refusal;
}

export const at = (iso: string) => new Date(iso);
