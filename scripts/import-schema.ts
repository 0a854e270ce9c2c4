// Writes schemas/import.schema.json from the import's zod schema (src/import/json-schema.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { IMPORT_SCHEMA_PATH, importJsonSchemaText } from "../src/platform/import/json-schema";

mkdirSync(dirname(IMPORT_SCHEMA_PATH), { recursive: true });
writeFileSync(IMPORT_SCHEMA_PATH, importJsonSchemaText());
console.log(`wrote ${IMPORT_SCHEMA_PATH}`);
