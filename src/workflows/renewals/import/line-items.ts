// The import section "renewalLineItems": the vendor's renewal report, from a CSV file (read by
// ./report-file.ts), the inbound API or a JSON import file. Idempotent by agreement and line
// item: the same report again changes nothing; applied inside the import's one transaction.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { defineSection, emptyOutcome } from "../../../platform/import/section";
import { ImportRejected, recordName } from "../../../platform/import/problems";
import { appendAuditEntries } from "../../../platform/store/audit";
import type { DbTx } from "../../../platform/store/db";
import { LostRace } from "../../../platform/store/decide-once";
import type { Organisation } from "../../../platform/store/organisations";
import { listUsersWithRoles } from "../../../platform/store/organisations";
import { ROLES } from "../../../platform/domain/roles";
import { lineItemKey, ZRenewalLineItemRecord, type TRenewalLineItemRecord } from "../domain/line-items";
import { applyReportLineItem } from "../domain/report-import";
import { findLineItemByKey, lineItemAudit, lineItemColumns, saveLineItemVersion, versionedChange } from "./../store/line-items";

export const RENEWAL_SECTION = "renewalLineItems";
const REPORT_AUTHOR = { actorName: "vendor report" };

export const ZRenewalImportRecord = ZRenewalLineItemRecord.and(
  z.object({ line: z.number().int().positive().optional().describe("The report's line, when read from a CSV file") }),
);

export const renewalLineItemsSection = defineSection({
  description: "Renewal line items of the vendor's 180 day report, keyed by agreement number and line item.",
  record: ZRenewalImportRecord,
  identity: "lineItem",
  uniqueFields: [],
  async apply(tx, organisation, records, now) {
    const outcome = emptyOutcome();
    refuseRepeatedLineItems(records);
    const owners = await ownerFinder(tx, organisation);
    for (const { line: _line, ...record } of records) {
      const result = await applyOne(tx, organisation, record, owners(record.accountOwner), now);
      outcome[result] += 1;
    }
    return outcome;
  },
});

function refuseRepeatedLineItems(records: readonly TRenewalLineItemRecord[]): void {
  const first = new Map<string, number>();
  const problems = records.flatMap((record, index) => {
    const key = lineItemKey(record);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    return earlier === undefined
      ? []
      : [{ where: recordName(RENEWAL_SECTION, index, { field: "lineItem", value: record.lineItem }), message: `repeats ${RENEWAL_SECTION}[${earlier}]` }];
  });
  if (problems.length > 0) throw new ImportRejected(problems);
}

/** The report names an account's owner by name or e-mail: matched against the organisation's users. */
async function ownerFinder(tx: DbTx, organisation: Organisation): Promise<(owner: string | undefined) => string | undefined> {
  const users = await listUsersWithRoles(tx, organisation.id, ROLES);
  const byName = new Map(users.map((user) => [user.name.trim().toLocaleLowerCase("en"), user.aadObjectId]));
  return (owner) => (owner ? byName.get(owner.trim().toLocaleLowerCase("en")) : undefined);
}

async function applyOne(tx: DbTx, organisation: Organisation, record: TRenewalLineItemRecord, ownerUserId: string | undefined, now: Date) {
  const existing = await findLineItemByKey(tx, organisation.id, record.agreementNumber, record.lineItem);
  const change = applyReportLineItem(existing, record, {
    id: existing?.id ?? randomUUID(),
    organisationId: organisation.id,
    ...(ownerUserId ? { ownerUserId } : {}),
  });
  if (change.audit.length === 0) return "unchanged" as const;
  const next = versionedChange(existing, change.record, change.audit.length);
  if (!existing) {
    await tx.renewalLineItem.create({ data: { id: next.id, organisationId: organisation.id, ...lineItemColumns(next) } });
  } else if (!(await saveLineItemVersion(tx, existing, next))) {
    // Someone marked it meanwhile: the whole file is applied again from fresh reads.
    throw new LostRace();
  }
  await appendAuditEntries(tx, lineItemAudit(next, change.audit, REPORT_AUTHOR, now));
  return existing ? ("updated" as const) : ("created" as const);
}
