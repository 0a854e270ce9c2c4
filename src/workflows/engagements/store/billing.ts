// Loads and saves billing entries. Decimals are stored as the canonical strings the domain
// produces; uniqueness that makes submissions and decisions happen once lives in the schema:
// (organisation, idempotency key), (organisation, vendor decision id), one correction per entry.
import { type BillingEntry, type DecisionSource, OVERDUE_AFTER_MS } from "../domain/billing";
import { type BillingUnit, isBillingUnit } from "../domain/billing-draft";
import type { EngagementState } from "../domain/engagements";
import type { DbTx } from "../../../platform/store/db";

const withCorrection = { supersededBy: { select: { id: true } } } as const;
type EntryRow = Awaited<ReturnType<typeof findRow>>;

function findRow(db: DbTx, where: { organisationId: string; id?: string; reference?: string; idempotencyKey?: string; decisionId?: string }) {
  return db.billingEntry.findFirst({ where, include: withCorrection });
}

export async function findBillingEntry(db: DbTx, organisationId: string, id: string): Promise<BillingEntry | undefined> {
  return toEntry(await findRow(db, { organisationId, id }));
}

/** The reference the vendor quotes back ("ENG-1042-B3"). */
export async function findBillingEntryByReference(db: DbTx, organisationId: string, reference: string): Promise<BillingEntry | undefined> {
  return toEntry(await findRow(db, { organisationId, reference }));
}

export async function findBillingEntryByIdempotencyKey(db: DbTx, organisationId: string, idempotencyKey: string): Promise<BillingEntry | undefined> {
  return toEntry(await findRow(db, { organisationId, idempotencyKey }));
}

export async function findBillingEntryByDecisionId(db: DbTx, organisationId: string, decisionId: string): Promise<BillingEntry | undefined> {
  return toEntry(await findRow(db, { organisationId, decisionId }));
}

/** An engagement's entries, most recent usage month first, then newest submission first. */
export async function listBillingEntries(db: DbTx, organisationId: string, engagementId: string, limit = 200): Promise<BillingEntry[]> {
  const rows = await db.billingEntry.findMany({
    where: { organisationId, engagementId },
    include: withCorrection,
    orderBy: [{ usageMonth: "desc" }, { submittedAt: "desc" }],
    take: limit,
  });
  return rows.map((row) => toEntry(row) as BillingEntry);
}

export async function countBillingEntries(db: DbTx, organisationId: string, engagementId: string): Promise<number> {
  return db.billingEntry.count({ where: { organisationId, engagementId } });
}

/** An organisation's submissions still unrated 24 h after they were sent, oldest first. */
export async function listOverdueBillingEntries(db: DbTx, organisationId: string, now: Date, filter: { limit?: number } = {}): Promise<BillingEntry[]> {
  const rows = await db.billingEntry.findMany({
    where: {
      organisationId,
      state: "submitted",
      submittedAt: { lte: new Date(now.getTime() - OVERDUE_AFTER_MS) },
    },
    include: withCorrection,
    orderBy: { submittedAt: "asc" },
    take: filter.limit ?? 500,
  });
  return rows.map((row) => toEntry(row) as BillingEntry);
}

/**
 * The organisation's engagements in `states` with no entry for `month` that still bills (a
 * rejected entry bills nothing), oldest request first. One query whatever their number: the
 * missing entry is a NOT EXISTS in SQL, not a list of ids sent back to the database.
 */
/**
 * Engagements that take entries for `month` (in a billable state, or completed since the month
 * began) and have none for it yet: one query, whatever the number of engagements.
 */
export async function listEngagementsWithoutEntry(
  db: DbTx,
  organisationId: string,
  month: string,
  billable: { states: readonly EngagementState[]; monthStart: Date },
): Promise<{ id: string; reference: string; clientName: string }[]> {
  return db.engagement.findMany({
    where: {
      organisationId,
      OR: [{ state: { in: [...billable.states] } }, { state: "completed", completedAt: { gte: billable.monthStart } }],
      // A rejected entry bills nothing: the month still needs one.
      billingEntries: { none: { usageMonth: month, state: { not: "rejected" } } },
    },
    select: { id: true, reference: true, clientName: true },
    orderBy: [{ requestedAt: "asc" }, { reference: "asc" }],
  });
}

export async function insertBillingEntry(tx: DbTx, entry: BillingEntry): Promise<void> {
  await tx.billingEntry.create({
    data: {
      id: entry.id,
      organisationId: entry.organisationId,
      engagementId: entry.engagementId,
      reference: entry.reference,
      usageMonth: entry.usageMonth,
      quantity: entry.quantity,
      unit: entry.unit,
      unitCost: entry.unitCost,
      currency: entry.currency,
      amount: entry.amount,
      notes: entry.notes ?? null,
      state: entry.state,
      submittedAt: entry.submittedAt,
      submittedById: entry.submittedById,
      submittedByName: entry.submittedByName,
      idempotencyKey: entry.idempotencyKey,
      supersedesId: entry.supersedesId ?? null,
    },
  });
}

/** Records the vendor's decision if the entry still awaits one; answers whether it did. */
export async function recordBillingDecision(tx: DbTx, decided: BillingEntry): Promise<boolean> {
  const decision = decided.decision;
  if (!decision) throw new Error(`entry ${decided.id} carries no decision`);
  const { count } = await tx.billingEntry.updateMany({
    where: { id: decided.id, organisationId: decided.organisationId, state: "submitted" },
    data: {
      state: decided.state,
      decisionId: decision.decisionId,
      decisionSource: decision.source,
      decidedAt: decision.decidedAt,
      decisionReceivedAt: decision.receivedAt,
      ratedAmount: decision.ratedAmount ?? null,
      ratedCurrency: decision.ratedCurrency ?? null,
      rejectionReason: decision.reason ?? null,
    },
  });
  return count === 1;
}

function toEntry(row: EntryRow): BillingEntry | undefined {
  if (!row) return undefined;
  const decided = row.decisionId && row.decidedAt && row.decisionReceivedAt;
  return {
    id: row.id,
    organisationId: row.organisationId,
    engagementId: row.engagementId,
    reference: row.reference,
    usageMonth: row.usageMonth,
    quantity: row.quantity,
    // A unit stored by an older version reads as the generic one rather than failing the list.
    unit: isBillingUnit(row.unit) ? row.unit : ("unit" satisfies BillingUnit),
    unitCost: row.unitCost,
    currency: row.currency,
    amount: row.amount,
    ...(row.notes ? { notes: row.notes } : {}),
    // An enum: the client refuses to read a state outside it ("Value ... not found in enum").
    state: row.state,
    submittedAt: row.submittedAt,
    submittedById: row.submittedById,
    submittedByName: row.submittedByName,
    idempotencyKey: row.idempotencyKey,
    ...(row.supersedesId ? { supersedesId: row.supersedesId } : {}),
    ...(row.supersededBy ? { supersededById: row.supersededBy.id } : {}),
    ...(decided
      ? {
          decision: {
            decisionId: row.decisionId as string,
            source: (row.decisionSource === "import" ? "import" : "http") satisfies DecisionSource,
            decidedAt: row.decidedAt as Date,
            receivedAt: row.decisionReceivedAt as Date,
            ...(row.ratedAmount ? { ratedAmount: row.ratedAmount } : {}),
            ...(row.ratedCurrency ? { ratedCurrency: row.ratedCurrency } : {}),
            ...(row.rejectionReason ? { reason: row.rejectionReason } : {}),
          },
        }
      : {}),
  };
}
