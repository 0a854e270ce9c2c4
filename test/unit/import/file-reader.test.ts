// Import files other than JSON: a workflow declares a reader by file name ending, the fold
// keeps one reader per ending (JSON is the platform's own), and a file's sections become an
// import file for an organisation the database holds.
import { describe, expect, it } from "vitest";
import { FoldError, foldWorkflows } from "../../../src/platform/fold";
import { importFileOf, type ImportFileReader, readerFor } from "../../../src/platform/import/file-reader";
import { PLATFORM_PARTS } from "../../../src/platform/parts";
import type { Workflow } from "../../../src/platform/workflow";
import { ticketsWorkflow } from "../../support/tickets-workflow/workflow";

const tsvReader: ImportFileReader = {
  extension: ".tsv",
  description: "tickets as tab-separated values",
  read: (bytes) => ({ ok: true, sections: { tickets: Buffer.from(bytes).toString("utf8").trim().split("\n") } }),
};

const withReader = (name: string, reader: ImportFileReader): Workflow => ({ ...ticketsWorkflow, name, importFiles: [reader] });

describe("import file readers", () => {
  it("folds a workflow's reader under its file name ending and finds it for a path, whatever its case", () => {
    const tables = foldWorkflows(PLATFORM_PARTS, [withReader("tickets", tsvReader)]);
    expect(readerFor(tables.importFiles, "exports/Tickets.TSV")).toBe(tsvReader);
    expect(readerFor(tables.importFiles, "exports/tickets.json")).toBeUndefined();
  });

  it("refuses two readers of one file type, and a reader of the platform's JSON", () => {
    const copy = {
      ...withReader("tickets-copy", tsvReader),
      namespaces: ["copy"],
      actions: {},
      intents: {},
      deadlines: [],
      importSections: [],
      references: [],
    };
    expect(() => foldWorkflows(PLATFORM_PARTS, [withReader("tickets", tsvReader), copy])).toThrow(/import file type ".tsv" is declared by both/);
    expect(() => foldWorkflows(PLATFORM_PARTS, [withReader("tickets", { ...tsvReader, extension: ".json" })])).toThrow(FoldError);
  });

  it("makes an import file of the sections for a known organisation", () => {
    const organisation = { id: "org-1", tenantId: "tenant-1", name: "Contoso Partners", timeZone: "Asia/Jakarta" };
    expect(importFileOf(organisation, { tickets: [{ number: "101" }] })).toEqual({
      version: 1,
      organisation: { tenantId: "tenant-1", name: "Contoso Partners", timeZone: "Asia/Jakarta" },
      tickets: [{ number: "101" }],
    });
  });
});
