// Loads and saves engagements and their append-only history (the platform's audit table, record
// kind "engagement"). A transition is saved with a conditional update on (id, organisation,
// version): of several writers holding the same version, exactly one succeeds, on SQLite and
// PostgreSQL alike, in one process or many.
import type { Engagement, EngagementEvent, EngagementState, Transition } from "../domain/engagements";
import { type AuditEntry, appendAuditEntries, findAudit, listAudit } from "../../../platform/store/audit";
import type { Prisma } from "../../../generated/sqlite/client";
import { bulkTable, findRowsByKeys, insertRows } from "../../../platform/store/bulk";
import type { Db, DbTx } from "../../../platform/store/db";

type EngagementRow = Awaited<ReturnType<DbTx["engagement"]["findFirstOrThrow"]>>;

/** The audit record kind of engagements and of the billing events recorded on them. */
export const ENGAGEMENT_RECORD_KIND = "engagement";

export async function findEngagement(db: DbTx, organisationId: string, id: string): Promise<Engagement | undefined> {
  return findOne(db, { organisationId, id });
}

export async function findEngagementByReference(db: DbTx, organisationId: string, reference: string): Promise<Engagement | undefined> {
  return findOne(db, { organisationId, reference });
}

export async function findEngagementByExternalId(db: DbTx, organisationId: string, externalId: string): Promise<Engagement | undefined> {
  return findOne(db, { organisationId, externalId });
}

/** Every lookup names the organisation: a record of another tenant reads as absent. */
async function findOne(
  db: DbTx,
  where: { organisationId: string } & ({ id: string } | { reference: string } | { externalId: string }),
): Promise<Engagement | undefined> {
  const row = await db.engagement.findFirst({ where });
  return row ? toEngagement(row) : undefined;
}

/** References that contain the digits typed, for "which one did you mean?" questions. */
export async function findEngagementsByPartialReference(db: DbTx, organisationId: string, digits: string, limit = 5): Promise<Engagement[]> {
  const rows = await db.engagement.findMany({
    where: { organisationId, reference: { contains: digits } },
    orderBy: { reference: "asc" },
    take: limit,
  });
  return rows.map(toEngagement);
}

/** A list is counted up to this many rows, by the index alone; past it the card says "more than". */
export const LIST_COUNT_CAP = 1000;

/** Where a page of a list ends: the next page starts after this row, in the order shown. */
export interface EngagementCursor {
  requestedAt: Date;
  reference: string;
}

export interface EngagementPage {
  items: Engagement[];
  /** Exact up to LIST_COUNT_CAP; `totalCapped` says there are more. */
  total: number;
  totalCapped: boolean;
  /** Set when rows follow this page. */
  next?: EngagementCursor;
}

/**
 * One page of the organisation's engagements, oldest request first, read along the index on
 * (organisation, state, requestedAt, reference): a page costs the same at 1k or 100k rows.
 */
export async function listEngagements(
  db: DbTx,
  organisationId: string,
  filter: { states?: readonly EngagementState[]; limit?: number; after?: EngagementCursor } = {},
): Promise<EngagementPage> {
  const limit = filter.limit ?? 50;
  const where = { organisationId, ...(filter.states ? { state: { in: [...filter.states] } } : {}) };
  const { after } = filter;
  const afterCursor = after ? { OR: [{ requestedAt: { gt: after.requestedAt } }, { requestedAt: after.requestedAt, reference: { gt: after.reference } }] } : {};
  const orderBy = [{ requestedAt: "asc" }, { reference: "asc" }] as const;
  const [rows, counted] = await Promise.all([
    db.engagement.findMany({ where: { ...where, ...afterCursor }, orderBy: [...orderBy], take: limit + 1 }),
    // The order given to a bounded count is the index's: without it Prisma orders by id, which
    // sorts every matching row before counting the first thousand.
    db.engagement.count({ where, orderBy: [...orderBy], take: LIST_COUNT_CAP + 1 }),
  ]);
  const items = rows.slice(0, limit).map(toEngagement);
  const last = items.at(-1);
  return {
    items,
    total: Math.min(counted, LIST_COUNT_CAP),
    totalCapped: counted > LIST_COUNT_CAP,
    ...(rows.length > limit && last ? { next: { requestedAt: last.requestedAt, reference: last.reference } } : {}),
  };
}

/**
 * The engagements that take entries for the usage month starting at `monthStart` (local midnight
 * of its first day): the billable states, and completed engagements whose completion fell in
 * that month or later (src/domain/billing-eligibility.ts states the rule; this is its query).
 */
export async function listEngagementEvents(db: DbTx, organisationId: string, engagementId: string): Promise<EngagementEvent[]> {
  return (await listAudit(db, organisationId, ENGAGEMENT_RECORD_KIND, engagementId)).map(toEvent);
}

/** The event that produced `version` of an engagement, if it was this action. */
export async function findEngagementEvent(
  db: DbTx,
  engagement: Pick<Engagement, "organisationId" | "id">,
  version: number,
  action: string,
): Promise<EngagementEvent | undefined> {
  const entry = await findAudit(db, {
    organisationId: engagement.organisationId,
    recordKind: ENGAGEMENT_RECORD_KIND,
    recordId: engagement.id,
    recordVersion: version,
    action,
  });
  return entry ? toEvent(entry) : undefined;
}

export type SaveOutcome = "saved" | "conflict";

/**
 * Saves `transition` if the stored engagement is still at `before.version`; otherwise
 * changes nothing and answers "conflict" so the caller can show the current state.
 */
export async function saveTransition(db: Db, before: Engagement, transition: Transition): Promise<SaveOutcome> {
  return db.$transaction((tx) => updateEngagement(tx, before, transition));
}

/** One new engagement; written at `at`, by default when its first event happened. */
export async function insertEngagement(tx: DbTx, transition: Transition, at?: Date): Promise<void> {
  const written = at ?? transition.events[0]?.at;
  if (!written) throw new Error("a new engagement needs its first event");
  await insertEngagements(tx, [transition], written);
}

export async function updateEngagement(tx: DbTx, before: Engagement, transition: Transition): Promise<SaveOutcome> {
  if (!(await saveEngagementVersion(tx, before, transition.engagement))) return "conflict";
  await appendAuditEntries(tx, engagementAudit(transition.events));
  return "saved";
}

/** Saves `next` if the stored engagement is still at `before.version`; answers whether it did. */
export async function saveEngagementVersion(tx: DbTx, before: Engagement, next: Engagement): Promise<boolean> {
  const { count } = await tx.engagement.updateMany({
    where: { id: before.id, organisationId: before.organisationId, version: before.version },
    data: engagementData(next),
  });
  return count === 1;
}

export function engagementAudit(events: readonly EngagementEvent[]): AuditEntry[] {
  return events.map(toAuditEntry);
}

function engagementData(e: Engagement) {
  return {
    reference: e.reference,
    title: e.title,
    clientName: e.clientName,
    productName: e.productName,
    description: e.description ?? null,
    requestedBy: e.requestedBy ?? null,
    requestedAt: e.requestedAt,
    state: e.state,
    version: e.version,
    decidedAt: e.decision?.at ?? null,
    decidedById: e.decision?.byId ?? null,
    decidedByName: e.decision?.byName ?? null,
    decisionReason: e.decision?.reason ?? null,
    completedAt: e.completedAt ?? null,
  };
}

function toEngagement(row: EngagementRow): Engagement {
  return {
    id: row.id,
    organisationId: row.organisationId,
    externalId: row.externalId,
    reference: row.reference,
    title: row.title,
    clientName: row.clientName,
    productName: row.productName,
    ...(row.description ? { description: row.description } : {}),
    ...(row.requestedBy ? { requestedBy: row.requestedBy } : {}),
    requestedAt: row.requestedAt,
    // An enum: the client refuses to read a state outside it ("Value ... not found in enum").
    state: row.state,
    version: row.version,
    ...(row.decidedAt && row.decidedByName
      ? {
          decision: {
            at: row.decidedAt,
            byId: row.decidedById ?? "",
            byName: row.decidedByName,
            ...(row.decisionReason ? { reason: row.decisionReason } : {}),
          },
        }
      : {}),
    ...(row.completedAt ? { completedAt: row.completedAt } : {}),
  };
}

function toEvent(entry: AuditEntry): EngagementEvent {
  return {
    engagementId: entry.recordId,
    organisationId: entry.organisationId,
    sequence: entry.recordVersion,
    at: entry.at,
    action: entry.action,
    ...(entry.actorId ? { actorId: entry.actorId } : {}),
    actorName: entry.actorName,
    ...(entry.reason ? { reason: entry.reason } : {}),
    ...(entry.after ? { details: entry.after } : {}),
  };
}

/**
 * The organisation's engagements holding any of these external ids or references, for the
 * vendor-portal import: a query per 5,000 keys, each by index (src/platform/store/bulk.ts).
 */
export async function findEngagementsByKeys(
  db: DbTx,
  organisationId: string,
  keys: { externalIds: readonly string[]; references: readonly string[] },
): Promise<Engagement[]> {
  const scope = { column: "organisationId", value: organisationId };
  const found = new Map<string, Engagement>();
  for (const row of await findRowsByKeys<EngagementRow>(db, "Engagement", scope, { column: "externalId", values: keys.externalIds })) {
    found.set(row.id, toEngagement(row));
  }
  // A reference already read with its engagement needs no second look (a re-import: all of them).
  const read = new Set([...found.values()].map((engagement) => engagement.reference));
  const references = keys.references.filter((reference) => !read.has(reference));
  for (const row of await findRowsByKeys<EngagementRow>(db, "Engagement", scope, { column: "reference", values: references })) {
    if (!found.has(row.id)) found.set(row.id, toEngagement(row));
  }
  return [...found.values()];
}

const ENGAGEMENT_TABLE = bulkTable<Prisma.EngagementCreateManyInput>("Engagement", {
  id: "text",
  organisationId: "text",
  externalId: "text",
  reference: "text",
  title: "text",
  clientName: "text",
  productName: "text",
  description: "text",
  requestedBy: "text",
  requestedAt: "timestamp",
  state: { enum: "EngagementState" },
  version: "integer",
  decidedAt: "timestamp",
  decidedById: "text",
  decidedByName: "text",
  decisionReason: "text",
  completedAt: "timestamp",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});

/**
 * Many new engagements and their first events, a statement per thousand (src/platform/store/bulk.ts),
 * for the import; `at` is when they were written.
 */
export async function insertEngagements(tx: DbTx, transitions: readonly Transition[], at: Date): Promise<void> {
  const rows = transitions.map(({ engagement: e }) => ({
    id: e.id,
    organisationId: e.organisationId,
    externalId: e.externalId,
    ...engagementData(e),
    createdAt: at,
    updatedAt: at,
  }));
  await insertRows(tx, ENGAGEMENT_TABLE, rows);
  await appendAuditEntries(tx, engagementAudit(transitions.flatMap((transition) => transition.events)));
}

/** An event's details are the facts after the change. */
function toAuditEntry(event: EngagementEvent): AuditEntry {
  return {
    organisationId: event.organisationId,
    recordKind: ENGAGEMENT_RECORD_KIND,
    recordId: event.engagementId,
    recordVersion: event.sequence,
    at: event.at,
    action: event.action,
    ...(event.actorId ? { actorId: event.actorId } : {}),
    actorName: event.actorName,
    ...(event.reason ? { reason: event.reason } : {}),
    ...(event.details ? { after: event.details } : {}),
  };
}
