// The vendor's site list in the import file: "resellerSites" (number, name, Primary Contact),
// idempotent by site number, and "siteContacts" (each site's Secondary Contacts and users, with
// whether each may approve and their privileges), idempotent by site and person. The vendor's
// list is its word: contacts are written as it says, each change audited, the same file again
// changing nothing.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ImportRejected, recordName, refusalProblem } from "../../../platform/import/problems";
import { defineSection, emptyOutcome } from "../../../platform/import/section";
import { appendAuditEntries } from "../../../platform/store/audit";
import type { DbTx } from "../../../platform/store/db";
import { LostRace } from "../../../platform/store/decide-once";
import { checkGrant, ENTITLEMENTS, sameGrant, SITE_ROLES } from "../domain/entitlements";
import { parseSiteNumber, type SiteUser } from "../domain/sites";
import { withHistory } from "../store/history";
import { SITE_USER_RECORD_KIND } from "../store/records";
import { applySiteRecordIn } from "../store/site-records";
import { findSiteByNumber, listSiteMembers, saveSiteUser } from "../store/sites";

export const SITE_LIST_ACTOR = { actorName: "Vendor site list" } as const;

const person = z.strictObject({ aadObjectId: z.string().trim().min(1).max(100), name: z.string().trim().min(1).max(200) });

export const ZImportSiteSchema = z
  .strictObject({
    siteNumber: z.string().trim().min(1).max(40).describe('The vendor\'s site number, digits ("1234567").'),
    name: z.string().trim().min(1).max(200),
    primaryContact: person.optional().describe("The site's Primary Contact as the vendor names them; absent leaves it as it is."),
  })
  .describe("A reseller site on the vendor's site, upserted by site number.");

export const ZImportSiteContactSchema = z
  .strictObject({
    siteNumber: z.string().trim().min(1).max(40),
    ...person.shape,
    role: z.enum(SITE_ROLES).default("user").describe("secondary_contact or user"),
    mayApprove: z.boolean().default(false).describe("A Secondary Contact who may approve access requests."),
    entitlements: z.array(z.enum(ENTITLEMENTS)).min(1).describe("Tool privileges: reporting, online_ordering, proposal_quote_order, guided_selling."),
  })
  .describe("A person on a site's user list, upserted by site number and aadObjectId.");

export const resellerSitesSection = defineSection({
  description: "Reseller sites (number, name, Primary Contact), upserted by site number.",
  record: ZImportSiteSchema,
  identity: "siteNumber",
  uniqueFields: ["siteNumber"],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const { primaryContact, ...site } = record;
      const input = { ...site, ...(primaryContact ? { primaryContact: { userId: primaryContact.aadObjectId, name: primaryContact.name } } : {}) };
      const applied = await applySiteRecordIn(tx, organisation.id, input, SITE_LIST_ACTOR, now);
      if (!applied.ok)
        throw new ImportRejected([refusalProblem(recordName("resellerSites", index, { field: "siteNumber", value: record.siteNumber }), applied.refusal)]);
      outcome[applied.value.outcome] += 1;
    }
    return outcome;
  },
});

export const siteContactsSection = defineSection({
  description: "People on reseller sites' user lists (Secondary Contacts and users, their approval right and privileges).",
  record: ZImportSiteContactSchema,
  identity: "aadObjectId",
  uniqueFields: [],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const name = recordName("siteContacts", index, { field: "aadObjectId", value: record.aadObjectId });
      const result = await applyContact(tx, organisation.id, record, now);
      if (typeof result !== "string") throw new ImportRejected([refusalProblem(name, result)]);
      outcome[result] += 1;
    }
    return outcome;
  },
});

async function applyContact(tx: DbTx, organisationId: string, record: z.output<typeof ZImportSiteContactSchema>, now: Date) {
  const number = parseSiteNumber(record.siteNumber);
  if (!number.ok) return number.refusal;
  const site = await findSiteByNumber(tx, organisationId, number.value);
  if (!site) return { code: "site_not_found", facts: { siteNumber: number.value } };
  const grant = checkGrant(record.role, record.mayApprove, record.entitlements);
  if (!grant.ok) return grant.refusal;
  const before = (await listSiteMembers(tx, site)).find((member) => member.userId === record.aadObjectId);
  if (before?.state === "active" && before.name === record.name && sameGrant(before, grant.value)) return "unchanged" as const;
  const next: SiteUser = {
    id: before?.id ?? randomUUID(),
    organisationId,
    siteId: site.id,
    userId: record.aadObjectId,
    name: record.name,
    ...grant.value,
    state: "active",
    version: before ? before.version + 1 : 0,
  };
  if (!(await saveSiteUser(tx, before, next))) throw new LostRace();
  const action = before?.state === "active" ? "user_updated" : "user_added";
  const entry = {
    action,
    after: { ...grant.value },
    ...(before ? { before: { role: before.role, mayApprove: before.mayApprove, entitlements: before.entitlements } } : {}),
  } as const;
  await appendAuditEntries(tx, withHistory(SITE_USER_RECORD_KIND, next, [entry], SITE_LIST_ACTOR, now).audit);
  return before ? ("updated" as const) : ("created" as const);
}
