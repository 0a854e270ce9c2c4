// DOMAIN.md section 3: the partner is eligible for an engagement type when enrolled in its
// offering (renewed every year) and holding a competency that qualifies for that type; the
// consultant when they passed an exam of a qualifying competency and the compliance training.
import { describe, expect, it } from "vitest";
import {
  type EngagementType,
  consultantEligibility,
  ineligibilityFacts,
  partnerEligibility,
} from "../../../../src/workflows/planning-vouchers/domain/eligibility";
import { renewalsByDate } from "../../../../src/workflows/planning-vouchers/domain/renewals";
import { at, eligibleConsultant, ineligibleConsultant, standing, windowsPlanning } from "./fixtures";

const mobileProductivity: EngagementType = {
  code: "DDPS-MOB",
  offering: "DDPS",
  name: "Mobile Productivity Deployment Planning",
  qualifyingCompetencies: [
    { competency: "Enterprise Mobility Management", minimumLevel: "silver", exams: ["MS-101"] },
    { competency: "Windows and Devices", minimumLevel: "silver", exams: ["MD-100"] },
  ],
};
const erpUpgrade: EngagementType = {
  code: "DYDPS-FO",
  offering: "DYDPS",
  name: "Upgrading Microsoft Dynamics 365 for Finance and Operations",
  qualifyingCompetencies: [{ competency: "Enterprise Resource Planning", minimumLevel: "gold", exams: ["MB-300"] }],
};

describe("the partner's eligibility for an engagement type", () => {
  it("is eligible when enrolled in the offering and holding the qualifying competency, and says which", () => {
    expect(partnerEligibility(windowsPlanning, standing, "2026-12-01")).toEqual({
      eligible: true,
      enrolment: standing.enrolments[0],
      competency: standing.competencies[0],
    });
  });

  it("takes either competency where the vendor says A OR B", () => {
    expect(partnerEligibility(mobileProductivity, standing, "2026-12-01").eligible).toBe(true);
  });

  it("is not eligible without an enrolment in the engagement type's offering, even holding the competency", () => {
    const dynamics = { ...standing, competencies: [{ name: "Enterprise Resource Planning", level: "gold" as const, validThrough: "2027-12-31" }] };
    expect(partnerEligibility(erpUpgrade, dynamics, "2026-12-01")).toEqual({ eligible: false, reasons: [{ reason: "not_enrolled", offering: "DYDPS" }] });
  });

  it("holds the enrolment through its anniversary day and lapses it the day after", () => {
    expect(partnerEligibility(windowsPlanning, standing, "2027-02-28").eligible).toBe(true);
    expect(partnerEligibility(windowsPlanning, standing, "2027-03-01")).toEqual({
      eligible: false,
      reasons: [{ reason: "enrolment_lapsed", offering: "DDPS", lapsedAfter: "2027-02-28" }],
    });
  });

  it("says the competency required for this engagement type expired, and on which day", () => {
    const lapsed = { ...standing, competencies: [{ name: "Windows and Devices", level: "silver" as const, validThrough: "2026-10-03" }] };
    expect(partnerEligibility(windowsPlanning, lapsed, "2026-12-01")).toEqual({
      eligible: false,
      reasons: [{ reason: "competency_expired", competency: "Windows and Devices", expiredOn: "2026-10-03" }],
    });
  });

  it("refuses a silver competency where the engagement type asks for gold", () => {
    const silver = {
      ...standing,
      enrolments: [...standing.enrolments, { offering: "DYDPS", enrolledOn: "2026-03-01", anniversaryOn: "2027-02-28" }],
      competencies: [{ name: "Enterprise Resource Planning", level: "silver" as const, validThrough: "2027-12-31" }],
    };
    expect(partnerEligibility(erpUpgrade, silver, "2026-12-01")).toEqual({
      eligible: false,
      reasons: [{ reason: "competency_level_too_low", competency: "Enterprise Resource Planning", level: "gold", heldLevel: "silver" }],
    });
  });

  it("lists every missing competency of an A OR B requirement, and a lapsed enrolment with them", () => {
    const bare = { ...standing, competencies: [], enrolments: [{ offering: "DDPS", enrolledOn: "2025-03-01", anniversaryOn: "2026-02-28" }] };
    expect(partnerEligibility(mobileProductivity, bare, "2026-12-01")).toEqual({
      eligible: false,
      reasons: [
        { reason: "enrolment_lapsed", offering: "DDPS", lapsedAfter: "2026-02-28" },
        { reason: "competency_missing", competency: "Enterprise Mobility Management", level: "silver" },
        { reason: "competency_missing", competency: "Windows and Devices", level: "silver" },
      ],
    });
  });

  it("gives a reason's days to the card as the first instant of that day in the organisation's zone", () => {
    expect(ineligibilityFacts({ reason: "competency_expired", competency: "Cloud Platform", expiredOn: "2026-10-03" }, "Asia/Jakarta")).toEqual({
      reason: "competency_expired",
      competency: "Cloud Platform",
      expiredOn: at("2026-10-02T17:00:00Z"),
    });
  });
});

describe("the consultant's eligibility", () => {
  it("is eligible with a passed exam of the qualifying competency, and says which exam", () => {
    expect(consultantEligibility(windowsPlanning, eligibleConsultant, "2026-12-01")).toEqual({ eligible: true, exam: eligibleConsultant.exams[0] });
  });

  it("is not eligible with exams of other competencies only, and names the exams that would do", () => {
    expect(consultantEligibility(windowsPlanning, ineligibleConsultant, "2026-12-01")).toEqual({
      eligible: false,
      reasons: [{ reason: "exam_missing", exams: "MD-100, MD-101" }],
    });
  });

  it("counts an exam through its last valid day, and as expired the day after", () => {
    expect(consultantEligibility(windowsPlanning, eligibleConsultant, "2027-05-04").eligible).toBe(true);
    expect(consultantEligibility(windowsPlanning, eligibleConsultant, "2027-05-05")).toEqual({
      eligible: false,
      reasons: [{ reason: "exam_expired", exam: "Windows Client", expiredOn: "2027-05-04" }],
    });
  });

  it("does not count an exam passed after the day asked about", () => {
    expect(consultantEligibility(windowsPlanning, eligibleConsultant, "2025-05-03").eligible).toBe(false);
  });

  it("requires the Planning Services compliance training", () => {
    const untrained = { ...eligibleConsultant, complianceTrainingOn: undefined };
    expect(consultantEligibility(windowsPlanning, untrained, "2026-12-01")).toEqual({ eligible: false, reasons: [{ reason: "compliance_training_missing" }] });
  });

  it("takes the exam valid longest when several qualify, and one that never lapses first", () => {
    const twoExams = {
      ...eligibleConsultant,
      exams: [...eligibleConsultant.exams, { code: "MD-101", name: "Managing Modern Desktops", passedOn: "2026-01-10" }],
    };
    const result = consultantEligibility(windowsPlanning, twoExams, "2026-12-01");
    expect(result.eligible && result.exam.code).toBe("MD-101");
  });
});

describe("the partner's renewals", () => {
  it("lists enrolments and competencies by the day each must be renewed by, with the days left", () => {
    const withLapsed = {
      ...standing,
      competencies: [...standing.competencies, { name: "Cloud Platform", level: "silver" as const, validThrough: "2026-10-03" }],
    };
    expect(renewalsByDate(withLapsed, "Europe/Paris", at("2026-12-01T09:00:00Z"))).toEqual([
      { kind: "competency", name: "Cloud Platform", lastDay: "2026-10-03", daysLeft: -59 },
      { kind: "enrolment", name: "DDPS", lastDay: "2027-02-28", daysLeft: 89 },
      { kind: "competency", name: "Windows and Devices", lastDay: "2027-06-30", daysLeft: 211 },
    ]);
  });
});
