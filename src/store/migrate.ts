// Runs `prisma migrate deploy` for the provider a DATABASE_URL names, with that provider's
// schema and migrations folder. Start-up asks first whether any committed migration is
// missing from the database: the CLI costs seconds, the question milliseconds.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DatabaseTarget, ensureSqliteFolder, resolveDatabaseUrl } from "./database-url";
import type { Db } from "./db";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

/** What `migrate deploy` prints last, once every migration is applied and recorded. */
const DEPLOYED = /No pending migrations to apply\.|All migrations have been successfully applied\./;

export async function migrateDatabase(url?: string): Promise<DatabaseTarget> {
  const target = resolveDatabaseUrl(url);
  ensureSqliteFolder(target);
  await deployMigrations(target);
  return target;
}

/**
 * The CLI is ended as soon as it reports success. Its WebAssembly schema engine bounds the wait
 * for PostgreSQL's advisory lock with a 10 s timer that it never clears, so a finished CLI
 * would stay alive 10 s more, its idle connection still holding the lock the next instance
 * waits for. Ending the process closes that connection, which releases the lock. A failure
 * makes the CLI exit non-zero before any success line, with Prisma's message.
 */
function deployMigrations(target: DatabaseTarget): Promise<void> {
  const args = [prismaCli, "migrate", "deploy", "--config", join("prisma", target.provider, "prisma.config.ts")];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    // CHECKPOINT_DISABLE: no update check, which starts a second Node process on every run.
    env: { ...process.env, DATABASE_URL: target.url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let deployed = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (!deployed && DEPLOYED.test(stdout)) {
      deployed = true;
      child.kill("SIGTERM");
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      if (deployed || code === 0) resolve();
      else reject(new Error(`database migration failed:\n${stderr}${stdout}`));
    });
  });
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
