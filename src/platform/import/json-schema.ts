// The JSON Schema of the import file, generated from the zod schema so the two cannot drift:
// `npm run import:schema` writes it to schemas/import.schema.json, and a unit test fails when
// the committed file differs. It describes what a file may hold; uniqueness of ids within a
// file and references already taken are checked by the import itself.
import { z } from "zod";
import type { ImportFormat } from "./import-file";

export const IMPORT_SCHEMA_PATH = "schemas/import.schema.json";

export function importJsonSchema(format: ImportFormat): Record<string, unknown> {
  return {
    ...z.toJSONSchema(format.schema, { io: "input", target: "draft-2020-12" }),
    title: "Partner ops bot import file",
  };
}

export const importJsonSchemaText = (format: ImportFormat): string => `${JSON.stringify(importJsonSchema(format), null, 2)}\n`;
