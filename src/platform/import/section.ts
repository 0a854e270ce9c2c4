// The shape every import section follows. A section is one array in the import file
// ("users", and each workflow's): a zod schema for one record, the fields that must be unique
// within the file, and how its records are applied inside the import's transaction.
// Sections are listed, in the order they are applied, in ./sections/index.ts.
import type { z } from "zod";
import type { DbTx } from "../store/db";
import type { Organisation } from "../store/organisations";

export interface SectionOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Records left as they are on purpose (each one explained in `notes`). */
  skipped: number;
  notes: string[];
}

export interface ImportSection<TRecord extends z.ZodType = z.ZodType> {
  /** Shown in the JSON Schema (schemas/import.schema.json). */
  description: string;
  record: TRecord;
  /** The field that names a record in problems: `users[3] (aadObjectId "X-17")`. */
  identity: string;
  /** Fields whose values may appear once only in the file. */
  uniqueFields: readonly string[];
  /**
   * Applies the validated records. Throw `ImportRejected` (naming the record with
   * `recordName(section, index, ...)`) to refuse the whole import: the transaction rolls back.
   */
  apply(tx: DbTx, organisation: Organisation, records: z.output<TRecord>[], now: Date): Promise<SectionOutcome>;
}

/** Keeps each section's record type while the registry holds them side by side. */
export const defineSection = <TRecord extends z.ZodType>(section: ImportSection<TRecord>): ImportSection<TRecord> => section;

export const emptyOutcome = (): SectionOutcome => ({ created: 0, updated: 0, unchanged: 0, skipped: 0, notes: [] });
