// `npm run seed:demo`: the demo organisation "Contoso Partners" on the Agents Playground's
// tenant, with a user per role and each workflow's demo records, loaded through the same import
// code as vendor files, then each workflow's steps for what an import cannot do. Idempotent: a
// second run changes nothing.
import type { PlatformTables } from "../../fold";
import { ROLES, type Role } from "../../domain/roles";
import type { Db } from "../../store/db";
import { type PartnerUser, findOrganisationByTenant, listUsersWithRoles } from "../../store/organisations";
import { importFormat, type TImportFileInput } from "../import-file";
import { describeProblem } from "../problems";
import { type ImportSummary, applyImportFile } from "../run-import";
import type { DemoContext, DemoStepReport } from "./demo-context";
import { PLAYGROUND_CURRENT_USER, PLAYGROUND_OTHER_USERS, PLAYGROUND_TENANT_ID } from "./playground-identities";

export const DEMO_ORGANISATION = { tenantId: PLAYGROUND_TENANT_ID, name: "Contoso Partners", timeZone: "Europe/Paris" } as const;

export interface DemoSeedReport {
  summary: ImportSummary;
  steps: DemoStepReport[];
}

export async function seedDemo(db: Db, tables: PlatformTables, now: Date): Promise<DemoSeedReport> {
  const anchor = await demoAnchor(db, tables, now);
  const format = importFormat(tables.importSections);
  const parsed = format.parse(demoImportFile(tables, anchor));
  if (!parsed.ok) throw new Error(`the demo data is invalid:\n${parsed.problems.map(describeProblem).join("\n")}`);
  const imported = await applyImportFile(format, db, parsed.file, now);
  if (!imported.ok) throw new Error(`the demo import was refused:\n${imported.problems.map(describeProblem).join("\n")}`);
  const demo: DemoContext = {
    db,
    organisation: imported.summary.organisation,
    users: await usersByRole(db, imported.summary.organisation.id),
    anchor,
  };
  const steps: DemoStepReport[] = [];
  for (const workflow of tables.workflows) for (const step of workflow.demo?.steps ?? []) steps.push(await step(demo));
  return { summary: imported.summary, steps };
}

/** The demo as an import file: what `npm run import` would be given. */
export function demoImportFile(tables: PlatformTables, anchor: Date): TImportFileInput {
  const records = tables.workflows.map((workflow) => workflow.demo?.records(anchor) ?? {});
  return {
    version: 1,
    organisation: DEMO_ORGANISATION,
    users: [PLAYGROUND_CURRENT_USER, ...PLAYGROUND_OTHER_USERS],
    ...Object.assign({}, ...records),
  };
}

/**
 * Demo dates are ages ("16 days ago"), counted from the first seeding: reseeding later
 * recovers that instant from a stored record instead of moving every date.
 */
async function demoAnchor(db: Db, tables: PlatformTables, now: Date): Promise<Date> {
  const organisation = await findOrganisationByTenant(db, DEMO_ORGANISATION.tenantId);
  if (organisation) {
    for (const workflow of tables.workflows) {
      const stored = await workflow.demo?.storedAnchor?.(db, organisation);
      if (stored) return stored;
    }
  }
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
