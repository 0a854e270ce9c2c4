// Writes prisma/sqlite/schema.prisma and prisma/postgres/schema.prisma from the one schema
// source (scripts/db-schema-compose.ts says which files). Run after editing a .prisma source,
// then write the migration (scripts/migration-diff.sh) and `npm run postinstall` for the clients.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS, composeSchema, readSchemaSources } from "./db-schema-compose";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sources = readSchemaSources(root);
for (const provider of PROVIDERS) {
  const path = join("prisma", provider, "schema.prisma");
  writeFileSync(join(root, path), composeSchema(provider, sources));
  console.log(`wrote ${path}`);
}
