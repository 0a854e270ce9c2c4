// Where the bot can speak first: the conversation references Teams hands over when the bot is
// installed in a personal chat, a team or a group chat, and the personal chats the bot opens
// itself with roster members. Uninstalling, or the connector answering 403/404, marks a
// reference dead instead of deleting it, so a reinstall revives it.
import type { DbTx } from "./db";
import type { KnownConversation } from "./turn-records";
import type { Organisation } from "./organisations";
import { rosterOrganisationIds } from "./roster-members";

export const CONVERSATION_KINDS = ["personal", "channel", "groupChat"] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/** Where the bot may speak first, as an install or a personal message told it. */
export interface RememberConversationInput {
  organisationId: string;
  tenantId: string;
  conversationId: string;
  kind: ConversationKind;
  aadObjectId?: string;
  teamsUserId?: string;
  teamId?: string;
  serviceUrl: string;
  /** The serialized Bot Framework ConversationReference, as botbuilder produced it. */
  reference: Record<string, unknown>;
  locale?: string;
  timeZone?: string;
  /** A personal chat the bot opened itself (create-conversation), not one the user started. */
  openedByBot?: boolean;
}

export interface StoredConversationReference extends RememberConversationInput {
  id: string;
  deadAt?: Date;
  deadReason?: string;
}

type Row = Awaited<ReturnType<DbTx["conversationReference"]["findFirstOrThrow"]>>;

/** Stores or refreshes the reference; a reference seen alive again is no longer dead. */
export async function rememberConversation(db: DbTx, input: RememberConversationInput): Promise<StoredConversationReference> {
  const { organisationId, conversationId } = input;
  const data = conversationData(input);
  const where = { organisationId_conversationId: { organisationId, conversationId } };
  // Every personal message passes here: write only what changed (a read is far cheaper than a
  // write, above all on SQLite where writers queue).
  const existing = await db.conversationReference.findUnique({ where });
  if (existing && existing.deadAt === null && isUnchanged(existing, data)) return toReference(existing);
  const row = await db.conversationReference.upsert({
    where,
    create: { organisationId, conversationId, ...data },
    update: { ...data, deadAt: null, deadReason: null },
  });
  return toReference(row);
}

/**
 * The same, for a turn that already read the stored row (`known`, null when absent, from
 * turn-records.ts): an unchanged live reference costs no query at all.
 */
export async function rememberConversationSeen(db: DbTx, input: RememberConversationInput, known: KnownConversation | null): Promise<void> {
  if (known && !known.dead && isUnchanged(known, conversationData(input))) return;
  await rememberConversation(db, input);
}

type ConversationData = ReturnType<typeof conversationData>;

function isUnchanged(stored: { [key in keyof ConversationData]-?: unknown }, data: ConversationData): boolean {
  return Object.entries(data).every(([key, value]) => stored[key as keyof ConversationData] === value);
}

function conversationData(input: RememberConversationInput) {
  return {
    tenantId: input.tenantId,
    kind: input.kind,
    serviceUrl: input.serviceUrl,
    reference: JSON.stringify(input.reference),
    ...(input.aadObjectId ? { aadObjectId: input.aadObjectId } : {}),
    ...(input.teamsUserId ? { teamsUserId: input.teamsUserId } : {}),
    ...(input.teamId ? { teamId: input.teamId } : {}),
    // Activities without a locale or zone (some events carry none) keep what was known.
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    // A message from the user in a chat the bot opened makes it theirs.
    openedByBot: input.openedByBot ?? false,
  };
}

/** Marks the reference dead: the bot was removed, blocked or the conversation is gone. */
export async function forgetConversation(db: DbTx, organisationId: string, conversationId: string, reason: string, now: Date): Promise<void> {
  await db.conversationReference.updateMany({
    where: { organisationId, conversationId, deadAt: null },
    data: { deadAt: now, deadReason: reason },
  });
}

/**
 * The personal chats the bot opened with a member who has now left every roster: the bot has
 * no standing there any more. Chats the user started themselves stay.
 */
export async function forgetOpenedConversations(db: DbTx, organisationId: string, aadObjectId: string, reason: string, now: Date): Promise<void> {
  await db.conversationReference.updateMany({
    where: { organisationId, aadObjectId, kind: "personal", openedByBot: true, deadAt: null },
    data: { deadAt: now, deadReason: reason },
  });
}

/**
 * Claims the reading of the roster of the team or chat this conversation is in: Teams announces
 * one install twice, and redelivers slow turns, so whoever sets `rosterReadAt` first reads, and
 * nobody reads it again within `freshMs`. A conditional update: it holds across instances.
 */
export async function claimRosterRead(db: DbTx, organisationId: string, conversationId: string, now: Date, freshMs: number): Promise<boolean> {
  const { count } = await db.conversationReference.updateMany({
    where: { organisationId, conversationId, OR: [{ rosterReadAt: null }, { rosterReadAt: { lt: new Date(now.getTime() - freshMs) } }] },
    data: { rosterReadAt: now },
  });
  return count === 1;
}

/** A roster read that failed gives its claim back, so the next event reads again. */
export async function releaseRosterRead(db: DbTx, organisationId: string, conversationId: string, claimedAt: Date): Promise<void> {
  await db.conversationReference.updateMany({ where: { organisationId, conversationId, rosterReadAt: claimedAt }, data: { rosterReadAt: null } });
}

export async function findConversation(db: DbTx, organisationId: string, conversationId: string): Promise<StoredConversationReference | undefined> {
  const row = await db.conversationReference.findFirst({ where: { organisationId, conversationId, deadAt: null } });
  return row ? toReference(row) : undefined;
}

/** The user's live personal chat with the bot, the most recently seen if several. */
export async function findPersonalConversation(db: DbTx, organisationId: string, aadObjectId: string): Promise<StoredConversationReference | undefined> {
  const row = await db.conversationReference.findFirst({
    where: { organisationId, aadObjectId, kind: "personal", deadAt: null },
    orderBy: { updatedAt: "desc" },
  });
  return row ? toReference(row) : undefined;
}

/** The organisation's live personal chats, by Entra object id. */
export async function listPersonalConversations(db: DbTx, organisationId: string): Promise<Map<string, StoredConversationReference>> {
  const rows = await db.conversationReference.findMany({
    where: { organisationId, kind: "personal", deadAt: null },
    orderBy: { updatedAt: "asc" },
  });
  // Ascending order: the most recently seen chat of a user wins the map slot.
  return new Map(rows.filter((row) => row.aadObjectId).map((row) => [row.aadObjectId as string, toReference(row)]));
}

export async function listChannelConversations(db: DbTx, organisationId: string): Promise<StoredConversationReference[]> {
  const rows = await db.conversationReference.findMany({
    where: { organisationId, kind: "channel", deadAt: null },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toReference);
}

/**
 * Organisations the bot can reach at all, through a live conversation or a roster member: the
 * only ones worth planning reminders for. Read as lists joined here rather than the reachable
 * ids sent back as one IN list, whose bind parameters would grow with the organisations.
 */
export async function listReachableOrganisations(db: DbTx): Promise<Organisation[]> {
  const reachable = new Set([...(await reachableOrganisationIds(db)), ...(await rosterOrganisationIds(db))]);
  const organisations = await db.organisation.findMany({
    select: { id: true, tenantId: true, name: true, timeZone: true, reminderTime: true, pendingApprovalSlaHours: true },
    orderBy: { createdAt: "asc" },
  });
  return organisations.filter((organisation) => reachable.has(organisation.id));
}

async function reachableOrganisationIds(db: DbTx): Promise<string[]> {
  const rows = await db.conversationReference.findMany({
    where: { deadAt: null },
    distinct: ["organisationId"],
    select: { organisationId: true },
  });
  return rows.map((row) => row.organisationId);
}

function toReference(row: Row): StoredConversationReference {
  const kind = (CONVERSATION_KINDS as readonly string[]).includes(row.kind) ? (row.kind as ConversationKind) : "personal";
  return {
    id: row.id,
    organisationId: row.organisationId,
    tenantId: row.tenantId,
    conversationId: row.conversationId,
    kind,
    serviceUrl: row.serviceUrl,
    reference: JSON.parse(row.reference) as Record<string, unknown>,
    ...(row.aadObjectId ? { aadObjectId: row.aadObjectId } : {}),
    ...(row.teamsUserId ? { teamsUserId: row.teamsUserId } : {}),
    ...(row.teamId ? { teamId: row.teamId } : {}),
    ...(row.locale ? { locale: row.locale } : {}),
    ...(row.timeZone ? { timeZone: row.timeZone } : {}),
    ...(row.openedByBot ? { openedByBot: true } : {}),
    ...(row.deadAt ? { deadAt: row.deadAt } : {}),
    ...(row.deadReason ? { deadReason: row.deadReason } : {}),
  };
}

/** The organisation a claimed outbox row belongs to, with the zone its cards are read in. */
export async function findOrganisationById(db: DbTx, id: string): Promise<{ id: string; tenantId: string; name: string; timeZone: string } | undefined> {
  return (await db.organisation.findUnique({ where: { id }, select: { id: true, tenantId: true, name: true, timeZone: true } })) ?? undefined;
}
