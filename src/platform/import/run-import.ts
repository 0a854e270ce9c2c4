// Applies an import file: validate everything first, then one transaction for the organisation
// and every section, in the folded order (each after those it relies on). Any refusal rolls the
// whole file back.
import { retryLostRaces } from "../store/decide-once";
import type { Db } from "../store/db";
import type { Organisation } from "../store/organisations";
import type { ImportFormat, TImportFile } from "./import-file";
import { type OrganisationOutcome, applyOrganisation } from "./organisation";
import { type ImportProblem, ImportRejected } from "./problems";
import type { ImportSection, SectionOutcome } from "./section";

/** A vendor export of thousands of records takes longer than a click's transaction budget. */
const IMPORT_TRANSACTION_TIMEOUT_MS = 5 * 60_000;

export interface ImportSummary {
  organisation: Organisation;
  organisationOutcome: OrganisationOutcome;
  /** Only the sections the file carried, in the order they were applied. */
  sections: Record<string, SectionOutcome>;
}

export type ImportReport = { ok: true; summary: ImportSummary } | { ok: false; problems: ImportProblem[] };

export async function runImport(format: ImportFormat, db: Db, input: unknown, now: Date): Promise<ImportReport> {
  const parsed = format.parse(input);
  return parsed.ok ? applyImportFile(format, db, parsed.file, now) : parsed;
}

export async function applyImportFile(format: ImportFormat, db: Db, file: TImportFile, now: Date): Promise<ImportReport> {
  try {
    // A concurrent writer of the same records (another import of the file, an approver) makes
    // this one hit a unique key or a moved version: the whole file is applied again from fresh
    // reads, where the other's work shows as unchanged, or as decided and skipped with a note.
    const summary = await retryLostRaces(() => applyOnce(format, db, file, now));
    return { ok: true, summary };
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, problems: [...error.problems] };
    throw error;
  }
}

async function applyOnce(format: ImportFormat, db: Db, file: TImportFile, now: Date): Promise<ImportSummary> {
  return db.$transaction(
    async (tx): Promise<ImportSummary> => {
      const { organisation, outcome } = await applyOrganisation(tx, file.organisation);
      const sections: ImportSummary["sections"] = {};
      for (const { name, section } of format.sections) {
        const records = file[name];
        if (!Array.isArray(records)) continue;
        sections[name] = await (section as ImportSection).apply(tx, organisation, records, now);
      }
      return { organisation, organisationOutcome: outcome, sections };
    },
    { maxWait: 10_000, timeout: IMPORT_TRANSACTION_TIMEOUT_MS },
  );
}
