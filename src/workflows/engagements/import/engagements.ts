// Engagement requests from the vendor portal, upserted by (organisation, externalId). A new
// one arrives pending; a pending one whose details changed is updated with an "updated"
// history event; a decided one keeps the details it was decided on (the change is reported,
// not applied), because a decision is never rewritten.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Engagement, type Transition, eventFor } from "../domain/engagements";
import { findEngagementsByKeys, insertEngagements, updateEngagement } from "../store/engagements";
import { LostRace } from "../../../platform/store/decide-once";
import type { DbTx } from "../../../platform/store/db";
import { ImportRejected, fieldName, recordName } from "../../../platform/import/problems";
import { type SectionOutcome, defineSection, emptyOutcome } from "../../../platform/import/section";

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
    const known = await findEngagementsByKeys(tx, organisation.id, {
      externalIds: records.map((record) => record.externalId),
      references: records.map((record) => record.reference),
    });
    const byExternalId = new Map(known.map((engagement) => [engagement.externalId, engagement]));
    const holders: ReferenceHolders = new Map(known.map((engagement) => [engagement.reference, engagement.externalId]));
    const created: Transition[] = [];
    for (const [index, record] of records.entries()) {
      const name = recordName("engagements", index, { field: "externalId", value: record.externalId });
      const details = detailsOf(record);
      const existing = byExternalId.get(record.externalId);
      if (existing) {
        await applyToExisting(tx, { existing, details, name, now, holders }, outcome);
      } else {
        created.push(newEngagement(organisation.id, { record, details, name, now, holders }));
      }
    }
    // New engagements are written together once every record has been checked.
    await insertEngagements(tx, created, now);
    outcome.created = created.length;
    return outcome;
  },
});

/** Which engagement (by externalId) holds each reference, kept current as the file is applied. */
type ReferenceHolders = Map<string, string>;

function newEngagement(
  organisationId: string,
  input: { record: TImportEngagement; details: Details; name: string; now: Date; holders: ReferenceHolders },
): Transition {
  const { record, details, name, now, holders } = input;
  claimReference(holders, record.reference, record.externalId, name);
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
  return { engagement, events: [created] };
}

async function applyToExisting(
  tx: DbTx,
  input: { existing: Engagement; details: Details; name: string; now: Date; holders: ReferenceHolders },
  outcome: SectionOutcome,
): Promise<void> {
  const { existing, details, name, now, holders } = input;
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
    claimReference(holders, details.reference, existing.externalId, name);
    holders.delete(existing.reference);
  }
  const next: Engagement = { ...existing, ...details, version: existing.version + 1 };
  const change = Object.fromEntries(changed.map((field) => [field, { from: printable(existing[field]), to: printable(details[field]) }]));
  const updated = eventFor(next, "updated", IMPORT_ACTOR, now, undefined, { changed: change });
  if ((await updateEngagement(tx, existing, { engagement: next, events: [updated] })) === "conflict") {
    throw new LostRace();
  }
  outcome.updated += 1;
}

/** References are unique per organisation: name the engagement that already holds it. */
function claimReference(holders: ReferenceHolders, reference: string, externalId: string, name: string): void {
  const holder = holders.get(reference);
  if (holder !== undefined && holder !== externalId) {
    const message = `${reference} already belongs to the engagement with externalId ${JSON.stringify(holder)}`;
    throw new ImportRejected([{ where: fieldName(name, ["reference"]), message }]);
  }
  holders.set(reference, externalId);
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
