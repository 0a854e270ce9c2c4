// Runs `prisma migrate deploy` for the provider a DATABASE_URL names, with that provider's
// schema and migrations folder.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type DatabaseTarget, ensureSqliteFolder, resolveDatabaseUrl } from "./database-url";

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
