// The people on the rosters of the teams and group chats the bot is installed in, kept so the
// bot can open a personal chat with someone who never wrote to it. Each page of a roster is
// written with a fixed number of statements whose bind parameters are bounded by the page size;
// a person stays reachable while one of their rosters still holds them and nothing refused them.
import type { Role } from "../domain/roles";
import { type Db, type DbTx, isUniqueViolation } from "./db";
import { ensureUser } from "./organisations";

/** Teams' own maximum page of roster members: every list below is at most this long. */
export const ROSTER_PAGE_LIMIT = 500;

export interface RosterPerson {
  aadObjectId: string;
  /** The Teams user id ("29:..."), what create-conversation names the member by. */
  teamsUserId: string;
  name?: string;
}

export interface RosterSource {
  organisationId: string;
  /** The team's id, or the group chat's conversation id. */
  rosterId: string;
  serviceUrl: string;
  /** The bot's own Teams id ("28:..."), as the roster's conversation addressed it. */
  botId: string;
  /** Set by a complete read of the roster, so that afterwards the members it missed can be marked left. */
  readId?: string;
  /** The role of a person the organisation does not know yet. */
  roleFor(aadObjectId: string): Role;
}

/** How a person can be reached through a roster: what create-conversation needs. */
export interface RosterContact {
  aadObjectId: string;
  teamsUserId: string;
  serviceUrl: string;
  botId: string;
}

/**
 * Remembers one page of a roster: unknown people become partner users with the default role,
 * known ones keep their role and name (only a placeholder name or a missing Teams id is filled
 * in), and each person's membership of this roster is live again.
 */
export async function rememberRosterPage(db: Db, source: RosterSource, people: readonly RosterPerson[]): Promise<void> {
  if (people.length > ROSTER_PAGE_LIMIT) throw new Error(`a roster page holds at most ${ROSTER_PAGE_LIMIT} people, not ${people.length}`);
  if (people.length === 0) return;
  await rememberUsers(db, source, people);
  await rememberMemberships(db, source, people);
}

async function rememberUsers(db: Db, source: RosterSource, people: readonly RosterPerson[]): Promise<void> {
  const { organisationId } = source;
  const known = await db.partnerUser.findMany({
    where: { organisationId, aadObjectId: { in: people.map((p) => p.aadObjectId) } },
    select: { aadObjectId: true, name: true, teamsUserId: true },
  });
  const byId = new Map(known.map((user) => [user.aadObjectId, user]));
  const unknown = people.filter((person) => !byId.has(person.aadObjectId));
  try {
    await db.partnerUser.createMany({
      data: unknown.map((person) => ({
        organisationId,
        aadObjectId: person.aadObjectId,
        name: person.name ?? person.aadObjectId,
        role: source.roleFor(person.aadObjectId),
        teamsUserId: person.teamsUserId,
      })),
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Someone wrote one of them first (a message, another instance reading the same roster): one by one.
    for (const person of unknown) await ensureUser(db, { organisationId, ...person, role: source.roleFor(person.aadObjectId) });
  }
  for (const person of people) {
    const user = byId.get(person.aadObjectId);
    if (!user) continue;
    // A name that is only the object id is a placeholder; a real name is never replaced from a roster.
    const betterName = person.name && user.name === person.aadObjectId ? { name: person.name } : {};
    const teamsId = user.teamsUserId ? {} : { teamsUserId: person.teamsUserId };
    if (Object.keys(betterName).length + Object.keys(teamsId).length === 0) continue;
    await db.partnerUser.update({
      where: { organisationId_aadObjectId: { organisationId, aadObjectId: person.aadObjectId } },
      data: { ...betterName, ...teamsId },
    });
  }
}

async function rememberMemberships(db: Db, source: RosterSource, people: readonly RosterPerson[]): Promise<void> {
  const { organisationId, rosterId } = source;
  const current = { serviceUrl: source.serviceUrl, botId: source.botId, lastReadId: source.readId ?? null };
  const rows = await db.rosterMember.findMany({
    where: { organisationId, rosterId, aadObjectId: { in: people.map((p) => p.aadObjectId) } },
    select: { aadObjectId: true, teamsUserId: true },
  });
  const existing = new Map(rows.map((row) => [row.aadObjectId, row.teamsUserId]));
  const fresh = people.filter((person) => !existing.has(person.aadObjectId));
  const row = (person: RosterPerson) => ({ organisationId, rosterId, aadObjectId: person.aadObjectId, teamsUserId: person.teamsUserId, ...current });
  try {
    await db.rosterMember.createMany({ data: fresh.map(row) });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another instance is reading the same roster: one by one, and its rows are as good as ours.
    for (const person of fresh) await createUnlessThere(db, row(person));
  }
  // Seen on the roster again: live, and worth one more try even if a send was refused before.
  await db.rosterMember.updateMany({
    where: { organisationId, rosterId, aadObjectId: { in: [...existing.keys()] } },
    data: { ...current, leftAt: null, stoppedAt: null, stoppedReason: null },
  });
  for (const person of people) {
    const stored = existing.get(person.aadObjectId);
    if (stored !== undefined && stored !== person.teamsUserId) {
      await db.rosterMember.updateMany({ where: { organisationId, rosterId, aadObjectId: person.aadObjectId }, data: { teamsUserId: person.teamsUserId } });
    }
  }
}

async function createUnlessThere(db: Db, data: Parameters<Db["rosterMember"]["create"]>[0]["data"]): Promise<void> {
  try {
    await db.rosterMember.create({ data });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/** After a complete read: whoever the read did not see has left the roster. */
export async function markAbsentMembersLeft(db: DbTx, organisationId: string, rosterId: string, readId: string, now: Date): Promise<number> {
  const { count } = await db.rosterMember.updateMany({
    where: { organisationId, rosterId, leftAt: null, OR: [{ lastReadId: null }, { lastReadId: { not: readId } }] },
    data: { leftAt: now },
  });
  return count;
}

/** The person left the roster, or (without `aadObjectId`) the bot was removed from it. */
export async function leaveRoster(db: DbTx, organisationId: string, rosterId: string, now: Date, aadObjectId?: string): Promise<void> {
  await db.rosterMember.updateMany({ where: { organisationId, rosterId, leftAt: null, ...(aadObjectId ? { aadObjectId } : {}) }, data: { leftAt: now } });
}

/** Opening or using the person's personal chat was refused: no roster tries again until one shows them anew. */
export async function stopRosterReach(db: DbTx, organisationId: string, aadObjectId: string, reason: string, now: Date): Promise<void> {
  await db.rosterMember.updateMany({ where: { organisationId, aadObjectId, stoppedAt: null }, data: { stoppedAt: now, stoppedReason: reason.slice(0, 200) } });
}

const reachable = { leftAt: null, stoppedAt: null } as const;

/** How to open a personal chat with the person, from their most recently seen live membership. */
export async function findRosterContact(db: DbTx, organisationId: string, aadObjectId: string): Promise<RosterContact | undefined> {
  const row = await db.rosterMember.findFirst({
    where: { organisationId, aadObjectId, ...reachable },
    orderBy: { updatedAt: "desc" },
    select: { aadObjectId: true, teamsUserId: true, serviceUrl: true, botId: true },
  });
  return row ?? undefined;
}

/** Everyone of the organisation a roster still lets the bot reach, by Entra object id. */
export async function listRosterReachable(db: DbTx, organisationId: string): Promise<Set<string>> {
  const rows = await db.rosterMember.findMany({ where: { organisationId, ...reachable }, distinct: ["aadObjectId"], select: { aadObjectId: true } });
  return new Set(rows.map((row) => row.aadObjectId));
}

/** Whether any roster of the organisation still holds the person (whatever was refused). */
export async function isOnAnyRoster(db: DbTx, organisationId: string, aadObjectId: string): Promise<boolean> {
  return (await db.rosterMember.count({ where: { organisationId, aadObjectId, leftAt: null } })) > 0;
}

/** Organisations with anyone a roster lets the bot reach. */
export async function rosterOrganisationIds(db: DbTx): Promise<string[]> {
  const rows = await db.rosterMember.findMany({ where: reachable, distinct: ["organisationId"], select: { organisationId: true } });
  return rows.map((row) => row.organisationId);
}
