// Applies the committed migrations a database lacks, for the provider a DATABASE_URL names, with
// `prisma migrate deploy` on that provider's schema and migrations folder. It asks the database
// first which ones it lacks: the CLI costs a second of CPU or more, the question milliseconds.
// On PostgreSQL the question and the CLI run under an advisory lock of our own, so instances
// starting together wait for the first one and then find nothing left to apply; the CLI still
// takes Prisma's lock, which is what keeps two appliers apart.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { type DatabaseTarget, ensureSqliteFolder, resolveDatabaseUrl } from "./database-url";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

/** Two-key form: a key space apart from Prisma's single key 72707369, which the CLI takes. */
const LOCK = "SELECT pg_advisory_lock(72707369, 1)";
const TRY_LOCK = "SELECT pg_try_advisory_lock(72707369, 1) AS locked";
const APPLIED = "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL";

/** What `migrate deploy` prints last, once every migration is applied and recorded. */
const DEPLOYED = /No pending migrations to apply\.|All migrations have been successfully applied\./;

export interface MigrateOptions {
  /** Told what is about to happen: waiting for another instance, or the migrations applied. */
  log?: (line: string) => void;
  /** The Prisma CLI's entry script; tests hand in a stand-in that behaves like it. */
  prismaCli?: string;
  /** Another migrations folder than the committed one: tests build a database of an older release. */
  migrationsFolder?: string;
}

export interface Migrated {
  target: DatabaseTarget;
  /** The migrations this call applied; empty when the database was up to date. */
  applied: string[];
}

export async function migrateDatabase(url?: string, options: MigrateOptions = {}): Promise<Migrated> {
  const target = resolveDatabaseUrl(url);
  const log = options.log ?? (() => {});
  const deploy = { cli: options.prismaCli ?? prismaCli, folder: options.migrationsFolder ?? join(projectRoot, "prisma", target.provider, "migrations") };
  if (target.provider === "sqlite") {
    ensureSqliteFolder(target);
    return { target, applied: await applyPending(target, appliedSqlite(target.filename), log, deploy) };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(TRY_LOCK);
    if (!rows[0]?.locked) {
      log("another instance is applying database migrations: waiting for it");
      await client.query(LOCK);
    }
    const applied = await client.query<{ migration_name: string }>(APPLIED).then(
      (result) => result.rows.map((row) => row.migration_name),
      () => [], // no migrations table yet: a brand-new database
    );
    return { target, applied: await applyPending(target, applied, log, deploy) };
  } finally {
    // Ending the session releases the lock.
    await client.end();
  }
}

interface Deploy {
  cli: string;
  folder: string;
}

async function applyPending(target: DatabaseTarget, applied: string[], log: (line: string) => void, deploy: Deploy): Promise<string[]> {
  const pending = migrationsIn(deploy.folder).filter((name) => !applied.includes(name));
  if (pending.length > 0) {
    log(`applying ${pending.length} database migration(s): ${pending.join(", ")}`);
    await deployMigrations(target, deploy);
  }
  return pending;
}

function migrationsIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function appliedSqlite(filename: string): string[] {
  if (!existsSync(filename)) return [];
  const db = new Database(filename, { readonly: true });
  try {
    return (db.prepare(APPLIED).all() as { migration_name: string }[]).map((row) => row.migration_name);
  } catch {
    return []; // no migrations table yet: a brand-new database
  } finally {
    db.close();
  }
}

/**
 * The CLI is ended as soon as it reports success. Its WebAssembly schema engine bounds the wait
 * for PostgreSQL's advisory lock with a 10 s timer that it never clears, so a finished CLI
 * would stay alive 10 s more, its idle connection still holding the lock the next applier
 * waits for. Ending the process closes that connection, which releases the lock. A failure
 * makes the CLI exit non-zero before any success line, with Prisma's message.
 */
function deployMigrations(target: DatabaseTarget, deploy: Deploy): Promise<void> {
  const args = [deploy.cli, "migrate", "deploy", "--config", join("prisma", target.provider, "prisma.config.ts")];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    // CHECKPOINT_DISABLE: no update check, which starts a second Node process on every run.
    env: {
      ...process.env,
      DATABASE_URL: target.url,
      PRISMA_MIGRATIONS_FOLDER: deploy.folder,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
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
