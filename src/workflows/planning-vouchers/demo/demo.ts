// The planning vouchers of the demo organisation, dated from the demo anchor: a partner enrolled
// in DDPS whose Windows and Devices competency is about to lapse, two consultants (Rina
// eligible, Tom not), a voucher assigned (VCH-7781, to validate and reserve), one reserved and
// expiring in 20 days (VCH-7782), and one delivered ten days ago and not redeemed (VCH-7783).
import type { DemoContext, DemoStepReport, WorkflowDemo } from "../../../platform/import/demo/demo-context";
import { addDays, today } from "../domain/calendar-days";
import type { VoucherActor } from "../domain/permissions";
import { type VoucherCommand, takeVoucherStep } from "../store/voucher-steps";
import { findVoucherByTypedId } from "../store/vouchers";

const DAY_MS = 86_400_000;
const ZONE = "Europe/Paris";
const ASSIGNED_DAYS_AGO = 5;

function day(anchor: Date, days: number): string {
  return addDays(today(ZONE, anchor), days);
}

function voucher(anchor: Date, number: number, expiresIn: number) {
  return {
    vendorVoucherId: `DDPS-${number}-4410`,
    reference: `VCH-${number}`,
    customerName: number === 7783 ? "Fabrikam Industries" : "Northwind Traders",
    administratorEmail: "sa.admin@northwind.example",
    assignedPartnerId: "MPN-4410",
    offering: "DDPS",
    engagementTypeCode: "DDPS-WOD",
    value: { kind: "days", days: 5 },
    assignedOn: day(anchor, -ASSIGNED_DAYS_AGO - (number - 7781) * 10),
    expiresOn: day(anchor, expiresIn),
  };
}

function records(anchor: Date): Record<string, unknown[]> {
  return {
    voucherEngagementTypes: [
      {
        code: "DDPS-WOD",
        offering: "DDPS",
        name: "Windows and Office Deployment Planning",
        qualifyingCompetencies: [{ competency: "Windows and Devices", minimumLevel: "silver", exams: ["MD-100", "MD-101"] }],
      },
      {
        code: "DDPS-CLOUD",
        offering: "DDPS",
        name: "Cloud Platform Deployment Planning",
        qualifyingCompetencies: [{ competency: "Cloud Platform", minimumLevel: "gold", exams: ["AZ-104", "AZ-305"] }],
      },
    ],
    voucherPartnerIds: [{ vendorPartnerId: "MPN-4410", name: "Contoso Partners Paris" }],
    voucherEnrolments: [{ offering: "DDPS", enrolledOn: day(anchor, -300), anniversaryOn: day(anchor, 65) }],
    voucherCompetencies: [
      { vendorCompetencyId: "CMP-WD", name: "Windows and Devices", level: "gold", validThrough: day(anchor, 25) },
      { vendorCompetencyId: "CMP-CP", name: "Cloud Platform", level: "silver", validThrough: day(anchor, 200) },
    ],
    voucherConsultants: [
      {
        vendorConsultantId: "CON-RINA",
        name: "Rina Wijaya",
        email: "rina@contoso-partners.example",
        complianceTrainingOn: day(anchor, -200),
        exams: [{ code: "MD-100", name: "Windows Client", passedOn: day(anchor, -400), validThrough: day(anchor, 330) }],
      },
      {
        vendorConsultantId: "CON-TOM",
        name: "Tom Laurent",
        email: "tom@contoso-partners.example",
        exams: [{ code: "AZ-104", name: "Azure Administrator", passedOn: day(anchor, -100) }],
      },
    ],
    vouchers: [voucher(anchor, 7781, 90), voucher(anchor, 7782, 20), voucher(anchor, 7783, 45)],
  };
}

/** The steps the demo's admin took, each on its day: VCH-7782 reserved, VCH-7783 delivered ten days ago. */
async function seedVoucherSteps(demo: DemoContext): Promise<DemoStepReport> {
  const report = { step: "voucher steps", applied: 0, unchanged: 0 };
  const admin = demo.users.admin;
  const actor: VoucherActor = { userId: admin.aadObjectId, name: admin.name, role: admin.role };
  const rina = await demo.db.planningConsultant.findFirst({ where: { organisationId: demo.organisation.id, vendorConsultantId: "CON-RINA" } });
  const tenDaysAgo = new Date(demo.anchor.getTime() - 10 * DAY_MS);
  const deliveredOn = today(ZONE, tenDaysAgo);
  const reserve: VoucherCommand = { step: "reserve", command: { administratorEmail: "sa.admin@northwind.example", termsAccepted: true } };
  const plan: { reference: string; steps: { command: VoucherCommand; now: Date }[] }[] = [
    { reference: "VCH-7782", steps: [{ command: reserve, now: demo.anchor }] },
    {
      reference: "VCH-7783",
      steps: [
        { command: reserve, now: tenDaysAgo },
        { command: { step: "schedule", command: { startOn: deliveredOn, endOn: deliveredOn, consultantId: rina?.id ?? "" } }, now: tenDaysAgo },
        {
          command: {
            step: "file_completion_report",
            command: {
              deliveredOn,
              deliverables: ["Planning Services Completion Report", "Customer Planning Deliverable"],
              acceptedByName: "Marie Dupont",
              acceptedByEmail: "marie.dupont@fabrikam.example",
            },
          },
          now: new Date(tenDaysAgo.getTime() + 8 * 3_600_000),
        },
      ],
    },
  ];
  for (const { reference, steps } of plan) {
    const stored = await findVoucherByTypedId(demo.db, demo.organisation.id, reference);
    if (stored?.state !== "assigned") {
      report.unchanged += 1;
      continue;
    }
    for (const { command, now } of steps) {
      const outcome = await takeVoucherStep(
        demo.db,
        { organisationId: demo.organisation.id, voucherId: stored.id, actor, timeZone: demo.organisation.timeZone, now },
        command,
      );
      if (outcome.outcome !== "decided") throw new Error(`demo ${reference} ${command.step}: ${JSON.stringify(outcome)}`);
    }
    report.applied += 1;
  }
  return report;
}

export const voucherDemo: WorkflowDemo = {
  records,
  async storedAnchor(db, organisation) {
    const stored = await findVoucherByTypedId(db, organisation.id, "VCH-7781");
    return stored ? new Date(Date.parse(`${stored.assignedOn}T12:00:00Z`) + ASSIGNED_DAYS_AGO * DAY_MS) : undefined;
  },
  steps: [seedVoucherSteps],
};
