// Engagement requests from the vendor portal, upserted by (organisation, externalId). A new
// one arrives pending; a pending one whose details changed is updated with an "updated"
// history event; a decided one keeps the details it was decided on (the change is reported,
// not applied), because a decision is never rewritten.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Engagement, eventFor } from "../../domain/engagements";
import { findEngagementByExternalId, findEngagementByReference, insertEngagement, updateEngagement } from "../../store/engagements";
import type { DbTx } from "../../store/db";
import { ImportRejected, fieldName, recordName } from "../problems";
import { type SectionOutcome, defineSection, emptyOutcome } from "../section";

/** Who history says created or updated an imported engagement. */
export const IMPORT_ACTOR = { aadObjectId: "vendor-portal-import", name: "Vendor portal import" } as const;

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const ZImportEngagementSchema = z
  .strictObject({
    externalId: z.string().trim().min(1).max(100).describe("The vendor portal's id for the request; the import upserts on it."),
    reference: z
      .string()
      .regex(/^ENG-\d{1,9}$/, 'expected a reference like "ENG-1042"')
      .describe('What people call the engagement, "ENG-" and digits.'),
    title: z.string().trim().min(1).max(200),
    clientName: z.string().trim().min(1).max(200),
    productName: z.string().trim().min(1).max(200),
    description: optionalText(2000),
    requestedBy: optionalText(200).describe("The client contact who asked."),
    requestedAt: z.iso
      .datetime({ offset: true, error: "expected an ISO 8601 date-time with an offset, like 2026-11-03T09:30:00+01:00" })
      .transform((value) => new Date(value))
      .describe("When the client asked, ISO 8601 with an offset."),
  })
  .describe("A client's engagement request, as the vendor portal exports it.");

export type TImportEngagement = z.output<typeof ZImportEngagementSchema>;

type Details = Pick<Engagement, "reference" | "title" | "clientName" | "productName" | "description" | "requestedBy" | "requestedAt">;
const DETAIL_FIELDS = ["reference", "title", "clientName", "productName", "description", "requestedBy", "requestedAt"] as const;

export const engagementsSection = defineSection({
  description: "Engagement requests, upserted by externalId. New ones arrive pending.",
  record: ZImportEngagementSchema,
  identity: "externalId",
  uniqueFields: ["externalId", "reference"],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const name = recordName("engagements", index, { field: "externalId", value: record.externalId });
      const details = detailsOf(record);
      const existing = await findEngagementByExternalId(tx, organisation.id, record.externalId);
      if (existing) {
        await applyToExisting(tx, existing, details, name, now, outcome);
      } else {
        await createEngagement(tx, organisation.id, record, details, name, now);
        outcome.created += 1;
      }
    }
    return outcome;
  },
});

async function createEngagement(
  tx: DbTx,
  organisationId: string,
  record: TImportEngagement,
  details: Details,
  name: string,
  now: Date,
): Promise<void> {
  await ensureReferenceFree(tx, organisationId, record, name);
  const engagement: Engagement = {
    ...details,
    id: randomUUID(),
    organisationId,
    externalId: record.externalId,
    state: "pending",
    version: 1,
  };
  // History starts when the client asked, so it reads in order beside later decisions; when
  // the bot learnt of it is kept in the details.
  const created = eventFor(engagement, "created", IMPORT_ACTOR, record.requestedAt, undefined, { importedAt: now.toISOString() });
  await insertEngagement(tx, { engagement, events: [created] });
}

async function applyToExisting(
  tx: DbTx,
  existing: Engagement,
  details: Details,
  name: string,
  now: Date,
  outcome: SectionOutcome,
): Promise<void> {
  const changed = changedFields(existing, details);
  if (changed.length === 0) {
    outcome.unchanged += 1;
    return;
  }
  if (existing.state !== "pending") {
    outcome.skipped += 1;
    outcome.notes.push(`${name}: ${existing.state}, so the changes to ${changed.join(", ")} were not applied`);
    return;
  }
  if (changed.includes("reference")) {
    await ensureReferenceFree(tx, existing.organisationId, { ...details, externalId: existing.externalId }, name);
  }
  const next: Engagement = { ...existing, ...details, version: existing.version + 1 };
  const change = Object.fromEntries(
    changed.map((field) => [field, { from: printable(existing[field]), to: printable(details[field]) }]),
  );
  const updated = eventFor(next, "updated", IMPORT_ACTOR, now, undefined, { changed: change });
  if ((await updateEngagement(tx, existing, { engagement: next, events: [updated] })) === "conflict") {
    throw new ImportRejected([{ where: name, message: "changed by someone else during the import; run the import again" }]);
  }
  outcome.updated += 1;
}

/** References are unique per organisation: name the engagement that already holds it. */
async function ensureReferenceFree(
  tx: DbTx,
  organisationId: string,
  record: { reference: string; externalId: string },
  name: string,
): Promise<void> {
  const holder = await findEngagementByReference(tx, organisationId, record.reference);
  if (holder && holder.externalId !== record.externalId) {
    const message = `${record.reference} already belongs to the engagement with externalId ${JSON.stringify(holder.externalId)}`;
    throw new ImportRejected([{ where: fieldName(name, ["reference"]), message }]);
  }
}

function detailsOf(record: TImportEngagement): Details {
  // Exports often carry "" for a missing value: store it as absent, as the bot shows it.
  return {
    reference: record.reference,
    title: record.title,
    clientName: record.clientName,
    productName: record.productName,
    description: record.description || undefined,
    requestedBy: record.requestedBy || undefined,
    requestedAt: record.requestedAt,
  };
}

function changedFields(existing: Engagement, details: Details): (typeof DETAIL_FIELDS)[number][] {
  return DETAIL_FIELDS.filter((field) => printable(existing[field]) !== printable(details[field]));
}

function printable(value: string | Date | undefined): string | null {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}
