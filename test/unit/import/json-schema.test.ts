// The JSON Schema in the repository is the documentation of the import format: it must be
// exactly what the zod schema generates, and the example file must satisfy both.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { demoImportFile } from "../../../src/platform/import/demo/seed-demo";
import { IMPORT_SCHEMA_PATH, importJsonSchemaText } from "../../../src/platform/import/json-schema";
import { IMPORT_FORMAT, TABLES } from "../../support/tables";

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");

describe("the import file's JSON Schema", () => {
  it("is the committed schemas/import.schema.json (regenerate with npm run import:schema)", () => {
    expect(read(IMPORT_SCHEMA_PATH)).toBe(importJsonSchemaText(IMPORT_FORMAT));
  });

  it("accepts the example file, which the import accepts too", () => {
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(JSON.parse(read(IMPORT_SCHEMA_PATH)));
    const example = JSON.parse(read("examples/engagements.json"));
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(IMPORT_FORMAT.parse(example).ok).toBe(true);
  });

  it("accepts the demo organisation's data, which goes through the same import", () => {
    expect(IMPORT_FORMAT.parse(demoImportFile(TABLES, new Date("2026-11-25T12:00:00Z"))).ok).toBe(true);
  });
});
