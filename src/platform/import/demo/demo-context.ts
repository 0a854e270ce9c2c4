// What every demo seeding step gets: the database, the demo organisation, its users by role
// and the anchor all demo dates are counted back from.
import type { Role } from "../../domain/roles";
import type { Db } from "../../store/db";
import type { Organisation, PartnerUser } from "../../store/organisations";

export interface DemoContext {
  db: Db;
  organisation: Organisation;
  /** One user per role (the first listed with it). */
  users: Record<Role, PartnerUser>;
  /** Demo dates are this instant minus an age; it is fixed by the first seeding. */
  anchor: Date;
}

/** A workflow's part of the demo (Workflow.demo). */
export interface WorkflowDemo {
  /** Its records for the demo import file, by section, dated back from the anchor. */
  records(anchor: Date): Record<string, unknown[]>;
  /** The anchor of an earlier seeding, recovered from one of its stored records. */
  storedAnchor?(db: Db, organisation: Organisation): Promise<Date | undefined>;
  /** What the import cannot do (decisions made by the demo's users), in order. */
  steps: readonly ((demo: DemoContext) => Promise<DemoStepReport>)[];
}

/** What one seeding step did; a second run of the seed reports everything unchanged. */
export interface DemoStepReport {
  step: string;
  applied: number;
  unchanged: number;
}
