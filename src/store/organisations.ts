// Organisations (Teams tenants) and their partner users.
import { type Actor, type Role, isRole } from "../domain/roles";
import type { DbTx } from "./db";

export interface Organisation {
  id: string;
  tenantId: string;
  name: string;
  timeZone: string;
}

export interface PartnerUser extends Actor {
  id: string;
  locale?: string;
  /** The Teams user id ("29:..."), known once the user has talked to the bot. */
  teamsUserId?: string;
}

export async function findOrganisationByTenant(db: DbTx, tenantId: string): Promise<Organisation | undefined> {
  return (await db.organisation.findUnique({ where: { tenantId } })) ?? undefined;
}

/** Creates the organisation on first contact; concurrent first contacts meet on the unique tenant id. */
export async function ensureOrganisation(
  db: DbTx,
  tenantId: string,
  defaults: { name?: string; timeZone: string },
): Promise<Organisation> {
  return db.organisation.upsert({
    where: { tenantId },
    create: { tenantId, name: defaults.name ?? tenantId, timeZone: defaults.timeZone },
    update: {},
  });
}

/** The vendor portal's name and time zone for the organisation win over what was stored. */
export async function updateOrganisation(db: DbTx, id: string, data: { name: string; timeZone: string }): Promise<Organisation> {
  return db.organisation.update({ where: { id }, data });
}

export async function findUser(db: DbTx, organisationId: string, aadObjectId: string): Promise<PartnerUser | undefined> {
  const row = await db.partnerUser.findUnique({ where: { organisationId_aadObjectId: { organisationId, aadObjectId } } });
  return row ? toPartnerUser(row) : undefined;
}

/**
 * Finds the user, creating them with `role` on first contact. The name and locale follow
 * Teams when it sends them; the role never changes here (roles are granted by the import or
 * ADMIN_AAD_OBJECT_IDS).
 */
export async function ensureUser(
  db: DbTx,
  input: { organisationId: string; aadObjectId: string; name?: string; locale?: string; teamsUserId?: string; role: Role },
): Promise<PartnerUser> {
  const { organisationId, aadObjectId } = input;
  const row = await db.partnerUser.upsert({
    where: { organisationId_aadObjectId: { organisationId, aadObjectId } },
    create: { ...input, name: input.name ?? aadObjectId, locale: input.locale ?? null, teamsUserId: input.teamsUserId ?? null },
    update: {
      ...(input.name ? { name: input.name } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
      ...(input.teamsUserId ? { teamsUserId: input.teamsUserId } : {}),
    },
  });
  return toPartnerUser(row);
}

export async function setUserRole(
  db: DbTx,
  input: { organisationId: string; aadObjectId: string; name: string; role: Role },
): Promise<PartnerUser> {
  const { organisationId, aadObjectId } = input;
  const row = await db.partnerUser.upsert({
    where: { organisationId_aadObjectId: { organisationId, aadObjectId } },
    create: input,
    update: { name: input.name, role: input.role },
  });
  return toPartnerUser(row);
}

/** Teams user ids of the people who may decide, for a card's automatic refresh (Teams takes 60 at most). */
export async function listTeamsUserIdsWithRoles(db: DbTx, organisationId: string, roles: readonly Role[], limit = 60): Promise<string[]> {
  const rows = await db.partnerUser.findMany({
    where: { organisationId, role: { in: [...roles] }, teamsUserId: { not: null } },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { teamsUserId: true },
  });
  return rows.flatMap((row) => (row.teamsUserId ? [row.teamsUserId] : []));
}

export async function listUsersWithRoles(db: DbTx, organisationId: string, roles: readonly Role[]): Promise<PartnerUser[]> {
  const rows = await db.partnerUser.findMany({
    where: { organisationId, role: { in: [...roles] } },
    orderBy: { name: "asc" },
  });
  return rows.map(toPartnerUser);
}

function toPartnerUser(row: {
  id: string;
  organisationId: string;
  aadObjectId: string;
  name: string;
  role: string;
  locale: string | null;
  teamsUserId: string | null;
}): PartnerUser {
  return {
    id: row.id,
    organisationId: row.organisationId,
    aadObjectId: row.aadObjectId,
    name: row.name,
    // An unknown role stored by hand reads as the least privileged one.
    role: isRole(row.role) ? row.role : "viewer",
    ...(row.locale ? { locale: row.locale } : {}),
    ...(row.teamsUserId ? { teamsUserId: row.teamsUserId } : {}),
  };
}
