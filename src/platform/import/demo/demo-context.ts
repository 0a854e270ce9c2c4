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

/** What one seeding step did; a second run of the seed reports everything unchanged. */
export interface DemoStepReport {
  step: string;
  applied: number;
  unchanged: number;
}
