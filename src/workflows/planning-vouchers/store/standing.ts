// The partner's standing as the vendor last sent it: the ids it is known by, its enrolments,
// competencies and consultants with their exams, and the engagement types with what qualifies
// for them. Small per organisation (tens of rows), so each is read whole, and bounded anyway.
import type { DbTx } from "../../../platform/store/db";
import type { CompetencyLevel, Consultant, EngagementType, PartnerStanding, QualifyingCompetency } from "../domain/eligibility";

/** Far above any real partner's count; a bound so no read grows without limit. */
const STANDING_CAP = 500;

export async function loadStanding(db: DbTx, organisationId: string): Promise<PartnerStanding> {
  const [partnerIds, enrolments, competencies] = await Promise.all([
    db.planningPartnerId.findMany({ where: { organisationId }, orderBy: { vendorPartnerId: "asc" }, take: STANDING_CAP }),
    db.planningEnrolment.findMany({ where: { organisationId }, orderBy: { anniversaryOn: "asc" }, take: STANDING_CAP }),
    db.planningCompetency.findMany({ where: { organisationId }, orderBy: { validThrough: "asc" }, take: STANDING_CAP }),
  ]);
  return {
    partnerIds: partnerIds.map((row) => row.vendorPartnerId),
    enrolments: enrolments.map((row) => ({ offering: row.offering, enrolledOn: row.enrolledOn, anniversaryOn: row.anniversaryOn })),
    competencies: competencies.map((row) => ({ name: row.name, level: row.level as CompetencyLevel, validThrough: row.validThrough })),
  };
}

export async function listEngagementTypes(db: DbTx, organisationId: string): Promise<EngagementType[]> {
  const rows = await db.planningEngagementType.findMany({ where: { organisationId }, orderBy: { code: "asc" }, take: STANDING_CAP });
  return rows.map((row) => ({
    code: row.code,
    offering: row.offering,
    name: row.name,
    qualifyingCompetencies: JSON.parse(row.qualifyingCompetencies) as QualifyingCompetency[],
  }));
}

export async function findEngagementType(db: DbTx, organisationId: string, code: string): Promise<EngagementType | undefined> {
  const row = await db.planningEngagementType.findFirst({ where: { organisationId, code } });
  return row
    ? { code: row.code, offering: row.offering, name: row.name, qualifyingCompetencies: JSON.parse(row.qualifyingCompetencies) as QualifyingCompetency[] }
    : undefined;
}

export async function listConsultants(db: DbTx, organisationId: string): Promise<Consultant[]> {
  const rows = await db.planningConsultant.findMany({
    where: { organisationId },
    orderBy: { name: "asc" },
    take: STANDING_CAP,
    include: { exams: { orderBy: { code: "asc" } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ...(row.complianceTrainingOn ? { complianceTrainingOn: row.complianceTrainingOn } : {}),
    exams: row.exams.map((exam) => ({
      code: exam.code,
      name: exam.name,
      passedOn: exam.passedOn,
      ...(exam.validThrough ? { validThrough: exam.validThrough } : {}),
    })),
  }));
}
