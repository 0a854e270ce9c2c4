// The import file: a version, the organisation, and one optional array per import section the
// workflows declare (folded in PlatformTables.importSections). `importFormat(sections).parse`
// validates the whole file at once and reports every problem, each naming its record and
// field, before anything touches the database.
import { z } from "zod";
import type { PlatformTables } from "../fold";
import { ZImportOrganisationSchema } from "./organisation";
import { type ImportProblem, fieldName, issueMessage, recordName } from "./problems";

export const IMPORT_FORMAT_VERSION = 1;

type Sections = PlatformTables["importSections"];

export function importFileSchema(sections: Sections) {
  const sectionShape = Object.fromEntries(
    sections.map(({ name, section }) => [name, z.array(section.record).optional().describe(section.description)]),
  ) as Record<string, z.ZodOptional<z.ZodArray<z.ZodType>>>;
  return z
    .strictObject({
      // Lets editors find schemas/import.schema.json for autocompletion and checks.
      $schema: z.string().optional(),
      version: z.literal(IMPORT_FORMAT_VERSION),
      organisation: ZImportOrganisationSchema,
      ...sectionShape,
    })
    .describe("Vendor portal records for one partner organisation, applied all-or-nothing and upserted by their ids.");
}

/** A validated file: the organisation, and each section's records by section name. */
export interface TImportFile {
  version: typeof IMPORT_FORMAT_VERSION;
  organisation: z.output<typeof ZImportOrganisationSchema>;
  [section: string]: unknown;
}

/** What a file holds before validation (dates as strings): what the demo seed writes. */
export interface TImportFileInput {
  $schema?: string;
  version: typeof IMPORT_FORMAT_VERSION;
  organisation: z.input<typeof ZImportOrganisationSchema>;
  [section: string]: unknown;
}

export type ParsedImportFile = { ok: true; file: TImportFile } | { ok: false; problems: ImportProblem[] };

export interface ImportFormat {
  sections: Sections;
  schema: ReturnType<typeof importFileSchema>;
  parse(input: unknown): ParsedImportFile;
}

/** The file format of these sections: its schema, and the parser that names every problem. */
export function importFormat(sections: Sections): ImportFormat {
  const schema = importFileSchema(sections);
  const byName = new Map(sections.map((entry) => [entry.name, entry.section]));
  return {
    sections,
    schema,
    parse(input) {
      const parsed = schema.safeParse(input, { reportInput: true });
      const problems = [...(parsed.success ? [] : parsed.error.issues.map((issue) => problemOf(byName, issue, input))), ...duplicates(sections, input)];
      if (problems.length > 0 || !parsed.success) return { ok: false, problems };
      return { ok: true, file: parsed.data as TImportFile };
    },
  };
}

type SectionsByName = ReadonlyMap<string, Sections[number]["section"]>;

function problemOf(byName: SectionsByName, issue: z.core.$ZodIssue, input: unknown): ImportProblem {
  const [section, index, ...field] = issue.path;
  const declared = typeof section === "string" ? byName.get(section) : undefined;
  if (typeof section === "string" && declared && typeof index === "number") {
    const record = recordName(section, index, identityOf(input, section, declared.identity, index));
    return { where: fieldName(record, field), message: issueMessage(issue) };
  }
  return { where: fieldName("", issue.path).replace(/^\./, ""), message: issueMessage(issue) };
}

/** Within one file each unique field (externalId, reference, aadObjectId...) appears once. */
function duplicates(sections: Sections, input: unknown): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const { name, section } of sections) {
    const records = sectionOf(input, name);
    for (const field of section.uniqueFields) {
      const firstIndex = new Map<string, number>();
      records.forEach((record, index) => {
        const value = fieldOf(record, field);
        if (typeof value !== "string") return;
        const first = firstIndex.get(value);
        if (first === undefined) firstIndex.set(value, index);
        else
          problems.push({
            where: fieldName(recordName(name, index, identityOf(input, name, section.identity, index)), [field]),
            message: `${JSON.stringify(value)} is already used by ${name}[${first}]`,
          });
      });
    }
  }
  return problems;
}

function identityOf(input: unknown, section: string, field: string, index: number): { field: string; value: unknown } {
  return { field, value: fieldOf(sectionOf(input, section)[index], field) };
}

function sectionOf(input: unknown, name: string): unknown[] {
  const records = fieldOf(input, name);
  return Array.isArray(records) ? records : [];
}

function fieldOf(record: unknown, field: string): unknown {
  return typeof record === "object" && record !== null ? (record as Record<string, unknown>)[field] : undefined;
}
