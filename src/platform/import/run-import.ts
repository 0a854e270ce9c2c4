// Applies an import file: validate everything first, then one transaction for the organisation
// and every section, in registry order. Any refusal rolls the whole file back.
import { retryLostRaces } from "../store/decide-once";
import type { Db } from "../store/db";
import type { Organisation } from "../store/organisations";
import { type TImportFile, parseImportFile } from "./import-file";
import { type OrganisationOutcome, applyOrganisation } from "./organisation";
import { type ImportProblem, ImportRejected } from "./problems";
import type { ImportSection, SectionOutcome } from "./section";
import { IMPORT_SECTIONS, IMPORT_SECTION_NAMES, type ImportSectionName } from "./sections/index";

/** A vendor export of thousands of records takes longer than a click's transaction budget. */
const IMPORT_TRANSACTION_TIMEOUT_MS = 5 * 60_000;

export interface ImportSummary {
  organisation: Organisation;
  organisationOutcome: OrganisationOutcome;
  /** Only the sections the file carried, in the order they were applied. */
  sections: Partial<Record<ImportSectionName, SectionOutcome>>;
}

export type ImportReport = { ok: true; summary: ImportSummary } | { ok: false; problems: ImportProblem[] };

export async function runImport(db: Db, input: unknown, now: Date): Promise<ImportReport> {
  const parsed = parseImportFile(input);
  return parsed.ok ? applyImportFile(db, parsed.file, now) : parsed;
}

export async function applyImportFile(db: Db, file: TImportFile, now: Date): Promise<ImportReport> {
  try {
    // A concurrent writer of the same records (another import of the file, an approver) makes
    // this one hit a unique key or a moved version: the whole file is applied again from fresh
    // reads, where the other's work shows as unchanged, or as decided and skipped with a note.
    const summary = await retryLostRaces(() => applyOnce(db, file, now));
    return { ok: true, summary };
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, problems: [...error.problems] };
    throw error;
  }
}

async function applyOnce(db: Db, file: TImportFile, now: Date): Promise<ImportSummary> {
  return db.$transaction(
    async (tx): Promise<ImportSummary> => {
      const { organisation, outcome } = await applyOrganisation(tx, file.organisation);
      const sections: ImportSummary["sections"] = {};
      for (const name of IMPORT_SECTION_NAMES) {
        const records = file[name];
        if (!records) continue;
        // The registry keeps each section's record type; here they are all applied alike.
        const section = IMPORT_SECTIONS[name] as unknown as ImportSection;
        sections[name] = await section.apply(tx, organisation, records, now);
      }
      return { organisation, organisationOutcome: outcome, sections };
    },
    { maxWait: 10_000, timeout: IMPORT_TRANSACTION_TIMEOUT_MS },
  );
}
