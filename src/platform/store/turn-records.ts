// What every turn reads before it can answer: the tenant's organisation, the acting user, the
// conversation the activity came from (to see whether its stored reference is current) and the
// zone the user's personal chat last carried. One query, one round trip, every turn: nothing
// is cached between turns, so a role changed or a user removed shows on the next click, on
// every instance. A missing organisation or user reads as undefined and the caller creates it.
import { Prisma } from "../../generated/sqlite/client";
import { type Role, isRole } from "../domain/roles";
import type { DbTx } from "./db";
import type { Organisation, PartnerUser } from "./organisations";

/** The stored conversation reference, in the columns a personal message may need to refresh. */
export interface KnownConversation {
  tenantId: string;
  kind: string;
  serviceUrl: string;
  reference: string;
  aadObjectId: string | null;
  teamsUserId: string | null;
  teamId: string | null;
  locale: string | null;
  timeZone: string | null;
  openedByBot: boolean;
  dead: boolean;
}

export interface TurnRecords {
  organisation: Organisation;
  /** null: the user is not known in this organisation yet. */
  user: PartnerUser | null;
  /** null: the conversation is not stored. */
  conversation: KnownConversation | null;
  /** The zone the user's most recently seen live personal chat carried, if any. */
  personalTimeZone: string | undefined;
}

interface JoinedRow {
  orgId: string;
  orgName: string;
  orgTimeZone: string;
  userId: string | null;
  userName: string | null;
  userRole: string | null;
  userLocale: string | null;
  userTeamsUserId: string | null;
  convTenantId: string | null;
  convKind: string | null;
  convServiceUrl: string | null;
  convReference: string | null;
  convAadObjectId: string | null;
  convTeamsUserId: string | null;
  convTeamId: string | null;
  convLocale: string | null;
  convTimeZone: string | null;
  convOpenedByBot: boolean | number | bigint | null;
  convDeadAt: unknown;
  personalTimeZone: string | null;
  orgReminderTime: string | null;
  orgSlaHours: number | bigint | null;
}

/** The turn's records, or undefined when the tenant has no organisation yet. */
export async function readTurnRecords(db: DbTx, keys: { tenantId: string; aadObjectId: string; conversationId: string }): Promise<TurnRecords | undefined> {
  // Quoted identifiers read the same on SQLite and PostgreSQL; the models are identical.
  const rows = await db.$queryRaw<JoinedRow[]>(Prisma.sql`
    SELECT o."id" AS "orgId", o."name" AS "orgName", o."timeZone" AS "orgTimeZone",
      o."reminderTime" AS "orgReminderTime", o."pendingApprovalSlaHours" AS "orgSlaHours",
      u."id" AS "userId", u."name" AS "userName", u."role" AS "userRole", u."locale" AS "userLocale", u."teamsUserId" AS "userTeamsUserId",
      c."tenantId" AS "convTenantId", c."kind" AS "convKind", c."serviceUrl" AS "convServiceUrl", c."reference" AS "convReference",
      c."aadObjectId" AS "convAadObjectId", c."teamsUserId" AS "convTeamsUserId", c."teamId" AS "convTeamId", c."locale" AS "convLocale",
      c."timeZone" AS "convTimeZone", c."openedByBot" AS "convOpenedByBot", c."deadAt" AS "convDeadAt",
      (SELECT p."timeZone" FROM "ConversationReference" p
        WHERE p."organisationId" = o."id" AND p."aadObjectId" = ${keys.aadObjectId} AND p."kind" = 'personal' AND p."deadAt" IS NULL
        ORDER BY p."updatedAt" DESC LIMIT 1) AS "personalTimeZone"
    FROM "Organisation" o
    LEFT JOIN "PartnerUser" u ON u."organisationId" = o."id" AND u."aadObjectId" = ${keys.aadObjectId}
    LEFT JOIN "ConversationReference" c ON c."organisationId" = o."id" AND c."conversationId" = ${keys.conversationId}
    WHERE o."tenantId" = ${keys.tenantId}`);
  const [row] = rows;
  if (!row) return undefined;
  const organisation = {
    id: row.orgId,
    tenantId: keys.tenantId,
    name: row.orgName,
    timeZone: row.orgTimeZone,
    reminderTime: row.orgReminderTime,
    pendingApprovalSlaHours: row.orgSlaHours === null ? null : Number(row.orgSlaHours),
  };
  return {
    organisation,
    user: row.userId ? userOf(row, organisation.id, keys.aadObjectId) : null,
    conversation: row.convKind !== null ? conversationOf(row) : null,
    personalTimeZone: row.personalTimeZone ?? undefined,
  };
}

function userOf(row: JoinedRow, organisationId: string, aadObjectId: string): PartnerUser {
  const role: Role = row.userRole && isRole(row.userRole) ? row.userRole : "viewer";
  return {
    id: row.userId ?? "",
    organisationId,
    aadObjectId,
    name: row.userName ?? aadObjectId,
    role,
    ...(row.userLocale ? { locale: row.userLocale } : {}),
    ...(row.userTeamsUserId ? { teamsUserId: row.userTeamsUserId } : {}),
  };
}

function conversationOf(row: JoinedRow): KnownConversation {
  return {
    tenantId: row.convTenantId ?? "",
    kind: row.convKind ?? "",
    serviceUrl: row.convServiceUrl ?? "",
    reference: row.convReference ?? "",
    aadObjectId: row.convAadObjectId,
    teamsUserId: row.convTeamsUserId,
    teamId: row.convTeamId,
    locale: row.convLocale,
    timeZone: row.convTimeZone,
    // SQLite answers a boolean column with 0 or 1.
    openedByBot: Boolean(Number(row.convOpenedByBot ?? 0)),
    dead: row.convDeadAt !== null && row.convDeadAt !== undefined,
  };
}
