// Who may deliver what (DOMAIN.md section 3, VENDOR-FACTS "Eligibility"): the partner must be
// enrolled in the engagement type's offering, its yearly enrolment not lapsed, and hold a
// competency that qualifies for that specific engagement type at the level asked; the
// consultant must have passed an exam of a qualifying competency and the programme's compliance
// training. Every check answers with reasons a card can list, not just yes or no.
import type { RefusalFacts } from "../../../platform/domain/result";
import { type CalendarDate, startOfDay } from "./calendar-days";

export const COMPETENCY_LEVELS = ["silver", "gold"] as const;
export type CompetencyLevel = (typeof COMPETENCY_LEVELS)[number];

export interface QualifyingCompetency {
  competency: string;
  /** "Silver or Gold" asks for silver; "Gold" asks for gold. */
  minimumLevel: CompetencyLevel;
  /** Codes of the assessments or exams that qualify a consultant under this competency. */
  exams: string[];
}

export interface EngagementType {
  code: string;
  offering: string;
  name: string;
  /** Any one of them qualifies (the vendor's "A OR B"). */
  qualifyingCompetencies: QualifyingCompetency[];
}

export interface Enrolment {
  offering: string;
  enrolledOn: CalendarDate;
  /** The last day of this year's enrolment; lapsed the day after unless renewed. */
  anniversaryOn: CalendarDate;
}

export interface HeldCompetency {
  name: string;
  level: CompetencyLevel;
  validThrough: CalendarDate;
}

export interface PartnerStanding {
  /** The vendor's ids of this partner (and its locations): vouchers assigned to them are ours. */
  partnerIds: string[];
  enrolments: Enrolment[];
  competencies: HeldCompetency[];
}

export interface PassedExam {
  code: string;
  name: string;
  passedOn: CalendarDate;
  validThrough?: CalendarDate;
}

export interface Consultant {
  id: string;
  name: string;
  /** When the consultant completed the Planning Services compliance training. */
  complianceTrainingOn?: CalendarDate;
  exams: PassedExam[];
}

export type PartnerIneligibility =
  | { reason: "not_enrolled"; offering: string }
  | { reason: "enrolment_lapsed"; offering: string; lapsedAfter: CalendarDate }
  | { reason: "competency_missing"; competency: string; level: CompetencyLevel }
  | { reason: "competency_level_too_low"; competency: string; level: CompetencyLevel; heldLevel: CompetencyLevel }
  | { reason: "competency_expired"; competency: string; expiredOn: CalendarDate };

export type PartnerEligibility = { eligible: true; enrolment: Enrolment; competency: HeldCompetency } | { eligible: false; reasons: PartnerIneligibility[] };

export type ConsultantIneligibility =
  | { reason: "compliance_training_missing" }
  | { reason: "exam_missing"; exams: string }
  | { reason: "exam_expired"; exam: string; expiredOn: CalendarDate };

export type ConsultantEligibility = { eligible: true; exam: PassedExam } | { eligible: false; reasons: ConsultantIneligibility[] };

const LEVEL_RANK: Readonly<Record<CompetencyLevel, number>> = { silver: 1, gold: 2 };

/** Whether the partner may take and deliver this engagement type on `day`, and why not. */
export function partnerEligibility(type: EngagementType, standing: PartnerStanding, day: CalendarDate): PartnerEligibility {
  const reasons: PartnerIneligibility[] = [];
  const enrolment = standing.enrolments.find((candidate) => candidate.offering === type.offering);
  if (!enrolment) reasons.push({ reason: "not_enrolled", offering: type.offering });
  else if (enrolment.anniversaryOn < day) reasons.push({ reason: "enrolment_lapsed", offering: type.offering, lapsedAfter: enrolment.anniversaryOn });
  const competency = qualifyingHeld(type, standing, day);
  if (!competency) reasons.push(...type.qualifyingCompetencies.map((required) => competencyGap(required, standing)));
  if (enrolment && competency && reasons.length === 0) return { eligible: true, enrolment, competency };
  return { eligible: false, reasons };
}

/** The held competency that qualifies on `day`, the one valid longest when several do. */
function qualifyingHeld(type: EngagementType, standing: PartnerStanding, day: CalendarDate): HeldCompetency | undefined {
  return standing.competencies
    .filter((held) => held.validThrough >= day && type.qualifyingCompetencies.some((required) => satisfies(held, required)))
    .sort((a, b) => b.validThrough.localeCompare(a.validThrough))[0];
}

function satisfies(held: HeldCompetency, required: QualifyingCompetency): boolean {
  return held.name === required.competency && LEVEL_RANK[held.level] >= LEVEL_RANK[required.minimumLevel];
}

function competencyGap(required: QualifyingCompetency, standing: PartnerStanding): PartnerIneligibility {
  const held = standing.competencies.filter((candidate) => candidate.name === required.competency);
  const atLevel = held.filter((candidate) => satisfies(candidate, required)).sort((a, b) => b.validThrough.localeCompare(a.validThrough))[0];
  if (atLevel) return { reason: "competency_expired", competency: required.competency, expiredOn: atLevel.validThrough };
  const lower = held[0];
  if (lower) return { reason: "competency_level_too_low", competency: required.competency, level: required.minimumLevel, heldLevel: lower.level };
  return { reason: "competency_missing", competency: required.competency, level: required.minimumLevel };
}

/** Whether the consultant may deliver this engagement type on `day`, and why not. */
export function consultantEligibility(type: EngagementType, consultant: Consultant, day: CalendarDate): ConsultantEligibility {
  const reasons: ConsultantIneligibility[] = [];
  if (!consultant.complianceTrainingOn || consultant.complianceTrainingOn > day) reasons.push({ reason: "compliance_training_missing" });
  const codes = new Set(type.qualifyingCompetencies.flatMap((required) => required.exams));
  const passed = consultant.exams.filter((exam) => codes.has(exam.code) && exam.passedOn <= day);
  const valid = passed.filter((exam) => !exam.validThrough || exam.validThrough >= day).sort(byValidity)[0];
  if (!valid) {
    const lapsed = passed.sort(byValidity)[0];
    reasons.push(
      lapsed?.validThrough
        ? { reason: "exam_expired", exam: lapsed.name, expiredOn: lapsed.validThrough }
        : { reason: "exam_missing", exams: [...codes].join(", ") },
    );
  }
  if (valid && reasons.length === 0) return { eligible: true, exam: valid };
  return { eligible: false, reasons };
}

// An exam that never lapses first, then the one valid longest.
function byValidity(a: PassedExam, b: PassedExam): number {
  return (b.validThrough ?? "9999-12-31").localeCompare(a.validThrough ?? "9999-12-31");
}

/** The facts a card needs to put one reason into words; its days as instants in the zone. */
export function ineligibilityFacts(reason: PartnerIneligibility | ConsultantIneligibility, timeZone: string): RefusalFacts {
  const facts: RefusalFacts = {};
  for (const [key, value] of Object.entries(reason)) {
    facts[key] = key === "lapsedAfter" || key === "expiredOn" ? startOfDay(value, timeZone) : value;
  }
  return facts;
}

/** The last day the partner's best qualifying competency for this type holds, whatever today is. */
export function competencyQualifiesThrough(type: EngagementType, standing: PartnerStanding): CalendarDate | undefined {
  return standing.competencies
    .filter((held) => type.qualifyingCompetencies.some((required) => satisfies(held, required)))
    .map((held) => held.validThrough)
    .sort()
    .at(-1);
}

/** The consultant's qualifying exam that holds longest: `through` is absent when it never lapses. */
export function examQualifiesThrough(type: EngagementType, consultant: Consultant): { exam: string; through?: CalendarDate } | undefined {
  const codes = new Set(type.qualifyingCompetencies.flatMap((required) => required.exams));
  const best = consultant.exams.filter((exam) => codes.has(exam.code)).sort(byValidity)[0];
  return best && { exam: best.name, ...(best.validThrough ? { through: best.validThrough } : {}) };
}
