// Databases as an older release left them: only the committed migrations before a given one
// applied, by the same `migrate deploy` a start runs, so a test can fill them with that
// release's rows and then migrate them forward.
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "../../src/platform/store/migrate";
import { createEmptyDatabaseUrl, testProvider } from "./database";

const committedFolder = join(import.meta.dirname, "..", "..", "prisma", testProvider, "migrations");

/** The committed migrations of this provider, oldest first. */
export function committedMigrations(): string[] {
  return readdirSync(committedFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The full name of the committed migration whose name ends with `suffix`. */
export function migrationNamed(suffix: string): string {
  const name = committedMigrations().find((entry) => entry.endsWith(suffix));
  if (!name) throw new Error(`no committed migration ends with ${suffix}`);
  return name;
}

/** A folder holding the committed migrations that `keep` accepts, for migrateDatabase's migrationsFolder. */
export function migrationsFolderWith(keep: (name: string) => boolean): { folder: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), "partner-ops-migrations-"));
  copyFileSync(join(committedFolder, "migration_lock.toml"), join(folder, "migration_lock.toml"));
  for (const name of committedMigrations().filter(keep)) cpSync(join(committedFolder, name), join(folder, name), { recursive: true });
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** A new database migrated up to, not including, `migration`. */
export async function createDatabaseBefore(migration: string): Promise<{ url: string; drop(): Promise<void> }> {
  const database = await createEmptyDatabaseUrl();
  const older = migrationsFolderWith((name) => name < migration);
  try {
    await migrateDatabase(database.url, { migrationsFolder: older.folder });
  } catch (error) {
    await database.drop();
    throw error;
  } finally {
    older.remove();
  }
  return database;
}
