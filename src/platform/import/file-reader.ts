// Import files other than the JSON import file: a workflow declares a reader for a file type
// (a vendor's CSV report, say) that turns the file's bytes into records of its import sections.
// The import then runs as for a JSON file (validated, all-or-nothing, idempotent), for an
// organisation the bot already knows, since such a file does not name one.
import type { DbTx } from "../store/db";
import type { Organisation } from "../store/organisations";
import { IMPORT_FORMAT_VERSION, type TImportFileInput } from "./import-file";
import type { ImportProblem } from "./problems";

export type FileReading = { ok: true; sections: Record<string, unknown[]> } | { ok: false; problems: ImportProblem[] };

export interface ImportFileReader {
  /** The file name ending it reads, lower-case, with its dot: ".csv". */
  extension: string;
  /** For the usage line: "the vendor's ticket report (CSV)". */
  description: string;
  read(bytes: Uint8Array): FileReading;
}

/** The reader for a file name, by its ending; undefined for a JSON import file. */
export function readerFor(readers: ReadonlyMap<string, ImportFileReader>, path: string): ImportFileReader | undefined {
  const lower = path.toLowerCase();
  return [...readers.values()].find((reader) => lower.endsWith(reader.extension));
}

/** The import file a reader's sections make for a known organisation. */
export function importFileOf(organisation: Organisation, sections: Record<string, unknown[]>): TImportFileInput {
  return {
    version: IMPORT_FORMAT_VERSION,
    organisation: { tenantId: organisation.tenantId, name: organisation.name, timeZone: organisation.timeZone },
    ...sections,
  };
}

/** The organisation a file is for: the tenant named, or the only organisation there is. */
export async function organisationForFile(db: DbTx, tenantId: string | undefined): Promise<Organisation | string> {
  const rows = await db.organisation.findMany({ where: tenantId ? { tenantId } : {}, take: 2, orderBy: { tenantId: "asc" } });
  const [first] = rows;
  if (!first) return tenantId ? `no organisation has tenant id ${tenantId}` : "the database has no organisation yet: import a JSON file first";
  if (rows.length > 1) return "the database has several organisations: name one with --tenant <tenant id>";
  return { id: first.id, tenantId: first.tenantId, name: first.name, timeZone: first.timeZone };
}
