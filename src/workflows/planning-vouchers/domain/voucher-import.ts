// Vouchers coming in from the vendor, idempotent by the vendor's voucher ID: the same facts
// again change nothing; new facts update a voucher nobody has reserved yet. Once reserved, the
// facts the partner relied on (customer, partner, offering, engagement type, value) are not
// rewritten silently: a change is a conflict for a person to look at. The dates stay the
// vendor's to move (it has extended vouchers before), and every move is recorded.
import { type Result, accept, refuse } from "../../../platform/domain/result";
import type { TImportVoucher } from "./import-records";
import type { VoucherRefusal } from "./refusals";
import type { VoucherAudit } from "./steps";
import type { Voucher } from "./voucher";

export type VoucherImportOutcome =
  | { kind: "created"; record: Voucher; audit: VoucherAudit }
  | { kind: "updated"; record: Voucher; audit: VoucherAudit }
  | { kind: "unchanged"; record: Voucher };

type ImportedFacts = Omit<TImportVoucher, "vendorVoucherId">;

const FIXED_ONCE_RESERVED = ["reference", "customerName", "administratorEmail", "assignedPartnerId", "offering", "engagementTypeCode", "value"] as const;

/** Same facts, whatever order their keys came in. */
export function sameFacts(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type ReferenceImportChange = "created" | "unchanged" | "updated";

/**
 * For the vendor's reference records (engagement types, partner ids, enrolments, competencies,
 * consultants and their exams), keyed by the vendor's id: the vendor's word is the record, so
 * new facts replace the old ones (a renewal moves an anniversary), and the same facts again are a replay.
 */
export function referenceImportChange<T>(existing: T | undefined, incoming: T): ReferenceImportChange {
  if (existing === undefined) return "created";
  return sameFacts(existing, incoming) ? "unchanged" : "updated";
}

/** `identity` names the record a new voucher becomes (the store's id and the organisation). */
export function importVoucher(
  existing: Voucher | undefined,
  row: TImportVoucher,
  identity: { id: string; organisationId: string },
): Result<VoucherImportOutcome, VoucherRefusal> {
  const { vendorVoucherId, ...facts } = row;
  if (!existing) {
    const record: Voucher = { ...identity, vendorVoucherId, ...facts, state: "assigned", version: 0 };
    return accept({ kind: "created", record, audit: { action: "imported", after: { state: record.state, ...facts } } });
  }
  const before = importedFacts(existing);
  const changed = (Object.keys(facts) as (keyof ImportedFacts)[]).filter((key) => !sameFacts(before[key], facts[key]));
  if (changed.length === 0) return accept({ kind: "unchanged", record: existing });
  const fixed = changed.find((key) => (FIXED_ONCE_RESERVED as readonly string[]).includes(key));
  if (fixed && existing.state !== "assigned") return refuse("import_conflict", { reference: existing.reference, field: fixed, state: existing.state });
  const record: Voucher = { ...existing, ...facts, version: existing.version + 1 };
  return accept({
    kind: "updated",
    record,
    audit: {
      action: "import_updated",
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, facts[key]])),
    },
  });
}

function importedFacts(voucher: Voucher): ImportedFacts {
  const { reference, customerName, administratorEmail, assignedPartnerId, offering, engagementTypeCode, value, assignedOn, expiresOn } = voucher;
  return { reference, customerName, administratorEmail, assignedPartnerId, offering, engagementTypeCode, value, assignedOn, expiresOn };
}
