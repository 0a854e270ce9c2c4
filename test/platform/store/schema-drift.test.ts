// Migrations applied to an empty database give exactly the schema: its tables, columns (type,
// nullability, default), indexes and uniques, foreign keys and enum values are those of a
// database made straight from the committed schema by `prisma migrate diff --from-empty`.
// A model changed without its migration, or a migration left out, shows as a difference.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../../src/platform/store/migrate";
import { createEmptyDatabaseUrl, createTestDatabaseUrl, testProvider } from "../../support/database";
import { committedMigrations, migrationsFolderWith } from "../../support/migrations";
import { type SchemaCatalog, readCatalog, runScript, schemaScript } from "../../support/schema-catalog";

type Database = { url: string; drop(): Promise<void> };
const databases: Database[] = [];
let fromSchema: SchemaCatalog;

async function database(make: () => Promise<Database>): Promise<Database> {
  const made = await make();
  databases.push(made);
  return made;
}

beforeAll(async () => {
  const empty = await database(createEmptyDatabaseUrl);
  await runScript(testProvider, empty.url, await schemaScript(testProvider, empty.url));
  fromSchema = await readCatalog(testProvider, empty.url);
});

afterAll(async () => {
  for (const made of databases) await made.drop();
});

describe(`the ${testProvider} migrations`, () => {
  it("build exactly the schema the models declare", async () => {
    // The test databases are copies of one migrated with every committed migration.
    const migrated = await database(createTestDatabaseUrl);
    const catalog = await readCatalog(testProvider, migrated.url);
    expect(catalog.columns).toContain(`AuditEntry.recordKind ${testProvider === "sqlite" ? "TEXT" : "text"} NOT NULL`);
    expect(catalog).toEqual(fromSchema);
  });

  it("show a difference when the last migration is left out", async () => {
    const migrations = committedMigrations();
    const last = migrations[migrations.length - 1];
    const older = migrationsFolderWith((name) => name !== last);
    try {
      const partial = await database(createEmptyDatabaseUrl);
      await migrateDatabase(partial.url, { migrationsFolder: older.folder });
      expect(await readCatalog(testProvider, partial.url)).not.toEqual(fromSchema);
    } finally {
      older.remove();
    }
  });
});
