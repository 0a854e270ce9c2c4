// The import file: a version, the organisation, and one optional array per registered section.
// `parseImportFile` validates the whole file at once and reports every problem, each naming
// its record and field, before anything touches the database.
import { z } from "zod";
import { unsafeStringPaths } from "../domain/text";
import { ZImportOrganisationSchema } from "./organisation";
import { type ImportProblem, fieldName, issueMessage, recordName } from "./problems";
import { IMPORT_SECTIONS, IMPORT_SECTION_NAMES, type ImportSectionName } from "./sections/index";

export const IMPORT_FORMAT_VERSION = 1;

type Sections = typeof IMPORT_SECTIONS;
type SectionShape = { [K in ImportSectionName]: z.ZodOptional<z.ZodArray<Sections[K]["record"]>> };

const sectionShape = Object.fromEntries(
  IMPORT_SECTION_NAMES.map((name) => [name, z.array(IMPORT_SECTIONS[name].record).optional().describe(IMPORT_SECTIONS[name].description)]),
) as SectionShape;

export const ZImportFileSchema = z
  .strictObject({
    // Lets editors find schemas/import.schema.json for completion and checking.
    $schema: z.string().optional(),
    version: z.literal(IMPORT_FORMAT_VERSION),
    organisation: ZImportOrganisationSchema,
    ...sectionShape,
  })
  .describe("Vendor portal records for one partner organisation, applied all-or-nothing and upserted by their ids.");

export type TImportFile = z.output<typeof ZImportFileSchema>;
/** What a file holds before validation (dates as strings): what the demo seed writes. */
export type TImportFileInput = z.input<typeof ZImportFileSchema>;

export type ParsedImportFile = { ok: true; file: TImportFile } | { ok: false; problems: ImportProblem[] };

export function parseImportFile(input: unknown): ParsedImportFile {
  const parsed = ZImportFileSchema.safeParse(input, { reportInput: true });
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => problemOf(issue, input))),
    ...duplicates(input),
    ...unsafeStrings(input),
  ];
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, file: parsed.data };
}

function problemOf(issue: z.core.$ZodIssue, input: unknown): ImportProblem {
  const [section, index, ...field] = issue.path;
  if (typeof section === "string" && section in IMPORT_SECTIONS && typeof index === "number") {
    const record = recordName(section, index, identityOf(input, section as ImportSectionName, index));
    return { where: fieldName(record, field), message: issueMessage(issue) };
  }
  return { where: fieldName("", issue.path).replace(/^\./, ""), message: issueMessage(issue) };
}

/** A NUL or a lone surrogate can never be stored as sent (PostgreSQL refuses it): named, not retried. */
function unsafeStrings(input: unknown): ImportProblem[] {
  return unsafeStringPaths(input).map((path) => problemOf({ code: "custom", path, message: UNSAFE_TEXT, input: undefined }, input));
}

const UNSAFE_TEXT = "contains a NUL character or a lone surrogate, which cannot be stored";

/** Within one file each unique field (externalId, reference, aadObjectId...) appears once. */
function duplicates(input: unknown): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const name of IMPORT_SECTION_NAMES) {
    const records = sectionOf(input, name);
    for (const field of IMPORT_SECTIONS[name].uniqueFields) {
      const firstIndex = new Map<string, number>();
      records.forEach((record, index) => {
        const value = valueOf(record, field);
        if (typeof value !== "string") return;
        const first = firstIndex.get(value);
        if (first === undefined) firstIndex.set(value, index);
        else
          problems.push({
            where: fieldName(recordName(name, index, identityOf(input, name, index)), [field]),
            message: `${JSON.stringify(value)} is already used by ${name}[${first}]`,
          });
      });
    }
  }
  return problems;
}

function identityOf(input: unknown, section: ImportSectionName, index: number): { field: string; value: unknown } {
  const field = IMPORT_SECTIONS[section].identity;
  return { field, value: valueOf(sectionOf(input, section)[index], field) };
}

function sectionOf(input: unknown, name: string): unknown[] {
  const records = valueOf(input, name);
  return Array.isArray(records) ? records : [];
}

function valueOf(record: unknown, field: string): unknown {
  return typeof record === "object" && record !== null ? (record as Record<string, unknown>)[field] : undefined;
}
