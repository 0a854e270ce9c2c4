// Organisations (Teams tenants) and their partner users.
import { type Actor, type Role, isRole } from "../domain/roles";
import { type DbTx, isUniqueViolation } from "./db";

export interface Organisation {
  id: string;
  tenantId: string;
  name: string;
  timeZone: string;
  /** "HH:MM" in its zone: when its morning reminders run; unset, the deployment's schedule. */
  reminderTime?: string | null;
  /** Hours a request may wait for approval before reminders; unset, the deployment's. */
  pendingApprovalSlaHours?: number | null;
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

/**
 * The organisation of a tenant, created on first contact. Every activity asks, so it reads
 * first and writes only the first time; concurrent first contacts meet on the unique tenant id.
 */
export async function ensureOrganisation(db: DbTx, tenantId: string, defaults: { name?: string; timeZone: string }): Promise<Organisation> {
  const found = await findOrganisationByTenant(db, tenantId);
  if (found) return found;
  return onceUnique(
    () => db.organisation.create({ data: { tenantId, name: defaults.name ?? tenantId, timeZone: defaults.timeZone } }),
    async () => findOrganisationByTenant(db, tenantId),
  );
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
 * Finds the user, creating them with `role` on first contact. The name, locale and Teams id
 * follow Teams when it sends them, written only when they changed (every activity asks); the
 * role never changes here (roles are granted by the import or ADMIN_AAD_OBJECT_IDS). `known`
 * is the user as this turn already read them (null: not found), saving the read.
 */
export async function ensureUser(
  db: DbTx,
  input: { organisationId: string; aadObjectId: string; name?: string; locale?: string; teamsUserId?: string; role: Role },
  known?: PartnerUser | null,
): Promise<PartnerUser> {
  const { organisationId, aadObjectId } = input;
  const found = known === undefined ? await findUser(db, organisationId, aadObjectId) : (known ?? undefined);
  const changes = {
    ...(input.name && input.name !== found?.name ? { name: input.name } : {}),
    ...(input.locale && input.locale !== found?.locale ? { locale: input.locale } : {}),
    ...(input.teamsUserId && input.teamsUserId !== found?.teamsUserId ? { teamsUserId: input.teamsUserId } : {}),
  };
  if (found && Object.keys(changes).length === 0) return found;
  const row = await onceUnique(
    () =>
      db.partnerUser.upsert({
        where: { organisationId_aadObjectId: { organisationId, aadObjectId } },
        create: { ...input, name: input.name ?? aadObjectId, locale: input.locale ?? null, teamsUserId: input.teamsUserId ?? null },
        update: changes,
      }),
    () => db.partnerUser.findUnique({ where: { organisationId_aadObjectId: { organisationId, aadObjectId } } }),
  );
  return toPartnerUser(row);
}

/**
 * Runs a create that may race another writer of the same unique key; the loser reads the
 * winner's row. Inside a PostgreSQL transaction the violation has aborted the transaction and
 * the read fails: the violation itself is thrown, so the caller retries the whole transaction.
 */
async function onceUnique<T>(write: () => Promise<T>, read: () => Promise<T | null | undefined>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await read().catch(() => undefined);
    if (!winner) throw error;
    return winner;
  }
}

export async function setUserRole(db: DbTx, input: { organisationId: string; aadObjectId: string; name: string; role: Role }): Promise<PartnerUser> {
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
