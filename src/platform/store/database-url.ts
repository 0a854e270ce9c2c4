// Which store a DATABASE_URL names. SQLite is the zero-configuration default; a postgres://
// or postgresql:// URL selects PostgreSQL, for several bot instances sharing one database.
import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/partner-ops.db";

export type DatabaseTarget = { provider: "sqlite"; url: string; filename: string } | { provider: "postgres"; url: string };

export function resolveDatabaseUrl(url: string = DEFAULT_DATABASE_URL, cwd = process.cwd()): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgres", url };
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgres:// URL, got "${url.split(":")[0]}:..."`);
  }
  const path = url.slice("file:".length).split("?")[0] ?? "";
  if (path === "") throw new Error("DATABASE_URL file: URL names no file");
  const filename = isAbsolute(path) ? path : resolve(cwd, path);
  return { provider: "sqlite", url: `file:${filename}`, filename };
}

/** SQLite creates the file but not its folder. */
export function ensureSqliteFolder(target: DatabaseTarget): void {
  if (target.provider === "sqlite") mkdirSync(dirname(target.filename), { recursive: true });
}
