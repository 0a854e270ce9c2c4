// `npm run seed:demo`: the demo organisation "Contoso Partners" on the Agents Playground's
// tenant, with a user per role, a dozen engagements and two billing submissions waiting for
// the vendor, loaded through the same import code as vendor files. Idempotent: a second run
// changes nothing. Each later kind of demo data is one step function called from `seedDemo`.
import { ROLES, type Role } from "../../domain/roles";
import type { Db } from "../../store/db";
import { findEngagementByExternalId } from "../../../workflows/engagements/store/engagements";
import { type PartnerUser, findOrganisationByTenant, listUsersWithRoles } from "../../store/organisations";
import { type TImportFileInput, parseImportFile } from "../import-file";
import { describeProblem } from "../problems";
import { type ImportSummary, applyImportFile } from "../run-import";
import { seedDemoBilling } from "../../../workflows/engagements/demo/demo-billing";
import type { DemoContext, DemoStepReport } from "./demo-context";
import { seedDemoDecisions } from "../../../workflows/engagements/demo/demo-decisions";
import { DEMO_ENGAGEMENTS, requestedAtOf } from "../../../workflows/engagements/demo/demo-engagements";
import { PLAYGROUND_CURRENT_USER, PLAYGROUND_OTHER_USERS, PLAYGROUND_TENANT_ID } from "./playground-identities";

export const DEMO_ORGANISATION = { tenantId: PLAYGROUND_TENANT_ID, name: "Contoso Partners", timeZone: "Europe/Paris" } as const;

export interface DemoSeedReport {
  summary: ImportSummary;
  steps: DemoStepReport[];
}

export async function seedDemo(db: Db, now: Date): Promise<DemoSeedReport> {
  const anchor = await demoAnchor(db, now);
  const parsed = parseImportFile(demoImportFile(anchor));
  if (!parsed.ok) throw new Error(`the demo data is invalid:\n${parsed.problems.map(describeProblem).join("\n")}`);
  const imported = await applyImportFile(db, parsed.file, now);
  if (!imported.ok) throw new Error(`the demo import was refused:\n${imported.problems.map(describeProblem).join("\n")}`);
  const demo: DemoContext = {
    db,
    organisation: imported.summary.organisation,
    users: await usersByRole(db, imported.summary.organisation.id),
    anchor,
  };
  // In this order: only an approved engagement takes billing entries.
  const steps = [await seedDemoDecisions(demo), await seedDemoBilling(demo)];
  return { summary: imported.summary, steps };
}

/** The demo as an import file: what `npm run import` would be given. */
export function demoImportFile(anchor: Date): TImportFileInput {
  return {
    version: 1,
    organisation: DEMO_ORGANISATION,
    users: [PLAYGROUND_CURRENT_USER, ...PLAYGROUND_OTHER_USERS],
    engagements: DEMO_ENGAGEMENTS.map(({ hoursAgo, decision, ...details }) => ({
      ...details,
      requestedAt: requestedAtOf({ hoursAgo }, anchor).toISOString(),
    })),
  };
}

/**
 * Demo dates are ages ("16 days ago"), counted from the first seeding: reseeding later
 * recovers that instant from a stored engagement instead of moving every date.
 */
async function demoAnchor(db: Db, now: Date): Promise<Date> {
  const [first] = DEMO_ENGAGEMENTS;
  const organisation = await findOrganisationByTenant(db, DEMO_ORGANISATION.tenantId);
  const stored = first && organisation && (await findEngagementByExternalId(db, organisation.id, first.externalId));
  if (stored && first) return new Date(stored.requestedAt.getTime() + first.hoursAgo * 3_600_000);
  // Whole minutes: the demo's request times read like ones people typed.
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}

async function usersByRole(db: Db, organisationId: string): Promise<Record<Role, PartnerUser>> {
  const users = await listUsersWithRoles(db, organisationId, ROLES);
  const entries = ROLES.map((role) => {
    const user = users.find((candidate) => candidate.role === role);
    if (!user) throw new Error(`the demo organisation has no ${role}`);
    return [role, user] as const;
  });
  return Object.fromEntries(entries) as Record<Role, PartnerUser>;
}
