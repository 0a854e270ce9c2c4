// Import sections: the partner's customer records (so suggestions have something to match),
// provider accounts (idempotent by provider and the provider's account id; a new one is
// announced to billing users and admins), relationship requests sent, and acceptances.
import { z } from "zod";
import { ImportRejected, recordName, refusalProblem } from "../../../platform/import/problems";
import { defineSection, emptyOutcome } from "../../../platform/import/section";
import { LostRace } from "../../../platform/store/decide-once";
import { findUser } from "../../../platform/store/organisations";
import { importCustomerRecord } from "../domain/customer-records";
import { receiveAndAnnounceIn } from "../store/arrivals";
import { findCustomerRecordByExternalId, saveCustomerRecord } from "../store/customer-records";
import { acceptRequestIn, insertRelationshipRequest } from "../store/relationship-requests";

export const IMPORT_ACTOR = "Partner import";

const dateTime = z.iso
  .datetime({ offset: true, error: "expected an ISO 8601 date-time with an offset, like 2026-11-03T09:30:00+01:00" })
  .transform((value) => new Date(value));

export const ZCustomerRecordRecordSchema = z
  .strictObject({
    id: z.string().trim().min(1).max(100).describe("The partner's id of the customer record (CRM Account)."),
    name: z.string().trim().min(1).max(200),
    domains: z.array(z.string().max(253)).max(50).default([]).describe("The customer's internet domains."),
    tenantId: z.string().max(64).optional().describe("The customer's Microsoft Entra tenant id, where known."),
  })
  .describe("A customer record of the partner, to which provider accounts are mapped.");

export const customerRecordsSection = defineSection({
  description: "The partner's customer records (id, name, domains, tenant id), by the partner's id.",
  record: ZCustomerRecordRecordSchema,
  identity: "id",
  uniqueFields: ["id"],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const existing = await findCustomerRecordByExternalId(tx, organisation.id, record.id);
      const decided = importCustomerRecord(existing, record);
      if (!decided.ok) throw new ImportRejected([refusalProblem(recordName("customerRecords", index, { field: "id", value: record.id }), decided.refusal)]);
      if (decided.value.outcome === "unchanged") {
        outcome.unchanged += 1;
        continue;
      }
      await saveCustomerRecord(tx, organisation.id, existing, decided.value.facts, decided.value.audit, now, IMPORT_ACTOR);
      outcome[decided.value.outcome === "created" ? "created" : "updated"] += 1;
    }
    return outcome;
  },
});

export const ZProviderAccountRecordSchema = z
  .strictObject({
    provider: z.string().trim().min(1).max(100).describe('The provider\'s name, e.g. "Microsoft Partner Center".'),
    providerAccountId: z.string().trim().min(1).max(200).describe("The provider specific account id."),
    name: z.string().trim().min(1).max(200).describe("The customer's name at the provider."),
    domains: z.array(z.string().max(253)).max(50).default([]),
    customerTenantId: z.string().max(64).optional(),
    appearedAt: dateTime.optional().describe("When the provider created the account; when absent, when the bot received it."),
  })
  .describe("A provider account, created when a customer accepted the reseller relationship.");

export const providerAccountsSection = defineSection({
  description: "Provider accounts, idempotent by provider and providerAccountId; each new one is announced to billing users and admins.",
  record: ZProviderAccountRecordSchema,
  identity: "providerAccountId",
  uniqueFields: ["providerAccountId"],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const received = await receiveAndAnnounceIn(tx, organisation.id, record, now, IMPORT_ACTOR);
      const name = recordName("providerAccounts", index, { field: "providerAccountId", value: record.providerAccountId });
      if (!received.ok) throw new ImportRejected([refusalProblem(name, received.refusal)]);
      outcome[received.value.outcome === "appeared" ? "created" : "unchanged"] += 1;
    }
    return outcome;
  },
});

export const ZRelationshipRequestRecordSchema = z
  .strictObject({
    customerName: z.string().trim().min(1).max(200),
    primaryDomain: z.string().trim().min(1).max(253),
    customerTenantId: z.string().max(64).optional(),
    sentByAadObjectId: z.string().trim().min(1).max(100).describe("The partner user who sent it (a user of the file or of the organisation)."),
    sentAt: dateTime,
  })
  .describe("A reseller-relationship request sent to a customer and not accepted yet.");

export const relationshipRequestsSection = defineSection({
  description: "Reseller-relationship requests sent, by the customer's primary domain and the time sent.",
  record: ZRelationshipRequestRecordSchema,
  identity: "primaryDomain",
  uniqueFields: [],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const name = recordName("relationshipRequests", index, { field: "primaryDomain", value: record.primaryDomain });
      const sender = await findUser(tx, organisation.id, record.sentByAadObjectId);
      if (!sender) throw new ImportRejected([{ where: name, message: "no user with this sentByAadObjectId in the organisation" }]);
      const known = await tx.relationshipRequest.findFirst({
        where: { organisationId: organisation.id, primaryDomain: record.primaryDomain.toLowerCase(), sentAt: record.sentAt },
      });
      if (known) {
        outcome.unchanged += 1;
        continue;
      }
      const actor = { userId: sender.aadObjectId, name: sender.name, role: sender.role };
      const body = {
        customerName: record.customerName,
        primaryDomain: record.primaryDomain,
        sentAt: record.sentAt,
        ...(record.customerTenantId ? { customerTenantId: record.customerTenantId } : {}),
      };
      const saved = await insertRelationshipRequest(tx, organisation.id, body, actor, now);
      if (!saved.ok) throw new ImportRejected([refusalProblem(name, saved.refusal)]);
      outcome.created += 1;
    }
    return outcome;
  },
});

export const ZRelationshipAcceptanceRecordSchema = z
  .strictObject({
    customerTenantId: z.string().max(64).optional(),
    domains: z.array(z.string().max(253)).max(50).default([]),
    acceptedAt: dateTime,
  })
  .describe("A customer's acceptance of a reseller-relationship request, found by tenant id, else by domain.");

export const relationshipAcceptancesSection = defineSection({
  description: "Customers' acceptances of reseller-relationship requests.",
  record: ZRelationshipAcceptanceRecordSchema,
  identity: "customerTenantId",
  uniqueFields: [],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    for (const [index, record] of records.entries()) {
      const name = recordName("relationshipAcceptances", index, { field: "customerTenantId", value: record.customerTenantId ?? "" });
      const accepted = await acceptRequestIn(tx, organisation.id, record, now, IMPORT_ACTOR);
      if (accepted === "lost_race") throw new LostRace();
      if (!accepted.ok) throw new ImportRejected([refusalProblem(name, accepted.refusal)]);
      if (accepted.value.outcome === "no_request") {
        outcome.skipped += 1;
        outcome.notes.push(`${name}: no relationship request for this tenant or domains`);
      } else outcome[accepted.value.outcome === "accepted" ? "updated" : "unchanged"] += 1;
    }
    return outcome;
  },
});
