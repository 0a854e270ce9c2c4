// Writes schemas/import.schema.json from the import's zod schema, with every shipped workflow's
// sections (src/platform/import/json-schema.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { platformTables } from "../src/app";
import { importFormat } from "../src/platform/import/import-file";
import { IMPORT_SCHEMA_PATH, importJsonSchemaText } from "../src/platform/import/json-schema";

mkdirSync(dirname(IMPORT_SCHEMA_PATH), { recursive: true });
writeFileSync(IMPORT_SCHEMA_PATH, importJsonSchemaText(importFormat(platformTables().importSections)));
console.log(`wrote ${IMPORT_SCHEMA_PATH}`);
