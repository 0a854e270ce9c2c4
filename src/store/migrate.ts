// Runs `prisma migrate deploy` for the provider a DATABASE_URL names, with that provider's
// schema and migrations folder. Start-up asks first whether any committed migration is
// missing from the database: the CLI costs seconds, the question milliseconds.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type DatabaseTarget, ensureSqliteFolder, resolveDatabaseUrl } from "./database-url";
import type { Db } from "./db";

const run = promisify(execFile);
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

export async function migrateDatabase(url?: string): Promise<DatabaseTarget> {
  const target = resolveDatabaseUrl(url);
  ensureSqliteFolder(target);
  try {
    await run(process.execPath, [prismaCli, "migrate", "deploy", "--config", join("prisma", target.provider, "prisma.config.ts")], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: target.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`database migration failed:\n${output.stderr ?? ""}${output.stdout ?? ""}`);
  }
  return target;
}

/** Committed migrations not yet applied to the database `db` is connected to. */
export async function pendingMigrations(db: Db, target: DatabaseTarget): Promise<string[]> {
  const committed = readdirSync(join(projectRoot, "prisma", target.provider, "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  let applied: string[] = [];
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    applied = rows.map((row) => row.migration_name);
  } catch {
    // No migrations table yet: a brand-new database.
  }
  return committed.filter((name) => !applied.includes(name)).sort();
}
